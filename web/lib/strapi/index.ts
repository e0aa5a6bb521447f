import 'server-only';

import { cache } from 'react';
import { isPlausibleSlug, type Locale, normalizeRedirectPath, type RedirectAnswer } from '@medee/contract';
import { previewedDocument } from '@/lib/preview/session';
import { CmsError } from './errors';
import {
  toArticleFromLookup,
  toAdjacentArticles,
  toArticleSearchPage,
  toArticleSummaryPage,
  toCategoryListingList,
  toCertificateFromLookup,
  toCertificateSummaryList,
  toGlobal,
  toRedirectAnswer,
  toSitemapBatch,
  toSitemapEnds,
  toSitemapSummary,
} from './map';
import { cacheTags } from '@medee/contract';
import { strapiFetch } from './transport';
import type {
  AdjacentArticles,
  Article,
  ArticleSearchPage,
  ArticleSummary,
  CategoryListing,
  Certificate,
  CertificateSummary,
  Paginated,
  SiteSettings,
  SitemapBatch,
  SitemapSummary,
} from './types';

// One function per thing a page needs. Each is wrapped in React cache() so a
// page and its generateMetadata share one read per request.

export { CmsContentError, CmsError, CmsUnavailableError } from './errors';
export { cacheTags } from '@medee/contract';
export type * from './types';

/** Articles per page of the news list and of search results. */
export const ARTICLES_PAGE_SIZE = 10;

/** Articles in each locale's feed. */
export const FEED_SIZE = 20;

// Strapi's default maximum page size; the site has far fewer certificates and categories.
const WHOLE_COLLECTION = { page: 1, pageSize: 100 } as const;

const mediaFields = ['url', 'alternativeText', 'caption', 'width', 'height'];
const articleSummaryFields = ['title', 'slug', 'summary', 'postedAt', 'updatedAt', 'locale', 'coverAlt'];
const certificateSummaryFields = ['name', 'slug', 'issuer', 'issuedOn', 'level', 'locale'];
const translationFields = ['locale', 'slug'];
// documentId breaks ties between articles of the same day: unlike `id`, it
// stays the same when an article is republished, so the order is stable.
const newestFirst = ['postedAt:desc', 'documentId:desc'];

/**
 * Reads one document with `read`: its draft when this request's preview session is for a
 * document of `uid` in `locale` and `read`, limited to that documentId, finds it; the published
 * version otherwise. So a preview link opens the draft it was signed for and no other.
 */
async function draftIfPreviewed<T>(
  uid: string,
  locale: Locale,
  read: (draftOf: string | null) => Promise<T | null>,
): Promise<T | null> {
  const documentId = await previewedDocument(uid, locale);
  const draft = documentId ? await read(documentId) : null;
  return draft ?? read(null);
}

/** The version a read of `draftOf` (from draftIfPreviewed) asks for, and the filter that limits it to that document. */
function previewRead(draftOf: string | null) {
  return draftOf
    ? { status: 'draft' as const, only: { documentId: { $eq: draftOf } } }
    : { status: 'published' as const, only: {} };
}

const articleSummaryPopulate = {
  category: { fields: ['name', 'slug'] },
  cover: { fields: mediaFields },
};

function articleListQuery(locale: Locale, page: number, pageSize: number, filters?: object) {
  return {
    locale,
    sort: newestFirst,
    fields: articleSummaryFields,
    populate: articleSummaryPopulate,
    ...(filters ? { filters } : {}),
    pagination: { page, pageSize },
  };
}

function assertPageNumber(what: string, page: number): void {
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new RangeError(`${what}: page must be a positive integer, got ${page}`);
  }
}

/** The newest `limit` published articles in `locale`, for the home page. */
export const getLatestArticles = cache(async (locale: Locale, limit: number): Promise<ArticleSummary[]> => {
  const json = await strapiFetch('/api/articles', articleListQuery(locale, 1, limit), {
    tags: [cacheTags.articles(locale), cacheTags.categories(locale)],
  });
  return toArticleSummaryPage(json).items;
});

/**
 * One page (1-based, ARTICLES_PAGE_SIZE per page) of published articles in
 * `locale`, newest first, optionally only those in the category `categorySlug`.
 * A page past the end comes back with no items; `pageCount` tells the caller.
 */
export const getPublishedArticlesPage = cache(
  async (locale: Locale, page: number, categorySlug?: string): Promise<Paginated<ArticleSummary>> => {
    assertPageNumber('getPublishedArticlesPage', page);
    if (categorySlug !== undefined && !isPlausibleSlug(categorySlug)) {
      return { items: [], page, pageSize: ARTICLES_PAGE_SIZE, pageCount: 0, total: 0 };
    }
    const filters = categorySlug ? { category: { slug: { $eq: categorySlug } } } : undefined;
    const json = await strapiFetch('/api/articles', articleListQuery(locale, page, ARTICLES_PAGE_SIZE, filters), {
      tags: [cacheTags.articles(locale), cacheTags.categories(locale)],
    });
    return toArticleSummaryPage(json);
  },
);

/**
 * One page of the published articles in `locale` whose title or summary
 * contains `text` (case-insensitive, any script), most relevant first, with
 * where each matched: the CMS's search (GET /api/articles/search,
 * cms/src/search). `text` must already be validated (lib/search.ts
 * parseSearchQuery).
 */
export const searchPublishedArticles = cache(
  async (locale: Locale, text: string, page: number): Promise<ArticleSearchPage> => {
    assertPageNumber('searchPublishedArticles', page);
    const json = await strapiFetch(
      '/api/articles/search',
      { locale, q: text, page },
      { tags: [cacheTags.articles(locale), cacheTags.categories(locale)] },
    );
    return toArticleSearchPage(json);
  },
);

/** The newest FEED_SIZE published articles in `locale`, for /<locale>/feed.xml. */
export const getFeedArticles = cache(async (locale: Locale): Promise<ArticleSummary[]> => {
  const json = await strapiFetch('/api/articles', articleListQuery(locale, 1, FEED_SIZE), {
    tags: [cacheTags.feed(locale), cacheTags.articles(locale), cacheTags.categories(locale)],
  });
  return toArticleSummaryPage(json).items;
});

/**
 * The published articles just older and just newer than `article` in its
 * locale, in the news list's order (post date, then documentId): one read,
 * GET /api/articles/adjacent (cms/src/adjacent.ts).
 */
export const getAdjacentArticles = cache(
  async (locale: Locale, documentId: string, postedAt: string): Promise<AdjacentArticles> => {
    const json = await strapiFetch(
      '/api/articles/adjacent',
      { locale, postedAt, documentId },
      { tags: [cacheTags.articles(locale)] },
    );
    return toAdjacentArticles(json);
  },
);

/**
 * The published article with this slug in `locale` (its draft in a preview session for it), or
 * null if there is none.
 */
export const getArticleBySlug = cache(async (locale: Locale, slug: string): Promise<Article | null> => {
  if (!isPlausibleSlug(slug)) return null;
  return draftIfPreviewed('api::article.article', locale, (draftOf) => readArticle(locale, slug, draftOf));
});

async function readArticle(locale: Locale, slug: string, draftOf: string | null): Promise<Article | null> {
  const { status, only } = previewRead(draftOf);
  const json = await strapiFetch(
    '/api/articles',
    {
      locale,
      filters: { slug: { $eq: slug }, ...only },
      populate: {
        ...articleSummaryPopulate,
        certificates: { fields: certificateSummaryFields, sort: ['issuedOn:desc'] },
        seo: true,
        localizations: { fields: translationFields },
      },
      pagination: { page: 1, pageSize: 1, withCount: false },
    },
    {
      tags: [cacheTags.article(locale, slug), cacheTags.certificates(locale), cacheTags.categories(locale)],
      status,
    },
  );
  return toArticleFromLookup(json);
}

/**
 * Where a path the site would answer 404 leads now (a renamed slug, an editor's redirect), or
 * null. Asked only on the way to a 404, one indexed read in the CMS; cached under `redirects`,
 * which every redirect change and every slug move marks stale.
 */
export const getRedirect = cache(async (path: string): Promise<RedirectAnswer | null> => {
  const normalized = normalizeRedirectPath(path);
  if (!normalized.ok) return null;
  const json = await strapiFetch(
    '/api/redirects/resolve',
    { path: normalized.path },
    { tags: [cacheTags.redirects()] },
  );
  return toRedirectAnswer(json);
});

/** All published certificates in `locale`, most recently issued first. */
export const getCertificates = cache(async (locale: Locale): Promise<CertificateSummary[]> => {
  const json = await strapiFetch(
    '/api/certificates',
    {
      locale,
      sort: ['issuedOn:desc', 'id:desc'],
      fields: certificateSummaryFields,
      pagination: WHOLE_COLLECTION,
    },
    { tags: [cacheTags.certificates(locale)] },
  );
  return toCertificateSummaryList(json);
});

/**
 * The published certificate with this slug in `locale` (its draft in a preview session for it),
 * with its articles, or null if there is none.
 */
export const getCertificateBySlug = cache(async (locale: Locale, slug: string): Promise<Certificate | null> => {
  if (!isPlausibleSlug(slug)) return null;
  return draftIfPreviewed('api::certificate.certificate', locale, (draftOf) => readCertificate(locale, slug, draftOf));
});

async function readCertificate(locale: Locale, slug: string, draftOf: string | null): Promise<Certificate | null> {
  const { status, only } = previewRead(draftOf);
  const json = await strapiFetch(
    '/api/certificates',
    {
      locale,
      filters: { slug: { $eq: slug }, ...only },
      populate: {
        scan: { fields: mediaFields },
        articles: { fields: ['title', 'slug', 'postedAt'] },
        localizations: { fields: translationFields },
      },
      pagination: { page: 1, pageSize: 1, withCount: false },
    },
    { tags: [cacheTags.certificate(locale, slug), cacheTags.articles(locale)], status },
  );
  return toCertificateFromLookup(json);
}

/**
 * All published news categories in `locale`, by name, each with the number of
 * its published articles in `locale` and its slugs in the other languages.
 */
export const getCategories = cache(async (locale: Locale): Promise<CategoryListing[]> => {
  const previewed = await previewedDocument('api::category.category', locale);
  const [published, [draft]] = await Promise.all([
    readCategories(locale, null),
    previewed ? readCategories(locale, previewed) : [],
  ]);
  if (!draft) return published;
  // In a preview session for a category, its draft stands in for it (or joins the list when it
  // was never published).
  return published.some((each) => each.documentId === draft.documentId)
    ? published.map((each) => (each.documentId === draft.documentId ? draft : each))
    : [...published, draft];
});

async function readCategories(locale: Locale, draftOf: string | null): Promise<CategoryListing[]> {
  const { status, only } = previewRead(draftOf);
  const json = await strapiFetch(
    '/api/categories',
    {
      locale,
      sort: ['name:asc'],
      fields: ['name', 'slug', 'locale'],
      // Strapi counts the relation in SQL; the published-only content API
      // makes it count published articles of this locale only.
      populate: { localizations: { fields: translationFields }, articles: { count: true } },
      ...(draftOf ? { filters: only } : {}),
      pagination: WHOLE_COLLECTION,
    },
    { tags: [cacheTags.categories(locale), cacheTags.articles(locale)], status },
  );
  return toCategoryListingList(json);
}

/**
 * Counts behind the sitemap (cms/src/sitemap): per locale, its published articles and
 * certificates, and its categories with their articles. Uncached: the sitemap caches what it
 * renders from it (lib/sitemap-data.ts), so a re-render reads it fresh.
 */
export async function getSitemapSummary(): Promise<SitemapSummary> {
  return toSitemapSummary(await strapiFetch('/api/sitemap', {}, { tags: [], uncached: true }));
}

/** The documentId ending each full batch of `every` of `locale`'s `type` but the last. Uncached. */
export async function getSitemapEnds(
  type: 'articles' | 'certificates',
  locale: Locale,
  every: number,
): Promise<string[]> {
  return toSitemapEnds(await strapiFetch('/api/sitemap/ends', { type, locale, every }, { tags: [], uncached: true }));
}

/**
 * One keyset batch of `locale`'s published articles or certificates: documentIds after `after`
 * and through `through` (either open), at most `limit`. Uncached like getSitemapSummary.
 */
export async function getSitemapBatch(
  type: 'articles' | 'certificates',
  locale: Locale,
  range: { after?: string; through?: string },
  limit: number,
): Promise<SitemapBatch> {
  const json = await strapiFetch(
    '/api/sitemap/documents',
    { type, locale, ...range, limit },
    { tags: [], uncached: true },
  );
  return toSitemapBatch(locale, json);
}

/**
 * The site settings (the CMS's `global` single type) in `locale` (their draft in a preview
 * session for them), or null while none is published for that locale — Strapi answers 404 then.
 */
export const getGlobal = cache(
  async (locale: Locale): Promise<SiteSettings | null> =>
    // A single type has one document: its draft is the one a preview link for it was signed for.
    draftIfPreviewed('api::global.global', locale, (draftOf) => readGlobal(locale, previewRead(draftOf).status)),
);

async function readGlobal(locale: Locale, status: 'draft' | 'published'): Promise<SiteSettings | null> {
  let json: unknown;
  try {
    json = await strapiFetch(
      '/api/global',
      { locale, populate: { seo: true } },
      { tags: [cacheTags.global(locale)], status },
    );
  } catch (error) {
    if (error instanceof CmsError && error.status === 404) return null;
    throw error;
  }
  return toGlobal(json);
}
