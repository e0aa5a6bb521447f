// Where the site sends a visitor next (a Location header) when the target comes from a request:
// parsed as a URL the way a browser will parse it, never checked by prefix. A prefix check lets
// through `/\t/host`, `/\host` and `/.//host`, which browsers resolve to another site (they drop
// tabs and newlines and read `\` as `/`); and a raw target with CR, LF, NUL or a character beyond
// Latin-1 is not a valid header value, so it made the route answer 500.

// Any origin would do: only whether the target stays on it matters.
const BASE = new URL('http://site.invalid/');

/**
 * `target` as a path on this site (path, query and fragment, percent-encoded, so always a valid
 * header value), or `fallback` when it is missing, does not parse, or leads to another origin.
 */
export function sameSitePath(target: string | null | undefined, fallback = '/'): string {
  if (!target) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  // `/.//host` normalizes to the path `//host`, which a browser reads as another host.
  const path = url.pathname.replace(/^\/{2,}/, '/');
  return `${path}${url.search}${url.hash}`;
}

/** A 307 to `target` on this site (see sameSitePath), never stored by a cache. */
export function redirectWithinSite(target: string | null | undefined, headers: HeadersInit = {}): Response {
  const response = new Response(null, { status: 307, headers });
  response.headers.set('Location', sameSitePath(target));
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}
