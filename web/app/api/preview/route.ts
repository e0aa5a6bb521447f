import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isLocale } from '@medee/contract';
import { verifyPreviewLink } from '@medee/contract/preview-link';
import { endPreviewSession, startPreviewSession } from '@/lib/preview/session';
import { getPreviewPath } from '@/lib/strapi/preview-path';

// GET /api/preview?uid=…&documentId=…&locale=…&status=…&expires=…&signature=…
// The CMS admin's "Open preview" link (cms/src/publishing/preview.ts). A valid
// signature made with the shared PREVIEW_SECRET starts a preview session for
// that one document in that locale (status draft; lib/preview/session.ts) or
// ends any session (status published), and redirects to the document's page,
// which this route — not the link — works out, so a link cannot send anyone
// elsewhere. Anything else: 401, and no session is started.

const headers = {
  'Cache-Control': 'no-store',
  // The link's signature must not leak to the page it redirects to, nor beyond.
  'Referrer-Policy': 'no-referrer',
};

export async function GET(request: NextRequest): Promise<Response> {
  const link =
    env.PREVIEW_SECRET && env.STRAPI_PREVIEW_TOKEN
      ? verifyPreviewLink(env.PREVIEW_SECRET, request.nextUrl.searchParams)
      : null;
  if (!link) return new Response('Preview link missing, invalid or expired.\n', { status: 401, headers });
  if (!isLocale(link.locale)) return new Response('This site has no such language.\n', { status: 404, headers });

  const path = await getPreviewPath(link.uid, link.documentId, link.locale, link.status);
  if (!path)
    return new Response('Nothing to preview: the document has no such version or no page.\n', { status: 404, headers });

  if (link.status === 'draft') {
    const https = request.nextUrl.protocol === 'https:' || env.SITE_URL.startsWith('https:');
    await startPreviewSession({ uid: link.uid, documentId: link.documentId, locale: link.locale }, { https });
  } else {
    await endPreviewSession();
  }
  return new Response(null, { status: 307, headers: { ...headers, Location: path } });
}
