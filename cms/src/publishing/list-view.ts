import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
const STORE_KEY = 'article-list-view';
/** Bump to apply a changed ARTICLE_LIST_VIEW once more on existing databases. */
const VERSION = 1;

interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { list?: Record<string, unknown>; edit?: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
}

/**
 * The Content Manager's article list: title and post date columns (the admin adds the locales
 * ("Available in") and Status columns itself for localized, draft-and-publish types), newest post
 * first. Applied once per VERSION through the Content Manager's own configuration service, so a
 * column an editor later adds or moves in "Configure the view" is kept across restarts.
 */
export async function ensureArticleListView(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'medee' });
  if ((await store.get({ key: STORE_KEY })) === VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(ARTICLE);
  const current = (await contentTypes.findConfiguration(contentType)) as CmConfiguration & { uid?: string };
  const { uid: _uid, ...configuration } = current;
  const postedAt = configuration.metadatas.postedAt ?? {};
  await contentTypes.updateConfiguration(contentType, {
    ...configuration,
    settings: { ...configuration.settings, mainField: 'title', defaultSortBy: 'postedAt', defaultSortOrder: 'DESC' },
    metadatas: {
      ...configuration.metadatas,
      postedAt: {
        ...postedAt,
        list: { ...postedAt.list, label: 'Posted at', sortable: true },
        edit: { ...postedAt.edit, label: 'Posted at', description: 'Defaults to today when left empty.' },
      },
    },
    layouts: { ...configuration.layouts, list: ['title', 'postedAt'] },
  });
  await store.set({ key: STORE_KEY, value: VERSION });
}
