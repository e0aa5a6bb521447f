import { connection } from 'next/server';
import { sitemapIndexXml } from '@/lib/sitemap-data';

// /sitemap.xml: an index of /sitemaps/<part>.xml built from the CMS's counts alone, or for a
// small site (SITEMAP_PART_URLS) the one urlset. Rendered once and served from Next's
// cache until a publish marks its tags stale (lib/sitemap-data.ts): a request costs one cache
// read, not a render.

const SITEMAP_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600',
};

export async function GET(): Promise<Response> {
  // Next prerenders /sitemap.xml at build time (a metadata route), when there is no CMS to read:
  // this defers it to the first request, which the cache then answers for everyone.
  await connection();
  return new Response(await sitemapIndexXml(), { headers: SITEMAP_HEADERS });
}
