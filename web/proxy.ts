import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isCmsUpload } from '@/lib/media';
import { adminOrigins, previewPageHeaders } from '@/lib/preview/page-token';
import { routeRequest } from '@/lib/request-routing';
import { contentSecurityPolicy } from '@/lib/security/csp';

// Runs before routing, in-process, reading nothing but the URL and the method:
// - refuses what no page accepts (other methods, undecodable paths);
// - decides where the request goes (lib/request-routing.ts);
// - opens a preview page whose URL carries a valid signed scope (lib/preview/page-token.ts);
// - sets the Content-Security-Policy (lib/security/csp.ts), here rather than in next.config.ts
//   because a preview page's names the CMS admin's origins, which are known at run time, as the
//   only others that may frame it (Strapi's Preview). The headers that do not vary are in
//   next.config.ts.

const policy = (frameAncestors: readonly string[]) =>
  contentSecurityPolicy({
    frameAncestors,
    upgradeInsecureRequests: env.SITE_URL.startsWith('https:'),
    development: process.env.NODE_ENV === 'development',
  });
const publicPolicy = policy([]);
const previewPolicy = policy(adminOrigins(env));

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
  // Pages are read, never posted to: the site has no server actions (route handlers under
  // /api/ are not matched here; feeds are GET). Otherwise Next.js renders the page for any method.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new NextResponse(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  // No address of the site has a path that is not valid percent-encoded UTF-8 (/mn/news/%ff) or
  // that holds a control character: Next.js answers the first with a 500 when it decodes the
  // route's parameters, and renders a path with CR or LF as a page without its 404 status.
  let path: string;
  try {
    path = decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return badRequest('the path is not valid percent-encoded UTF-8');
  }
  if (/\p{Cc}/u.test(path)) return badRequest('the path contains control characters');

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
  response.headers.set('Content-Security-Policy', previewHeaders ? previewPolicy : publicPolicy);
  return response;
}

export const config = {
  // Not for build assets, route handlers under /api and files at the root; optimized images
  // only for the check above, sitemap parts for the path checks.
  matcher: [
    '/_next/image',
    '/sitemaps/:path*',
    '/((?!_next/|api/|sitemap\\.xml|sitemaps/|robots\\.txt|favicon\\.ico|icon\\.svg).*)',
  ],
};
