import { env } from '@/lib/env';
import { renderUrlset, sitemapEntries, sitemapParts } from '@/lib/sitemap';
import { loadSitemapData } from '@/lib/sitemap-data';
import { ARTICLES_PAGE_SIZE } from '@/lib/strapi';

// /sitemaps/<n>.xml: part n of a sitemap past SITEMAP_URL_LIMIT URLs, listed by the index at
// /sitemap.xml. Built from the same cached, paginated reads, so every part and the index agree.
export const dynamic = 'force-dynamic';

const SITEMAP_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600',
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const match = /^([1-9]\d{0,5})\.xml$/.exec((await params).file);
  if (!match) return new Response('Not found', { status: 404 });
  const parts = sitemapParts(sitemapEntries(await loadSitemapData(), ARTICLES_PAGE_SIZE));
  const part = parts[Number(match[1]) - 1];
  // A sitemap small enough for one file has no parts: /sitemap.xml is the urlset itself.
  if (parts.length === 1 || !part) return new Response('Not found', { status: 404 });
  return new Response(await renderUrlset(part, env.SITE_URL), { headers: SITEMAP_HEADERS });
}
