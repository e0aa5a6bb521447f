import type { Locale } from './locales';

// The content types the site reads: the public role and the site's token may read these, and
// only these; the CMS notifies the site of their changes, and the site caches their reads under
// the tags below.

export const PUBLIC_COLLECTION_TYPES = [
  'api::article.article',
  'api::certificate.certificate',
  'api::category.category',
] as const;
export const PUBLIC_SINGLE_TYPES = ['api::global.global'] as const;
export const PUBLIC_CONTENT_TYPES = [...PUBLIC_COLLECTION_TYPES, ...PUBLIC_SINGLE_TYPES] as const;
export type PublicContentType = (typeof PUBLIC_CONTENT_TYPES)[number];

export const contentTypeUids = {
  article: 'api::article.article',
  certificate: 'api::certificate.certificate',
  category: 'api::category.category',
  global: 'api::global.global',
} as const satisfies Record<string, PublicContentType>;

/** The site's public paths of the content types' pages (absolute URLs add SITE_URL). */
export const sitePaths = {
  home: (locale: Locale) => `/${locale}`,
  news: (locale: Locale) => `/${locale}/news`,
  article: (locale: Locale, slug: string) => `/${locale}/news/${encodeURIComponent(slug)}`,
  certificates: (locale: Locale) => `/${locale}/certificates`,
  certificate: (locale: Locale, slug: string) => `/${locale}/certificates/${encodeURIComponent(slug)}`,
  feed: (locale: Locale) => `/${locale}/feed.xml`,
  sitemap: () => '/sitemap.xml',
} as const;

/**
 * Cache tags of the site's CMS reads. The change notice revalidates by these names, so a read and
 * the notice handler build them here, not by hand.
 *
 * Which read carries which tag (every read also has a time-based safety net):
 * - article lists (home, /news, search)→ articles:<locale>, categories:<locale> (they show category names)
 * - one article                        → article:<locale>:<slug>, certificates:<locale>, categories:<locale>
 * - previous/next article              → articles:<locale>
 * - certificate list                   → certificates:<locale>
 * - one certificate                    → certificate:<locale>:<slug>, articles:<locale> (it lists its articles)
 * - categories with article counts     → categories:<locale>, articles:<locale>
 * - site settings (header, footer)     → global:<locale>
 * - the feed /<locale>/feed.xml        → feed:<locale>, articles:<locale>, categories:<locale>
 * - sitemap parts (web/lib/sitemap.ts)  → sitemap:<articles|certificates|categories>:<locale>, by what
 *                                        each part lists (a locale's documents, or the list pages)
 * - redirect lookups (404 paths only)  → redirects (any redirect change; slug renames also change
 *                                        the renamed page's own tags)
 */
export const cacheTags = {
  articles: (locale: Locale) => `articles:${locale}`,
  article: (locale: Locale, slug: string) => `article:${locale}:${slug}`,
  certificates: (locale: Locale) => `certificates:${locale}`,
  certificate: (locale: Locale, slug: string) => `certificate:${locale}:${slug}`,
  categories: (locale: Locale) => `categories:${locale}`,
  global: (locale: Locale) => `global:${locale}`,
  feed: (locale: Locale) => `feed:${locale}`,
  sitemap: (source: 'articles' | 'certificates' | 'categories', locale: Locale) => `sitemap:${source}:${locale}`,
  redirects: () => 'redirects',
} as const;

/** The manual and automatic redirects (cms/src/redirects); not public content, but the site reads them. */
export const REDIRECT_UID = 'api::redirect.redirect';
