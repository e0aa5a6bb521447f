import 'server-only';

import { locales, type Locale } from '@medee/contract';
import type { LocaleSitemapData, SitemapData } from './sitemap';
import { getCategories, getSitemapDocuments, type SitemapDocument } from './strapi';

// Batches read at once after the first one told how many there are.
const PARALLEL_READS = 4;

/**
 * Every published article or certificate of `locale`, read batch by batch
 * (SITEMAP_BATCH_SIZE each, never one unbounded query).
 */
async function allDocuments(kind: 'articles' | 'certificates', locale: Locale): Promise<SitemapDocument[]> {
  const first = await getSitemapDocuments(kind, locale, 1);
  const documents = [...first.items];
  for (let page = 2; page <= first.pageCount; page += PARALLEL_READS) {
    const batch = Array.from({ length: Math.min(PARALLEL_READS, first.pageCount - page + 1) }, (_, index) =>
      getSitemapDocuments(kind, locale, page + index),
    );
    for (const result of await Promise.all(batch)) documents.push(...result.items);
  }
  return documents;
}

async function localeData(locale: Locale): Promise<LocaleSitemapData> {
  const [articles, certificates, categories] = await Promise.all([
    allDocuments('articles', locale),
    allDocuments('certificates', locale),
    getCategories(locale),
  ]);
  return { articles, certificates, categories };
}

/** What sitemap.xml lists, for every language. */
export async function loadSitemapData(): Promise<SitemapData> {
  const perLocale = await Promise.all(locales.map(localeData));
  return Object.fromEntries(locales.map((locale, index) => [locale, perLocale[index]])) as SitemapData;
}
