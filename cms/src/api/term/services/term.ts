import { factories } from '@strapi/strapi';
import { findTerms, loadGlossary } from '../../../translation/glossary-store';

/** strapi.service('api::term.term').findTerms(text, 'zh', 'mn') → the terms in text with their approved translations. */
export default factories.createCoreService('api::term.term', ({ strapi }) => ({
  loadGlossary: () => loadGlossary(strapi),
  findTerms: (text: string, sourceLocale: string, targetLocale: string) =>
    findTerms(strapi, text, sourceLocale, targetLocale),
}));
