import 'server-only';

import { cookies, draftMode } from 'next/headers';
import { env } from '@/lib/env';
import { PREVIEW_SESSION_COOKIE, type PreviewScope, signPreviewSession, verifyPreviewSession } from './token';

// A preview session is Next's draft mode (which makes Next render the page for this request
// instead of serving it from its cache) plus our scope cookie (which says whose draft to show).
// Pages read a draft only while both hold and the scope names the document they show
// (lib/strapi/index.ts); everything else on the page, and every other page, stays published.
// The browser holds the two cookies after a preview link opened in a tab; a preview page's URL
// that carries the signed scope gets them from proxy.ts instead (lib/preview/page-token.ts), which
// is how the admin's Preview frame works without cookies.

/** The signed scope (lib/preview/token.ts) of a preview of `scope`, valid for PREVIEW_SESSION_SECONDS. */
export function signPreviewScope(scope: Omit<PreviewScope, 'expires'>): string {
  if (!env.PREVIEW_SECRET) throw new Error('A preview needs PREVIEW_SECRET');
  return signPreviewSession(env.PREVIEW_SECRET, {
    ...scope,
    expires: Math.floor(Date.now() / 1000) + env.PREVIEW_SESSION_SECONDS,
  });
}

/**
 * Starts a session for the draft of a verified preview link's document: draft mode on, and the
 * signed scope in an HttpOnly cookie that expires after PREVIEW_SESSION_SECONDS. Returns that
 * scope, which the preview page's URL carries too.
 *
 * The cookie keeps the draft on the document's page in a tab the link was opened in. Over https
 * it is `Secure; SameSite=None`, like Next's draft-mode cookie; over plain http browsers refuse
 * SameSite=None, so it is `Lax` there. A frame on another site may get neither (browsers drop
 * third-party cookies): the admin's Preview frame relies on the URL's scope instead.
 */
export async function startPreviewSession(
  scope: Omit<PreviewScope, 'expires' | 'status'>,
  { https }: { https: boolean },
): Promise<string> {
  const token = signPreviewScope({ ...scope, status: 'draft' });
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_SESSION_COOKIE, token, {
    httpOnly: true,
    secure: https,
    sameSite: https ? 'none' : 'lax',
    path: '/',
    maxAge: env.PREVIEW_SESSION_SECONDS,
  });
  return token;
}

/** Ends the session: draft mode off and the scope cookie gone. */
export async function endPreviewSession(): Promise<void> {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_SESSION_COOKIE);
}

/**
 * This request's preview scope, or null outside a valid session: draft mode off (always while
 * prerendering), no preview token to read drafts with, or a scope cookie that is missing,
 * forged, tampered with or expired.
 */
export async function currentPreviewScope(): Promise<PreviewScope | null> {
  if (!env.PREVIEW_SECRET || !env.STRAPI_PREVIEW_TOKEN) return null;
  try {
    // Checked first: unlike cookies(), draftMode() does not make a cached page dynamic.
    if (!(await draftMode()).isEnabled) return null;
  } catch {
    // Outside a request (e.g. while prerendering) there is no session.
    return null;
  }
  const token = (await cookies()).get(PREVIEW_SESSION_COOKIE)?.value;
  return token ? verifyPreviewSession(env.PREVIEW_SECRET, token) : null;
}

/** The documentId whose draft this request may show as content type `uid` in `locale`, or null. */
export async function previewedDocument(uid: string, locale: string): Promise<string | null> {
  const scope = await currentPreviewScope();
  return scope?.status === 'draft' && scope.uid === uid && scope.locale === locale ? scope.documentId : null;
}
