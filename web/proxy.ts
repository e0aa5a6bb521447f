import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { routeRequest } from '@/lib/request-routing'
import { contentSecurityPolicy, generateNonce } from '@/lib/security/csp'

// Runs before routing, in-process, reading nothing but the URL and the method:
// - refuses what no page accepts (other methods, undecodable paths);
// - decides where the request goes (lib/request-routing.ts);
// - sets a per-request CSP nonce, as in the Next.js CSP guide (docs/app/guides/
//   content-security-policy): Next.js reads it from the request's Content-Security-Policy
//   header and puts it on every script it renders. A nonce must be new for each response, so
//   pages are rendered per request (app/[locale]/layout.tsx); their CMS reads still come from
//   the data cache. The headers that do not vary are in next.config.ts.

const frameAncestors = [
  ...new Set([new URL(env.STRAPI_URL).origin, ...(env.CMS_PUBLIC_URL ? [new URL(env.CMS_PUBLIC_URL).origin] : [])]),
]
const upgradeInsecureRequests = env.SITE_URL.startsWith('https:')

export function proxy(request: NextRequest): NextResponse {
  // Pages are read, never posted to: the site has no server actions (route handlers under
  // /api/ are not matched here; feeds are GET). Otherwise Next.js renders the page for any method.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new NextResponse(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
  }
  // Next.js answers a path that is not valid percent-encoded UTF-8 (/mn/news/%ff) with a 500
  // when it decodes the route's parameters; it is a malformed request.
  try {
    decodeURIComponent(request.nextUrl.pathname)
  } catch {
    return new NextResponse('Bad Request: the path is not valid percent-encoded UTF-8', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }

  const nonce = generateNonce()
  const policy = contentSecurityPolicy({
    nonce,
    frameAncestors,
    upgradeInsecureRequests,
    development: process.env.NODE_ENV === 'development',
  })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', policy)

  const decision = routeRequest(request.nextUrl.pathname, request.nextUrl.searchParams)
  let response: NextResponse
  if (decision.kind === 'continue') {
    response = NextResponse.next({ request: { headers: requestHeaders } })
  } else {
    const target = request.nextUrl.clone()
    target.pathname = decision.pathname
    response = NextResponse.rewrite(target, { request: { headers: requestHeaders } })
  }
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  // Not for build assets, optimized images, route handlers under /api and files at the root.
  matcher: ['/((?!_next/|api/|sitemap\\.xml|robots\\.txt|favicon\\.ico).*)'],
}
