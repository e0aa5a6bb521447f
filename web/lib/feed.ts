import { DOMImplementation, type Element, XMLSerializer } from '@xmldom/xmldom';
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

// Built as a DOM and written by @xmldom/xmldom's XMLSerializer, which escapes every text and
// attribute value; characters XML 1.0 cannot carry at all (C0 controls, lone surrogates,
// U+FFFE/U+FFFF) are dropped first. So the feed is well-formed whatever an editor or translator
// types. (The `feed` package used before wrote text as CDATA through xml-js, which escapes only
// the first `]]>` of a value: a title with two of them broke the feed or added elements to it.)

// Not in XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/F.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlText = (text: string) => text.replace(NOT_XML_CHAR, '');

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The media type of an upload by its extension (the optimizer keeps the format without an Accept). */
const imageType = (url: string) =>
  IMAGE_TYPES[/\.(\w+)$/.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? ''] ?? 'image/jpeg';

const ATOM = 'http://www.w3.org/2005/Atom';

/** RFC 822 dates, as RSS 2.0 wants them (`Sat, 29 Jan 2022 12:00:00 GMT`). */
const rfc822 = (date: Date) => date.toUTCString();

/**
 * The RSS 2.0 document of one language: the given articles newest first,
 * absolute links, the language's code, each item's post date as pubDate and
 * the newest change as lastBuildDate.
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
  const document = new DOMImplementation().createDocument(null, 'rss', null);
  const rss = document.documentElement!;
  rss.setAttribute('version', '2.0');
  rss.setAttribute('xmlns:atom', ATOM);
  /** Appends <name> with `text` and `attributes` to `parent`. */
  const add = (parent: Element, name: string, text?: string, attributes: Record<string, string> = {}) => {
    const element = name.startsWith('atom:') ? document.createElementNS(ATOM, name) : document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, xmlText(value));
    if (text !== undefined) element.appendChild(document.createTextNode(xmlText(text)));
    parent.appendChild(element);
    return element;
  };
  const channel = add(rss, 'channel');
  add(channel, 'title', title);
  add(channel, 'link', home);
  add(channel, 'description', description ?? title);
  // With no articles yet, "now" is the honest answer to "last built".
  add(channel, 'lastBuildDate', rfc822(newestChange ? new Date(newestChange) : new Date()));
  add(channel, 'language', locale);
  add(channel, 'copyright', `© ${companyName}`);
  add(channel, 'atom:link', undefined, {
    href: absoluteUrl(siteUrl, feedPath(locale)),
    rel: 'self',
    type: 'application/rss+xml',
  });
  for (const article of articles) {
    const link = absoluteUrl(siteUrl, articlePath(locale, article.slug));
    const item = add(channel, 'item');
    add(item, 'title', article.title);
    add(item, 'link', link);
    add(item, 'guid', link, { isPermaLink: 'true' });
    if (article.category) add(item, 'category', article.category.name);
    add(item, 'pubDate', rfc822(postDate(article.postedAt)));
    if (article.summary) add(item, 'description', article.summary);
    if (article.cover) {
      const url = publicImageUrl(article.cover.url, { siteUrl, cmsOrigin, width: 1200 });
      add(item, 'enclosure', undefined, { url, length: '0', type: imageType(article.cover.url) });
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document)}`;
}
