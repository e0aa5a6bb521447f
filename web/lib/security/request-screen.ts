import http from 'node:http';
import { LIST_ROUTING_HEADER, needsListRouting } from '@/lib/request-routing';

// What no page of the site accepts, refused before Next.js routes the request. These checks
// were in proxy.ts, which ran on every page for them; a proxy costs Next.js a request object,
// tracing and a thrown result per request (issue 15: half the throughput of a cached page).
// Next.js's proxy matcher cannot match on the method, so the check sits in front of Next.js's
// own request listener instead (installRequestScreen, from instrumentation.ts). It also marks a
// news-list request whose query next.config.ts cannot rewrite by itself for the proxy.

export interface Refusal {
  status: 400 | 405;
  headers: Record<string, string>;
  body: string;
}

const badRequest = (message: string): Refusal => ({
  status: 400,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: `Bad Request: ${message}`,
});

/**
 * The answer to a request no route accepts, or null to let Next.js serve it.
 * - Pages are read, never posted to: the site has no server actions, and Next.js renders a page
 *   for any method. Route handlers under /api/ answer other methods themselves.
 * - No address of the site has a path that is not valid percent-encoded UTF-8 (/mn/news/%ff) or
 *   that holds a control character: Next.js answers the first with a 500 when it decodes the
 *   route's parameters, and renders a path with CR or LF as a page without its 404 status.
 */
export function screenRequest(method: string | undefined, url: string | undefined): Refusal | null {
  const rawPath = (url ?? '/').split('?', 1)[0]!;
  if (method !== 'GET' && method !== 'HEAD' && !rawPath.startsWith('/api/')) {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: '' };
  }
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return badRequest('the path is not valid percent-encoded UTF-8');
  }
  if (/\p{Cc}/u.test(path)) return badRequest('the path contains control characters');
  return null;
}

let installed = false;

/** Sets LIST_ROUTING_HEADER on a news-list request proxy.ts must route (needsListRouting). */
export function markListRouting(request: http.IncomingMessage): void {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const pathname = query === -1 ? url : url.slice(0, query);
  if (needsListRouting(pathname, new URLSearchParams(query === -1 ? '' : url.slice(query + 1))))
    request.headers[LIST_ROUTING_HEADER] = '1';
}

/**
 * Answers what screenRequest refuses on every HTTP server of this process (Next.js's own, which
 * instrumentation.ts cannot reach otherwise) before its request listener sees it, and marks the
 * news-list requests proxy.ts must route.
 */
export function installRequestScreen(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const refusal = screenRequest(request.method, request.url);
      if (refusal) {
        response.writeHead(refusal.status, refusal.headers).end(refusal.body);
        return true;
      }
      markListRouting(request);
    }
    return Reflect.apply(emit, this, [event, ...args]);
  };
}
