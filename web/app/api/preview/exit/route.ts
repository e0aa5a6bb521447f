import type { NextRequest } from 'next/server';
import { endPreviewSession } from '@/lib/preview/session';
import { redirectWithinSite } from '@/lib/security/redirect';

// GET /api/preview/exit?to=/mn/news/… — the preview banner's exit link: ends the preview session
// (lib/preview/session.ts) and goes back to the same page, now as readers see it. Only a
// path on this site is followed (lib/security/redirect.ts); anything else goes home.

export async function GET(request: NextRequest): Promise<Response> {
  await endPreviewSession();
  return redirectWithinSite(request.nextUrl.searchParams.get('to'));
}
