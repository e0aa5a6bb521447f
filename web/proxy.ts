import { NextResponse, type NextRequest } from 'next/server'
import { routeRequest } from '@/lib/request-routing'

// Runs before routing, in-process, reading nothing but the URL and one header
// (see lib/request-routing.ts for what it decides and why).
export function proxy(request: NextRequest) {
  const decision = routeRequest(
    request.nextUrl.pathname,
    request.nextUrl.searchParams,
    request.headers.get('accept-language'),
  )
  if (decision.kind === 'continue') return NextResponse.next()

  const target = request.nextUrl.clone()
  target.pathname = decision.pathname
  const response = NextResponse.rewrite(target)
  if (decision.varyByLanguage) response.headers.set('Vary', 'Accept-Language')
  return response
}

export const config = {
  // Not for build assets, optimized images and files at the root.
  matcher: ['/((?!_next/|api/|sitemap\\.xml|robots\\.txt|favicon\\.ico).*)'],
}
