import { env } from '@/lib/env';
import { renderSitemapIndex, renderUrlset, sitemapEntries, sitemapParts } from '@/lib/sitemap';
import { loadSitemapData } from '@/lib/sitemap-data';
import { ARTICLES_PAGE_SIZE } from '@/lib/strapi';

// /sitemap.xml. Built per request from cached, paginated CMS reads (tag
// `sitemap`). Past SITEMAP_URL_LIMIT URLs this becomes a sitemap index over
// /sitemaps/<n>.xml files, each rendering one slice of sitemapEntries() with
// renderUrlset() (the `sitemap` package's SitemapIndexStream writes the index).
export const dynamic = 'force-dynamic';

const SITEMAP_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600',
};

export async function GET(): Promise<Response> {
  const parts = sitemapParts(sitemapEntries(await loadSitemapData(), ARTICLES_PAGE_SIZE));
  const xml =
    parts.length === 1 ? await renderUrlset(parts[0]!, env.SITE_URL) : await renderSitemapIndex(parts, env.SITE_URL);
  return new Response(xml, { headers: SITEMAP_HEADERS });
}
