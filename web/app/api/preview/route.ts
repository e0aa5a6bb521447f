import { draftMode } from 'next/headers';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isLocale } from '@medee/contract';
import { verifyPreviewLink } from '@medee/contract/preview-link';
import { getPreviewPath } from '@/lib/strapi/preview-path';

// GET /api/preview?uid=…&documentId=…&locale=…&status=…&expires=…&signature=…
// The CMS admin's "Open preview" link (cms/src/publishing/preview.ts). A valid
// signature made with the shared PREVIEW_SECRET enters draft mode (status
// draft) or leaves it (status published) and redirects to the document's page,
// which this route — not the link — works out, so a link cannot send anyone
// elsewhere. Anything else: 401, and draft mode is not entered.

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

  const draft = await draftMode();
  if (link.status === 'draft') draft.enable();
  else draft.disable();
  return new Response(null, { status: 307, headers: { ...headers, Location: path } });
}
