import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type IndexItem, type SitemapItemLoose } from 'sitemap';
import { cacheTags, isLocale, locales, type Locale } from '@medee/contract';
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
import type { SitemapCategory, SitemapDocument, SitemapGroup, SitemapSummary, Timestamp } from './strapi/types';

// sitemap.xml: every published page of every language, each with its
// language alternates (xhtml:link) and lastmod. Pure: lib/sitemap-data.ts reads
// the CMS and caches; this lays out the parts from counts and turns entries into
// XML with the `sitemap` package, which escapes, validates URLs and writes the
// namespaces.

/** The protocol's limit of URLs per sitemap file; past it a sitemap index is needed. */
export const SITEMAP_URL_LIMIT = 50_000;

/** Documents per CMS read: the most the CMS's /api/sitemap/documents gives at once. */
export const SITEMAP_BATCH = 1000;
/**
 * Batches in one document part. Its XML is about 600 bytes a URL (three alternates): at 2,000
 * URLs a part is 1.2 MB, rendered in a few hundred ms and sent from the cache in tens; a part of
 * 5,000 measured 1–1.7 s and a whole locale of 26,000 several seconds.
 */
export const SITEMAP_BATCHES_PER_PART = 2;
/** The most URLs in one part, and in /sitemap.xml itself before it becomes an index of parts. */
export const SITEMAP_PART_URLS = SITEMAP_BATCH * SITEMAP_BATCHES_PER_PART;

export type SitemapDocumentKind = 'articles' | 'certificates';

/** A locale's published documents of one kind, as the sitemap lists them. */
export type LocaleDocuments = Record<SitemapDocumentKind, SitemapDocument[]>;

export interface SitemapEntry {
  path: string;
  lastmod: Timestamp | null;
  /** hreflang → path, x-default included; empty for a page in one language only without alternates. */
  alternates: Record<string, string>;
}

/** A keyset range of documentIds: after `after` (exclusive), through `through` (inclusive); either open. */
export interface BatchRange {
  after?: string;
  through?: string;
}

/**
 * One file of a split sitemap, named by what it lists so that a publish in one locale leaves
 * the names (and cached copies) of every other locale's parts alone, at most SITEMAP_PART_URLS:
 * - `<locale>-pages-<n>`: the home page, news list pages, category pages and certificate list;
 * - `<locale>-articles-<n>`, `<locale>-certificates-<n>`: SITEMAP_BATCHES_PER_PART batches each.
 */
export interface SitemapPart {
  name: string;
  locale: Locale;
  kind: 'pages' | SitemapDocumentKind;
  /** 1-based, within its locale and kind. */
  n: number;
  lastmod: Timestamp | null;
}

const EMPTY_GROUP: SitemapGroup = { count: 0, updatedAt: null };
const groupOf = (summary: SitemapSummary, locale: Locale, kind: SitemapDocumentKind): SitemapGroup =>
  summary.locales[locale]?.[kind] ?? EMPTY_GROUP;
const categoriesOf = (summary: SitemapSummary, locale: Locale): SitemapCategory[] =>
  summary.locales[locale]?.categories ?? [];

function newest(timestamps: Iterable<Timestamp | null>): Timestamp | null {
  let result: Timestamp | null = null;
  for (const timestamp of timestamps)
    if (timestamp !== null && (result === null || timestamp > result)) result = timestamp;
  return result;
}

const pageCount = (articleCount: number, pageSize: number) => Math.max(1, Math.ceil(articleCount / pageSize));

/**
 * The keyset ranges of a locale's batches from their ends (GET /api/sitemap/ends), in order:
 * together they cover every documentId, so however the ends move between two reads, a document
 * is in exactly one range.
 */
export function batchRanges(ends: readonly string[]): BatchRange[] {
  return Array.from({ length: ends.length + 1 }, (_, index) => ({
    ...(index > 0 ? { after: ends[index - 1] } : {}),
    ...(index < ends.length ? { through: ends[index] } : {}),
  }));
}

/** The batches of document part `n` (1-based), or none when the locale has fewer parts. */
export function partRanges(ends: readonly string[], n: number): BatchRange[] {
  return batchRanges(ends).slice((n - 1) * SITEMAP_BATCHES_PER_PART, n * SITEMAP_BATCHES_PER_PART);
}

/** The parts of a split sitemap, from counts alone: locale by locale, list pages then documents. */
export function sitemapParts(summary: SitemapSummary, listPageSize: number): SitemapPart[] {
  const parts: SitemapPart[] = [];
  const add = (locale: Locale, kind: SitemapPart['kind'], urls: number, lastmod: Timestamp | null) => {
    // Counts carry one date per locale and kind: a part's own newest is at most that.
    for (let n = 1; n <= Math.ceil(urls / SITEMAP_PART_URLS); n++)
      parts.push({ name: `${locale}-${kind}-${n}`, locale, kind, n, lastmod });
  };
  for (const locale of locales) {
    const [articles, certificates] = [groupOf(summary, locale, 'articles'), groupOf(summary, locale, 'certificates')];
    add(
      locale,
      'pages',
      listPageCount(summary, locale, listPageSize),
      newest([articles.updatedAt, certificates.updatedAt]),
    );
    add(locale, 'articles', articles.count, articles.updatedAt);
    add(locale, 'certificates', certificates.count, certificates.updatedAt);
  }
  return parts;
}

/** A part from its file name (`mn-articles-2.xml`), or null when it names no possible part. */
export function parsePartFile(file: string): { locale: Locale; kind: SitemapPart['kind']; n: number } | null {
  const match = /^(.+)-(pages|articles|certificates)-([1-9]\d{0,4})\.xml$/.exec(file);
  if (!match || !isLocale(match[1])) return null;
  return { locale: match[1], kind: match[2] as SitemapPart['kind'], n: Number(match[3]) };
}

/**
 * The cache tags a part is rendered under (@medee/contract cacheTags.sitemap), i.e. the
 * changes that make it stale: a document part, its own locale and kind only; a list part, any
 * locale's articles and categories (its list pages pair with theirs) and its own certificates.
 */
export function sitemapPartTags(part: { locale: Locale; kind: SitemapPart['kind'] }): string[] {
  if (part.kind !== 'pages') return [cacheTags.sitemap(part.kind, part.locale)];
  return [
    ...locales.flatMap((each) => [cacheTags.sitemap('articles', each), cacheTags.sitemap('categories', each)]),
    cacheTags.sitemap('certificates', part.locale),
  ];
}

/** Every sitemap tag: what the index (and a sitemap small enough for one file) depends on. */
export function allSitemapTags(): string[] {
  return locales.flatMap((locale) =>
    (['articles', 'certificates', 'categories'] as const).map((source) => cacheTags.sitemap(source, locale)),
  );
}

/** The home page, news list pages, category pages and certificate list of `locale`. */
export function listPageEntries(summary: SitemapSummary, locale: Locale, listPageSize: number): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const articles = groupOf(summary, locale, 'articles');
  const newsPageCount = (each: Locale) => pageCount(groupOf(summary, each, 'articles').count, listPageSize);

  entries.push({
    path: homePath(locale),
    lastmod: articles.updatedAt,
    alternates: hreflangAlternates(pathsInEveryLocale(homePath), '/'),
  });

  for (let page = 1; page <= newsPageCount(locale); page++) {
    const variants: LanguageVariants = {};
    for (const each of locales) if (page <= newsPageCount(each)) variants[each] = newsListPath(each, { page });
    entries.push({
      path: newsListPath(locale, { page }),
      lastmod: articles.updatedAt,
      alternates: hreflangAlternates(variants),
    });
  }

  for (const category of categoriesOf(summary, locale)) {
    for (let page = 1; page <= pageCount(category.articleCount, listPageSize); page++) {
      const variants: LanguageVariants = { [locale]: newsListPath(locale, { page, category: category.slug }) };
      for (const other of locales) {
        // A category's translation is the same document in the other locale.
        const counterpart =
          other === locale
            ? undefined
            : categoriesOf(summary, other).find((each) => each.documentId === category.documentId);
        if (counterpart && page <= pageCount(counterpart.articleCount, listPageSize)) {
          variants[other] = newsListPath(other, { page, category: counterpart.slug });
        }
      }
      entries.push({ path: variants[locale]!, lastmod: category.updatedAt, alternates: hreflangAlternates(variants) });
    }
  }

  entries.push({
    path: certificatesPath(locale),
    lastmod: groupOf(summary, locale, 'certificates').updatedAt,
    alternates: hreflangAlternates(pathsInEveryLocale(certificatesPath)),
  });
  return entries;
}

/** Entries of one locale's articles or certificates, each with its translations as alternates. */
export function documentEntries(
  locale: Locale,
  kind: SitemapDocumentKind,
  documents: SitemapDocument[],
): SitemapEntry[] {
  const pathOf = kind === 'articles' ? articlePath : certificatePath;
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

/** How many list pages (home, news and category lists, certificate list) `locale` has, from counts. */
function listPageCount(summary: SitemapSummary, locale: Locale, listPageSize: number): number {
  const categoryPages = categoriesOf(summary, locale).reduce(
    (sum, category) => sum + pageCount(category.articleCount, listPageSize),
    0,
  );
  return 2 + pageCount(groupOf(summary, locale, 'articles').count, listPageSize) + categoryPages;
}

/** How many URLs the whole sitemap lists, from counts alone. */
export function sitemapUrlCount(summary: SitemapSummary, listPageSize: number): number {
  return locales.reduce(
    (sum, locale) =>
      sum +
      listPageCount(summary, locale, listPageSize) +
      groupOf(summary, locale, 'articles').count +
      groupOf(summary, locale, 'certificates').count,
    0,
  );
}

/** List part `n` (1-based) of `locale`: its slice of listPageEntries. */
export function listPagePart(summary: SitemapSummary, locale: Locale, n: number, listPageSize: number): SitemapEntry[] {
  return listPageEntries(summary, locale, listPageSize).slice((n - 1) * SITEMAP_PART_URLS, n * SITEMAP_PART_URLS);
}

/** Every URL of the site in one list, in a stable order: list pages, then documents, language by language. */
export function sitemapEntries(
  summary: SitemapSummary,
  documents: Partial<Record<Locale, LocaleDocuments>>,
  listPageSize: number,
): SitemapEntry[] {
  return locales.flatMap((locale) => [
    ...listPageEntries(summary, locale, listPageSize),
    ...documentEntries(locale, 'articles', documents[locale]?.articles ?? []),
    ...documentEntries(locale, 'certificates', documents[locale]?.certificates ?? []),
  ]);
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

/** Where a part of a split sitemap is served. */
export function sitemapPartPath(name: string): string {
  return `/sitemaps/${name}.xml`;
}

/** A `<sitemapindex>` of the parts, each dated by the newest change the counts know of. */
export async function renderSitemapIndex(parts: SitemapPart[], siteUrl: string): Promise<string> {
  const items: IndexItem[] = parts.map((part) => ({
    url: absoluteUrl(siteUrl, sitemapPartPath(part.name)),
    ...(part.lastmod ? { lastmod: part.lastmod } : {}),
  }));
  return (await streamToPromise(Readable.from(items).pipe(new SitemapIndexStream()))).toString('utf8');
}
