import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type IndexItem, type SitemapItemLoose } from 'sitemap';
import { locales, type Locale } from '@medee/contract';
import {
  absoluteUrl,
  articlePath,
  certificatePath,
  certificatesPath,
  homePath,
  hreflangAlternates,
  newsListPath,
  pathsInEveryLocale,
  type LanguageVariants,
} from './routes';
import type { CategoryListing, SitemapDocument, Timestamp } from './strapi/types';

// sitemap.xml: every published page of every language, each with its
// language alternates (xhtml:link) and lastmod. Pure: the route loads the
// data (lib/sitemap-data.ts) and this turns it into XML with the `sitemap`
// package, which escapes, validates URLs and writes the namespaces.

/** The protocol's limit of URLs per sitemap file; past it a sitemap index is needed. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface LocaleSitemapData {
  articles: SitemapDocument[];
  certificates: SitemapDocument[];
  categories: CategoryListing[];
}

export type SitemapData = Record<Locale, LocaleSitemapData>;

export interface SitemapEntry {
  path: string;
  lastmod: Timestamp | null;
  /** hreflang → path, x-default included; empty for a page in one language only without alternates. */
  alternates: Record<string, string>;
}

function newest(timestamps: Iterable<Timestamp>): Timestamp | null {
  let result: Timestamp | null = null;
  for (const timestamp of timestamps) if (result === null || timestamp > result) result = timestamp;
  return result;
}

const pageCount = (articleCount: number, pageSize: number) => Math.max(1, Math.ceil(articleCount / pageSize));

function documentEntries(
  locale: Locale,
  documents: SitemapDocument[],
  pathOf: (locale: Locale, slug: string) => string,
): SitemapEntry[] {
  return documents.map((document) => {
    const variants: LanguageVariants = { [locale]: pathOf(locale, document.slug) };
    for (const translation of document.translations)
      variants[translation.locale] = pathOf(translation.locale, translation.slug);
    return {
      path: pathOf(locale, document.slug),
      lastmod: document.updatedAt,
      alternates: hreflangAlternates(variants),
    };
  });
}

/** Every URL of the site, in a stable order: home, lists, then documents, language by language. */
export function sitemapEntries(data: SitemapData, listPageSize: number): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const of = (locale: Locale): LocaleSitemapData => {
    const localeData = data[locale];
    if (!localeData) throw new Error(`sitemap data has no locale ${locale}`);
    return localeData;
  };
  const newsPageCount = (locale: Locale) => pageCount(of(locale).articles.length, listPageSize);

  for (const locale of locales) {
    const { articles, certificates, categories } = of(locale);
    const articlesChanged = newest(articles.map((article) => article.updatedAt));

    entries.push({
      path: homePath(locale),
      lastmod: articlesChanged,
      alternates: hreflangAlternates(pathsInEveryLocale(homePath), '/'),
    });

    for (let page = 1; page <= newsPageCount(locale); page++) {
      const variants: LanguageVariants = {};
      for (const each of locales) if (page <= newsPageCount(each)) variants[each] = newsListPath(each, { page });
      entries.push({
        path: newsListPath(locale, { page }),
        lastmod: articlesChanged,
        alternates: hreflangAlternates(variants),
      });
    }

    for (const category of categories) {
      const inCategory = articles.filter((article) => article.categorySlug === category.slug);
      const changed = newest(inCategory.map((article) => article.updatedAt));
      for (let page = 1; page <= pageCount(category.articleCount, listPageSize); page++) {
        const variants: LanguageVariants = { [locale]: newsListPath(locale, { page, category: category.slug }) };
        for (const translation of category.translations) {
          const counterpart = of(translation.locale).categories.find((each) => each.slug === translation.slug);
          if (counterpart && page <= pageCount(counterpart.articleCount, listPageSize)) {
            variants[translation.locale] = newsListPath(translation.locale, { page, category: counterpart.slug });
          }
        }
        entries.push({ path: variants[locale]!, lastmod: changed, alternates: hreflangAlternates(variants) });
      }
    }

    entries.push({
      path: certificatesPath(locale),
      lastmod: newest(certificates.map((certificate) => certificate.updatedAt)),
      alternates: hreflangAlternates(pathsInEveryLocale(certificatesPath)),
    });
    entries.push(...documentEntries(locale, articles, articlePath));
    entries.push(...documentEntries(locale, certificates, certificatePath));
  }
  return entries;
}

/** A `<urlset>` document of `entries` (at most SITEMAP_URL_LIMIT) with absolute URLs. */
export async function renderUrlset(entries: SitemapEntry[], siteUrl: string): Promise<string> {
  if (entries.length > SITEMAP_URL_LIMIT) {
    throw new RangeError(
      `A sitemap holds at most ${SITEMAP_URL_LIMIT} URLs, got ${entries.length}: split it into a sitemap index`,
    );
  }
  const items: SitemapItemLoose[] = entries.map((entry) => ({
    url: absoluteUrl(siteUrl, entry.path),
    ...(entry.lastmod ? { lastmod: entry.lastmod } : {}),
    links: Object.entries(entry.alternates).map(([hreflang, path]) => ({
      lang: hreflang,
      url: absoluteUrl(siteUrl, path),
    })),
  }));
  const stream = new SitemapStream({ xmlns: { news: false, video: false, image: false, xhtml: true } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

/**
 * Splits `entries` into sitemap files of at most `limit` URLs each (the protocol's limit by
 * default). One part: sitemap.xml is that urlset; more: sitemap.xml is an index of the parts,
 * served at sitemapPartPath(1…n).
 */
export function sitemapParts(entries: SitemapEntry[], limit: number = SITEMAP_URL_LIMIT): SitemapEntry[][] {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`sitemapParts: limit must be a positive integer, got ${limit}`);
  const parts: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += limit) parts.push(entries.slice(start, start + limit));
  return parts.length > 0 ? parts : [[]];
}

/** Where part `n` (1-based) of a split sitemap is served. */
export function sitemapPartPath(n: number): string {
  return `/sitemaps/${n}.xml`;
}

/** A `<sitemapindex>` of the parts, each dated by its newest entry. */
export async function renderSitemapIndex(parts: SitemapEntry[][], siteUrl: string): Promise<string> {
  const items: IndexItem[] = parts.map((part, index) => {
    const lastmod = newest(part.flatMap((entry) => (entry.lastmod ? [entry.lastmod] : [])));
    return { url: absoluteUrl(siteUrl, sitemapPartPath(index + 1)), ...(lastmod ? { lastmod } : {}) };
  });
  return (await streamToPromise(Readable.from(items).pipe(new SitemapIndexStream()))).toString('utf8');
}
