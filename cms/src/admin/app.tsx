import type { StrapiApp } from '@strapi/strapi/admin';
import { bootstrapTranslationStatus, registerTranslationStatus } from './translation-status';

export default {
  config: {
    locales: ['zh-Hans'],
    // The admin must work offline: no release check against GitHub, no video tutorials.
    notifications: { releases: false },
    tutorials: false,
  },
  register(app: StrapiApp) {
    registerTranslationStatus(app);
  },
  bootstrap(app: StrapiApp) {
    bootstrapTranslationStatus(app);
  },
};
