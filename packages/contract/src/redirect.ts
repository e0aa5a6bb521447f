import { contentTypeUids, sitePaths } from './content-types';
import type { Locale } from './locales';

// Redirects: the paths the CMS stores and the site looks up, and the statuses it answers with.
// The CMS normalises a path when it is saved and the site when it asks, with this one function,
// so `/News/Show-123.html/` typed by an editor and `/News/Show-123.html` requested by a reader meet.

/** The longest stored path; the site looks nothing longer up. */
export const REDIRECT_PATH_MAX_LENGTH = 1024;

/** A permanent redirect keeps the method (308, not 301); a temporary one is 307. */
export const REDIRECT_STATUS = { permanent: 308, temporary: 307 } as const;
export type RedirectStatus = (typeof REDIRECT_STATUS)[keyof typeof REDIRECT_STATUS];

/** How many manual redirects to a path that redirects again the CMS follows before it calls it a loop. */
export const REDIRECT_MAX_HOPS = 8;

export type NormalizedPath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * A site path in the one form redirects are stored and looked up in: starting with one `/`, no
 * trailing `/` (except the root), percent-encoding of the path decoded (the site's router sees
 * decoded segments), no `.`/`..` segments, no fragment; a query is kept in URLSearchParams' form
 * (a category's list page is `/<locale>/news?category=<slug>`). Letter case is kept: slugs are
 * case-sensitive. Absolute URLs are refused: a redirect never leads off the site (no open
 * redirect), and a `from` on another host is never requested here.
 */
export function normalizeRedirectPath(input: string): NormalizedPath {
  const trimmed = input.trim().replace(/#.*$/s, '');
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  if (!trimmed.startsWith('/')) return { ok: false, reason: 'must start with "/" (a path on this site, not a URL)' };
  if (trimmed.startsWith('//') || trimmed.startsWith('/\\'))
    return { ok: false, reason: 'must be a path on this site, not another host' };
  const queryAt = trimmed.indexOf('?');
  const rawPath = queryAt < 0 ? trimmed : trimmed.slice(0, queryAt);
  const query = queryAt < 0 ? '' : new URLSearchParams(trimmed.slice(queryAt + 1)).toString();
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'is not valid percent-encoded UTF-8' };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\u0000-\u001f\u007f\\]/.test(decoded + query))
    return { ok: false, reason: 'contains control characters or "\\"' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..'))
    return { ok: false, reason: 'must not contain "." or ".." segments' };
  const path = `/${segments.join('/')}${query ? `?${query}` : ''}`;
  if (path.length > REDIRECT_PATH_MAX_LENGTH)
    return { ok: false, reason: `is longer than ${REDIRECT_PATH_MAX_LENGTH} characters` };
  return { ok: true, path };
}

/** The Location header value of a stored path: each path segment percent-encoded again, the query as stored. */
export function redirectLocation(path: string): string {
  const queryAt = path.indexOf('?');
  const pathname = queryAt < 0 ? path : path.slice(0, queryAt);
  const query = queryAt < 0 ? '' : path.slice(queryAt);
  return `${pathname
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')}${query}`;
}

/** What the CMS's lookup answers for a path that redirects (GET /api/redirects/resolve?path=…). */
export interface RedirectAnswer {
  /** The decoded target path on the site. */
  location: string;
  status: RedirectStatus;
}

/**
 * The page of a document's variant in stored form, or null for a type without a page of its own.
 * A renamed variant's old page redirects from here; a category's page is the news list filtered by it.
 */
export function documentPagePath(uid: string, locale: Locale, slug: string): string | null {
  const page =
    uid === contentTypeUids.article
      ? sitePaths.article(locale, slug)
      : uid === contentTypeUids.certificate
        ? sitePaths.certificate(locale, slug)
        : uid === contentTypeUids.category
          ? `${sitePaths.news(locale)}?${new URLSearchParams({ category: slug })}`
          : null;
  if (page === null) return null;
  const normalized = normalizeRedirectPath(page);
  return normalized.ok ? normalized.path : null;
}
