import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isCmsUpload } from '@/lib/media';
import { adminOrigins, previewPageHeaders } from '@/lib/preview/page-token';
import { routeRequest } from '@/lib/request-routing';
import { contentSecurityPolicy } from '@/lib/security/csp';

// Runs before routing, in-process, reading nothing but the URL, and only on the requests that
// need it (config.matcher below): each run costs Next.js about as much CPU as serving a cached
// page (issue 15). It
// - checks what the image optimizer is asked to fetch;
// - decides where a path goes that no route serves as it is (lib/request-routing.ts): a news list
//   with a category or a bad page (the plain forms are next.config.ts rewrites), a path that is
//   not a language, the IndexNow key file;
// - opens a preview page whose URL carries a valid signed scope (lib/preview/page-token.ts), with
//   a Content-Security-Policy that names the CMS admin's origins, known at run time, as the only
//   others that may frame it (Strapi's Preview).
// Every other page gets its headers, the public CSP among them, from next.config.ts, and what no
// page accepts (other methods, undecodable paths) is refused before Next.js routes it
// (lib/security/request-screen.ts).

const previewPolicy = contentSecurityPolicy({
  frameAncestors: adminOrigins(env),
  upgradeInsecureRequests: env.SITE_URL.startsWith('https:'),
  development: process.env.NODE_ENV === 'development',
});

const badRequest = (message: string) =>
  new NextResponse(`Bad Request: ${message}`, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

export function proxy(request: NextRequest): NextResponse {
  // The image optimizer fetches only the CMS's uploads, on its origin and port (lib/media.ts).
  if (request.nextUrl.pathname === '/_next/image') {
    const source = request.nextUrl.searchParams.getAll('url');
    return source.length === 1 && isCmsUpload(source[0]!, env.STRAPI_URL)
      ? NextResponse.next()
      : badRequest("only the CMS's uploads are optimized");
  }
  const decision = routeRequest(request.nextUrl.pathname, request.nextUrl.searchParams, env.INDEXNOW_KEY);
  const previewHeaders = previewPageHeaders(request.headers, request.nextUrl.searchParams, env.PREVIEW_SECRET);
  const forward = previewHeaders ? { request: { headers: previewHeaders } } : undefined;
  let response: NextResponse;
  if (decision.kind === 'continue') {
    response = NextResponse.next(forward);
  } else {
    const target = request.nextUrl.clone();
    target.pathname = decision.pathname;
    response = NextResponse.rewrite(target, forward);
  }
  if (previewHeaders) response.headers.set('Content-Security-Policy', previewPolicy);
  return response;
}

export const config = {
  // Next.js reads this statically, so the languages are spelled out: a path under a language the
  // list misses still runs the proxy, which then lets it through (web/tests/proxy-matcher.test.ts
  // checks the list against the contract's).
  matcher: [
    '/_next/image',
    // A news list (/<locale>/news?page=…&category=…) whose query next.config.ts does not rewrite
    // by itself: marked by lib/security/request-screen.ts (LIST_ROUTING_HEADER).
    { source: '/:locale/news', has: [{ type: 'header', key: 'x-medee-list-routing' }] },
    // A preview page, or any page a preview link points at.
    { source: '/:path*', has: [{ type: 'query', key: 'preview' }] },
    // A first segment that is not a language (nor a root file or route): its 404, a redirect or
    // the IndexNow key. Not `/` itself, which has its own route.
    '/((?!$|mn(?:/|$)|zh(?:/|$)|_next/|api/|sitemap\\.xml$|sitemaps/|robots\\.txt$|favicon\\.ico$|icon\\.svg$).*)',
  ],
};
