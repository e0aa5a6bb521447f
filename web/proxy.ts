import { NextResponse, type NextRequest } from 'next/server'
import { routeRequest } from '@/lib/request-routing'

// Runs before routing, in-process, reading nothing but the URL (see
// lib/request-routing.ts for what it decides and why).
export function proxy(request: NextRequest) {
  const decision = routeRequest(request.nextUrl.pathname, request.nextUrl.searchParams)
  if (decision.kind === 'continue') return NextResponse.next()

  const target = request.nextUrl.clone()
  target.pathname = decision.pathname
  return NextResponse.rewrite(target)
}

export const config = {
  // Not for build assets, optimized images and files at the root.
  matcher: ['/((?!_next/|api/|sitemap\\.xml|sitemaps/|robots\\.txt|favicon\\.ico|icon\\.svg).*)'],
}
