import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { env } from '@/lib/env';
import { siteChangeSchema } from '@medee/contract/change';
import { BodyTooLargeError, readBodyText } from '@/lib/security/body';
import { pathsToRefresh, tagsForChange, tagsToExpire } from '@/lib/site-sync/change';
import { refreshPages } from '@/lib/site-sync/refresh';
import { verifyNoticeSignature } from '@medee/contract/notice-signature';

// POST /api/revalidate — the CMS's change notice after a publish, unpublish or
// delete (cms/src/publishing/). Verifies the signature made with the shared
// REVALIDATE_SECRET (401 otherwise, nothing revalidated), then marks exactly
// the affected cache tags stale.
//
// Why revalidateTag(tag, 'max') on fetch-cache tags: it is stale-while-
// revalidate. The next request still gets the page it had (never an error,
// even if the CMS went down meanwhile) and renders a fresh one in the
// background from the CMS; with the CMS down, Next keeps the stale page and
// retries later. Immediate expiry (updateTag, or an expire of 0) would instead
// make that request wait for the CMS — and fail with a 500 if the CMS is down.
// A repeated notice only marks the same tags stale again: the fresh render
// reads the CMS's current state, so a replay cannot bring old content back.
//
// Stale-while-revalidate means the first request after a publish still gets
// the old page. So that this first request is not a reader's (or the editor's
// checking their publish), the route makes it itself, once the answer to the
// CMS is sent, for the pages most likely opened next (pathsToRefresh), and
// through the production front when there is one (lib/site-sync/refresh.ts).

/** Notices are small (one document, a few locales); anything bigger is not from the CMS. */
const MAX_BODY_BYTES = 64 * 1024;
const noStore = { 'Cache-Control': 'no-store' };

export async function POST(request: Request): Promise<Response> {
  let body: string;
  try {
    body = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return Response.json({ error: 'notice too large' }, { status: 413, headers: noStore });
  }
  if (
    !env.REVALIDATE_SECRET ||
    !verifyNoticeSignature(env.REVALIDATE_SECRET, body, request.headers.get('x-medee-signature'))
  ) {
    return Response.json({ error: 'missing, invalid or expired signature' }, { status: 401, headers: noStore });
  }

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return Response.json({ error: 'the notice is not JSON' }, { status: 400, headers: noStore });
  }
  const parsed = siteChangeSchema.safeParse(json);
  if (!parsed.success) {
    return Response.json(
      { error: 'not a change notice', issues: parsed.error.issues.map((issue) => issue.message) },
      { status: 400, headers: noStore },
    );
  }

  const tags = tagsForChange(parsed.data);
  const expire = tagsToExpire(parsed.data);
  for (const tag of tags) revalidateTag(tag, expire.has(tag) ? { expire: 0 } : 'max');
  const target = env.FRONT_URL
    ? { base: env.FRONT_URL, token: env.FRONT_REFRESH_TOKEN }
    : { base: new URL(request.url).origin };
  after(() => refreshPages(target, pathsToRefresh(parsed.data)));
  return Response.json({ id: parsed.data.id, revalidated: tags }, { headers: noStore });
}
