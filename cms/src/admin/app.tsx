import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { registerFieldHints } from './field-hints';
import { HistoryPanel } from './history/HistoryPanel';
import { skipGuidedTour } from './guided-tour';
import { INTERFACE_LANGUAGES, translations } from './i18n';
import { polyfillMongolianDates } from './intl-polyfill';
import { registerSlugFollower } from './slug-follower';
import { bootstrapTranslationStatus, registerTranslationStatus } from './translation-status';

export default {
  config: {
    // Offered on the login page and in each user's profile, next to English (names: vite.config.ts).
    locales: [...INTERFACE_LANGUAGES],
    translations,
    // The admin must work offline: no release check against GitHub, no video tutorials.
    notifications: { releases: false },
    tutorials: false,
  },
  register(app: StrapiApp) {
    void polyfillMongolianDates();
    skipGuidedTour();
    registerTranslationStatus(app);
  },
  bootstrap(app: StrapiApp) {
    bootstrapTranslationStatus(app);
    registerFieldHints(app);
    registerSlugFollower(app);
    (app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis']).addEditViewSidePanel([
      HistoryPanel,
    ]);
  },
};
