import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Earth } from '@strapi/icons';
import { TranslationStatusPanel } from './StatusPanel';

/** The Translations page in the main menu, for everyone who may read articles. */
export function registerTranslationStatus(app: StrapiApp): void {
  app.addMenuLink({
    to: 'translations',
    icon: Earth,
    intlLabel: { id: 'medee.translations.menu', defaultMessage: 'Translations' },
    permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
    // biome-ignore lint/correctness/noComponentHookFactories: a lazy import of the page, not a component
    Component: () => import('./StatusPage'),
    position: 3,
  });
  // The Translate screen has no menu entry: it is opened for one document from the panel beside its edit view.
  app.router.addRoute({
    path: 'translate',
    lazy: async () => ({ Component: (await import('./TranslatePage')).default }),
  });
}

/** The translation status panel beside an article's or certificate's edit view. */
export function bootstrapTranslationStatus(app: StrapiApp): void {
  const apis = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
  apis.addEditViewSidePanel([TranslationStatusPanel]);
}
