import 'server-only';

import { unstable_cache } from 'next/cache';
import type { Locale } from '@medee/contract';
import { env } from './env';
import {
  allSitemapTags,
  type BatchRange,
  documentEntries,
  listPagePart,
  type LocaleDocuments,
  parsePartFile,
  partRanges,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_BATCH,
  SITEMAP_PART_URLS,
  type SitemapDocumentKind,
  type SitemapPart,
  sitemapEntries,
  sitemapPartTags,
  sitemapParts,
  sitemapUrlCount,
} from './sitemap';
import { ARTICLES_PAGE_SIZE, getSitemapBatch, getSitemapEnds, getSitemapSummary, type SitemapDocument } from './strapi';
import { CMS_REVALIDATE_SECONDS } from './strapi/transport';

// The sitemap's XML, rendered once and kept in Next's cache (unstable_cache: the data cache,
// Redis when REDIS_URL is set) under the tags of what it lists (lib/sitemap.ts sitemapPartTags);
// a publish marks exactly those stale (lib/site-sync/change.ts) and the next request re-renders
// in the background. Later requests are one cache read. The CMS reads inside are uncached, so a
// re-render never builds on a stale read.

/** Keyset reads of one part run this many at once. */
const PARALLEL_READS = 4;

/** Every published document in `range`, batch after batch if more were published since the summary. */
async function documentsIn(kind: SitemapDocumentKind, locale: Locale, range: BatchRange): Promise<SitemapDocument[]> {
  const documents: SitemapDocument[] = [];
  let after = range.after;
  for (;;) {
    const batch = await getSitemapBatch(kind, locale, { after, through: range.through }, SITEMAP_BATCH);
    documents.push(...batch.documents);
    if (!batch.next) return documents;
    after = batch.next;
  }
}

async function documentsOf(
  kind: SitemapDocumentKind,
  locale: Locale,
  ranges: BatchRange[],
): Promise<SitemapDocument[]> {
  const documents: SitemapDocument[] = [];
  for (let start = 0; start < ranges.length; start += PARALLEL_READS) {
    const batches = ranges.slice(start, start + PARALLEL_READS).map((range) => documentsIn(kind, locale, range));
    for (const batch of await Promise.all(batches)) documents.push(...batch);
  }
  return documents;
}

/** /sitemap.xml: the index of the parts, from counts alone; or, for a small site, the one urlset. */
async function renderIndex(): Promise<{ xml: string; parts: string[] }> {
  const summary = await getSitemapSummary();
  if (sitemapUrlCount(summary, ARTICLES_PAGE_SIZE) <= SITEMAP_PART_URLS) {
    const documents: Partial<Record<Locale, LocaleDocuments>> = {};
    await Promise.all(
      Object.keys(summary.locales).map(async (locale) => {
        const [articles, certificates] = await Promise.all([
          documentsIn('articles', locale, {}),
          documentsIn('certificates', locale, {}),
        ]);
        documents[locale] = { articles, certificates };
      }),
    );
    return { xml: await renderUrlset(sitemapEntries(summary, documents, ARTICLES_PAGE_SIZE), env.SITE_URL), parts: [] };
  }
  const parts = sitemapParts(summary, ARTICLES_PAGE_SIZE);
  return { xml: await renderSitemapIndex(parts, env.SITE_URL), parts: parts.map((part) => part.name) };
}

const cachedIndex = unstable_cache(renderIndex, ['sitemap-index'], {
  tags: allSitemapTags(),
  revalidate: CMS_REVALIDATE_SECONDS,
});

export async function sitemapIndexXml(): Promise<string> {
  return (await cachedIndex()).xml;
}

/** Thrown inside a part's render when the CMS no longer has that part: nothing is cached. */
class PartGone extends Error {}

async function renderPart(
  { locale, kind, n }: Pick<SitemapPart, 'locale' | 'kind' | 'n'>,
  name: string,
): Promise<string> {
  if (kind === 'pages') {
    const entries = listPagePart(await getSitemapSummary(), locale, n, ARTICLES_PAGE_SIZE);
    if (entries.length === 0) throw new PartGone(name);
    return renderUrlset(entries, env.SITE_URL);
  }
  // The ends are read again, not derived from the cached index: a part re-rendered after a
  // publish splits its locale where the other re-rendered parts do.
  const ranges = partRanges(await getSitemapEnds(kind, locale, SITEMAP_BATCH), n);
  if (ranges.length === 0) throw new PartGone(name);
  return renderUrlset(documentEntries(locale, kind, await documentsOf(kind, locale, ranges)), env.SITE_URL);
}

/**
 * The XML of the part in `file` (`mn-articles-2.xml`), or null when the index lists no such
 * part (a small site has none). Unknown names are answered from the cached index, so they cost
 * no CMS read and leave nothing in the cache.
 */
export async function sitemapPartXml(file: string): Promise<string | null> {
  const parsed = parsePartFile(file);
  if (!parsed) return null;
  const name = file.slice(0, -'.xml'.length);
  if (!(await cachedIndex()).parts.includes(name)) return null;
  const cachedPart = unstable_cache(() => renderPart(parsed, name), ['sitemap-part', name], {
    tags: sitemapPartTags(parsed),
    revalidate: CMS_REVALIDATE_SECONDS,
  });
  try {
    return await cachedPart();
  } catch (error) {
    if (error instanceof PartGone) return null;
    throw error;
  }
}
