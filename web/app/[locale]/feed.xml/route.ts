import { env } from '@/lib/env';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { isLocale } from '@medee/contract';
import { renderRssFeed } from '@/lib/feed';
import { getFeedArticles, getGlobal } from '@/lib/strapi';

// /<locale>/feed.xml: RSS 2.0, the newest FEED_SIZE articles of the language.
// Static like the pages: rendered on its first request from CMS reads (tags
// feed:<locale>, articles:<locale>), then served from the cache until a publish
// revalidates those tags. Being a cached page (x-nextjs-cache) lets the publish
// hook tell the re-rendered feed from the stale one (lib/site-sync/refresh.ts).
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

  const [settings, articles] = await Promise.all([getGlobal(locale), getFeedArticles(locale)]);
  const dictionary = getDictionary(locale);
  const siteName = settings?.siteName ?? dictionary.fallbackSiteName;
  const xml = renderRssFeed({
    locale,
    siteUrl: env.SITE_URL,
    cmsOrigin: env.STRAPI_URL,
    title: dictionary.feed.title({ siteName }),
    description: settings?.seo.description ?? null,
    companyName: settings?.companyName ?? siteName,
    articles,
  });
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    },
  });
}
