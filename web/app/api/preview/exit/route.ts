import type { NextRequest } from 'next/server';
import { endPreviewSession } from '@/lib/preview/session';

// GET /api/preview/exit?to=/mn/news/… — the preview banner's exit link: leaves
// draft mode and goes back to the same page, now as readers see it. Only a
// path on this site is followed.

function sitePath(to: string | null): string {
  if (!to?.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return '/';
  return to;
}

export async function GET(request: NextRequest): Promise<Response> {
  await endPreviewSession();
  return new Response(null, {
    status: 307,
    headers: { Location: sitePath(request.nextUrl.searchParams.get('to')), 'Cache-Control': 'no-store' },
  });
}
