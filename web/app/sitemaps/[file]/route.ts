import { sitemapPartXml } from '@/lib/sitemap-data';

// /sitemaps/<part>.xml (`mn-pages-1`, `mn-articles-2`…): one part of a sitemap past
// SITEMAP_PART_URLS, listed by the index at /sitemap.xml. Cached per part under the tags
// of what it lists, so a publish re-renders only its locale's parts (lib/sitemap-data.ts).

const SITEMAP_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600',
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const xml = await sitemapPartXml((await params).file);
  if (xml === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(xml, { headers: SITEMAP_HEADERS });
}
