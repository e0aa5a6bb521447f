import { draftMode } from 'next/headers';
import type { NextRequest } from 'next/server';
import { redirectWithinSite } from '@/lib/security/redirect';

// GET /api/preview/exit?to=/mn/news/… — the preview banner's exit link: leaves
// draft mode and goes back to the same page, now as readers see it. Only a
// path on this site is followed (lib/security/redirect.ts); anything else goes home.

export async function GET(request: NextRequest): Promise<Response> {
  (await draftMode()).disable();
  return redirectWithinSite(request.nextUrl.searchParams.get('to'));
}
