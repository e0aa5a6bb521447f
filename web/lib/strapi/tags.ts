import type { Locale } from '@/lib/i18n/locales';

/**
 * Cache tags of the CMS reads. The publish webhook revalidates by these names,
 * so a read and the webhook must build them here, not by hand.
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
 * - sitemap.xml (every page it reads)  → sitemap, articles:<locale> or certificates:<locale>
 */
export const cacheTags = {
  articles: (locale: Locale) => `articles:${locale}`,
  article: (locale: Locale, slug: string) => `article:${locale}:${slug}`,
  certificates: (locale: Locale) => `certificates:${locale}`,
  certificate: (locale: Locale, slug: string) => `certificate:${locale}:${slug}`,
  categories: (locale: Locale) => `categories:${locale}`,
  global: (locale: Locale) => `global:${locale}`,
  feed: (locale: Locale) => `feed:${locale}`,
  sitemap: () => 'sitemap',
} as const;
