import 'server-only';

import { contentTypeUids, type Locale, sitePaths } from '@medee/contract';
import { newsListPath } from '@/lib/routes';
import { CmsError } from './errors';
import { toDocumentSlug } from './map';
import { strapiFetch } from './transport';

// Where a preview link from the CMS admin leads: the document's page on this site, worked out
// here from the document's coordinates (never taken from the link). The reads for pages are in
// index.ts.

/** The content types a preview link may open, the collection each is read from, and its page. */
const previewCollections = {
  [contentTypeUids.article]: { path: '/api/articles', page: sitePaths.article },
  [contentTypeUids.certificate]: { path: '/api/certificates', page: sitePaths.certificate },
  [contentTypeUids.category]: {
    path: '/api/categories',
    page: (locale: Locale, slug: string) => newsListPath(locale, { category: slug }),
  },
} as const;

/**
 * The site path that shows document `documentId` of content type `uid` in
 * `locale`, looking up its slug in the `status` version (drafts through the
 * preview token), never cached. Null when the content type has no page or that
 * version does not exist. The `global` settings show on every page: the home
 * page stands for them.
 */
export async function getPreviewPath(
  uid: string,
  documentId: string,
  locale: Locale,
  status: 'draft' | 'published',
): Promise<string | null> {
  if (uid === contentTypeUids.global) return sitePaths.home(locale);
  if (!Object.hasOwn(previewCollections, uid)) return null;
  const collection = previewCollections[uid as keyof typeof previewCollections];
  let json: unknown;
  try {
    json = await strapiFetch(
      `${collection.path}/${encodeURIComponent(documentId)}`,
      { locale, fields: ['slug'] },
      { tags: [], status, uncached: true },
    );
  } catch (error) {
    if (error instanceof CmsError && error.status === 404) return null;
    throw error;
  }
  return collection.page(locale, toDocumentSlug(json));
}
