import { defaultLocale, isLocale, type Locale } from '@medee/contract';
import { parsePageParam, singleSearchParam, type SearchParamValue } from './search-params';
import { isPlausibleSlug } from '@medee/contract';

// What proxy.ts does with a request, as a pure function of its URL, so it can
// be tested without a server.

/** A path below a language that no route serves: the catch-all answers it with the localized 404. */
export const NOT_FOUND_SEGMENT = '_not-found';

/** Internal route of the news list: /<locale>/news/list/<page>[/<category>] (see newsListRewrite). */
export const NEWS_LIST_SEGMENT = 'list';

/** Top-level paths that are not a language: served by their own routes. */
const NON_LOCALE_ROOTS = new Set(['api', '_next', 'sitemap.xml', 'sitemaps', 'robots.txt', 'favicon.ico', 'icon.svg']);

/** The route that serves the IndexNow key file, which search engines fetch at /<INDEXNOW_KEY>.txt. */
export const INDEXNOW_KEY_ROUTE = '/api/indexnow-key';

export type RoutingDecision =
  | { kind: 'continue' }
  /** Serve `pathname` instead (same query). */
  | { kind: 'rewrite'; pathname: string };

function paramValue(searchParams: URLSearchParams, name: string): SearchParamValue {
  const values = searchParams.getAll(name);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

const notFound = (locale: Locale): RoutingDecision => ({
  kind: 'rewrite',
  pathname: `/${locale}/${NOT_FOUND_SEGMENT}`,
});

/**
 * The public news list is /<locale>/news?page=N&category=slug. It is served by
 * an internal route with the page and category in the path, because a page
 * that reads searchParams is rendered per request and Next 16 cannot then
 * answer a missing page with a 404 that has content (components/NotFound.tsx);
 * with path parameters each list page is prerendered and cached like the
 * others. Malformed values (page=abc, page=0, a repeated or empty parameter)
 * are 404s here already.
 */
function newsListRewrite(locale: Locale, searchParams: URLSearchParams): RoutingDecision {
  const page = parsePageParam(paramValue(searchParams, 'page'));
  const category = singleSearchParam(paramValue(searchParams, 'category'));
  if (page === null || category === null || category === '') return notFound(locale);
  if (category !== undefined && !isPlausibleSlug(category)) return notFound(locale);
  const categoryPart = category === undefined ? '' : `/${encodeURIComponent(category)}`;
  return { kind: 'rewrite', pathname: `/${locale}/news/${NEWS_LIST_SEGMENT}/${page}${categoryPart}` };
}

/**
 * Request header that hands a news-list request to proxy.ts (its config.matcher): set by
 * lib/security/request-screen.ts when the list's query is not the plain form that next.config.ts
 * rewrites by itself (no category, no page or one valid page). A client that sends it only makes
 * the proxy route its request, to the same place.
 */
export const LIST_ROUTING_HEADER = 'x-medee-list-routing';

/**
 * Whether a request for `pathname` needs proxy.ts to route it as a news list: true for a
 * /<first>/news whose query holds a category, or a page that is repeated, empty or not a valid
 * page number. The plain forms (/<locale>/news, ?page=N) are rewritten by next.config.ts without
 * running the proxy, which costs Next.js as much CPU as serving the page (issue 15).
 */
export function needsListRouting(pathname: string, searchParams: URLSearchParams): boolean {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length !== 2 || segments[1] !== 'news') return false;
  if (searchParams.has('category')) return true;
  const pages = searchParams.getAll('page');
  return pages.length > 1 || (pages.length === 1 && parsePageParam(pages[0]) === null);
}

/** `indexNowKey`: INDEXNOW_KEY, whose file /<key>.txt proves to IndexNow that the CMS's pings are the site's. */
export function routeRequest(pathname: string, searchParams: URLSearchParams, indexNowKey?: string): RoutingDecision {
  if (indexNowKey && pathname === `/${indexNowKey}.txt`) return { kind: 'rewrite', pathname: INDEXNOW_KEY_ROUTE };
  const segments = pathname.split('/').filter(Boolean);
  const [first, ...rest] = segments;
  if (first === undefined || NON_LOCALE_ROOTS.has(first)) return { kind: 'continue' };

  // Not a language (/xx, /en/news, an old site's /news/show-123.html): the 404 page in the
  // default language, whose language switch leads to the other one, with the path appended so
  // the catch-all can look up a redirect for it. Not negotiated from
  // Accept-Language: Next sets the page's Vary header itself, so a shared
  // cache could hand one visitor's language to the next. Every route below
  // app/[locale] thus sees a valid locale.
  if (!isLocale(first)) return { kind: 'rewrite', pathname: `/${defaultLocale}/${NOT_FOUND_SEGMENT}${pathname}` };

  // The internal list route (/<locale>/news/list/…) is left reachable: the
  // proxy also sees requests it rewrote itself, and those pages name the
  // public query form as their canonical URL.
  if (rest[0] === 'news' && rest.length === 1) return newsListRewrite(first, searchParams);
  return { kind: 'continue' };
}
