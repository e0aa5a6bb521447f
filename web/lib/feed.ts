import { Feed } from 'feed';
import type { Locale } from '@medee/contract';
import { publicImageUrl } from './media';
import { absoluteUrl, articlePath, feedPath, homePath } from './routes';
import type { ArticleSummary } from './strapi/types';

export interface FeedInput {
  locale: Locale;
  siteUrl: string;
  cmsOrigin: string;
  title: string;
  description: string | null;
  companyName: string;
  articles: ArticleSummary[];
}

/** Noon UTC of a `YYYY-MM-DD` post date, so the day is the same in every time zone a reader is in. */
function postDate(calendarDate: string): Date {
  return new Date(`${calendarDate}T12:00:00Z`);
}

/**
 * The RSS 2.0 document of one language (built with the `feed` package): the
 * given articles newest first, absolute links, the language's code, each
 * item's post date as pubDate and the newest change as lastBuildDate.
 */
export function renderRssFeed({
  locale,
  siteUrl,
  cmsOrigin,
  title,
  description,
  companyName,
  articles,
}: FeedInput): string {
  const home = absoluteUrl(siteUrl, homePath(locale));
  const newestChange = articles.reduce<string | null>(
    (newest, article) => (newest === null || article.updatedAt > newest ? article.updatedAt : newest),
    null,
  );
  const feed = new Feed({
    id: home,
    link: home,
    title,
    description: description ?? title,
    language: locale,
    copyright: `© ${companyName}`,
    // With no articles yet, "now" is the honest answer to "last built".
    updated: newestChange ? new Date(newestChange) : new Date(),
    generator: false,
    feedLinks: { rss: absoluteUrl(siteUrl, feedPath(locale)) },
  });
  for (const article of articles) {
    const link = absoluteUrl(siteUrl, articlePath(locale, article.slug));
    feed.addItem({
      id: link,
      link,
      title: article.title,
      description: article.summary ?? undefined,
      date: postDate(article.postedAt),
      category: article.category ? [{ name: article.category.name }] : undefined,
      image: article.cover ? publicImageUrl(article.cover.url, { siteUrl, cmsOrigin, width: 1200 }) : undefined,
    });
  }
  return feed.rss2();
}
