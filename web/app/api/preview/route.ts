import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isLocale } from '@medee/contract';
import { verifyPreviewLink } from '@medee/contract/preview-link';
import { PREVIEW_PARAM } from '@/lib/preview/page-token';
import { endPreviewSession, signPreviewScope, startPreviewSession } from '@/lib/preview/session';
import { getPreviewPath } from '@/lib/strapi/preview-path';

// GET /api/preview?uid=…&documentId=…&locale=…&status=…&expires=…&signature=…
// The CMS admin's Preview link (cms/src/publishing/preview.ts), in its frame or a new tab. A
// valid signature made with the shared PREVIEW_SECRET redirects to the document's page, which
// this route — not the link — works out, so a link cannot send anyone elsewhere, with the
// preview's signed scope in the URL (that document, locale and version, for
// PREVIEW_SESSION_SECONDS; lib/preview/page-token.ts): the page checks it on each request, so
// the admin's frame needs no cookie. Status draft also starts a preview session (cookies) for
// the tab; status published ends any. Anything else: 401, and no session is started.

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

  const document = { uid: link.uid, documentId: link.documentId, locale: link.locale };
  let scope: string;
  if (link.status === 'draft') {
    const https = request.nextUrl.protocol === 'https:' || env.SITE_URL.startsWith('https:');
    scope = await startPreviewSession(document, { https });
  } else {
    await endPreviewSession();
    scope = signPreviewScope({ ...document, status: 'published' });
  }
  const target = new URL(path, request.nextUrl.origin);
  target.searchParams.set(PREVIEW_PARAM, scope);
  return new Response(null, { status: 307, headers: { ...headers, Location: `${target.pathname}${target.search}` } });
}
