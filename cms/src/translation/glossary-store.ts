import type { Core, UID } from '@strapi/strapi';
import { localeCodes } from './content';
import { type GlossaryTerm, matchTerms, type TermMatch, toGlossaryTerm } from './glossary';

export const TERM_UID = 'api::term.term' as UID.ContentType;

/** Every glossary term. The glossary is small (hundreds of terms), so it is read whole per check. */
export async function loadGlossary(strapi: Core.Strapi): Promise<GlossaryTerm[]> {
  const [rows, locales] = await Promise.all([
    strapi.db.query(TERM_UID).findMany({ orderBy: { id: 'asc' } }) as Promise<Array<Record<string, unknown>>>,
    localeCodes(strapi),
  ]);
  return rows.map((row) => toGlossaryTerm(row, locales));
}

/** The glossary terms in `text` (a `sourceLocale` text) with their approved `targetLocale` translations. */
export async function findTerms(
  strapi: Core.Strapi,
  text: string,
  sourceLocale: string,
  targetLocale: string,
): Promise<TermMatch[]> {
  return matchTerms(await loadGlossary(strapi), text, sourceLocale, targetLocale);
}
