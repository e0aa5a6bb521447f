import 'server-only';

import { cookies, draftMode } from 'next/headers';
import { env } from '@/lib/env';
import { type PreviewScope, signPreviewSession, verifyPreviewSession } from './token';

// A preview session is Next's draft mode (which makes Next render the page for this request
// instead of serving it from its cache) plus our scope cookie (which says whose draft to show).
// Pages read a draft only while both hold and the scope names the document they show
// (lib/strapi/index.ts); everything else on the page, and every other page, stays published.

export const PREVIEW_SESSION_COOKIE = 'medee_preview';

/**
 * Starts a session for the document of a verified preview link: draft mode on, and the signed
 * scope in an HttpOnly cookie that expires after PREVIEW_SESSION_SECONDS.
 *
 * Over https the cookie is `Secure; SameSite=None`, like Next's draft-mode cookie: the admin
 * that frames the site for Preview may be on another site (cms.example.org framing
 * www.example.mn), and a cookie in a cross-site frame is sent only when it is SameSite=None.
 * Over plain http browsers refuse SameSite=None, so it is `Lax` there; the admin on
 * localhost:1337 framing the site on localhost:3000 is same-site (ports do not count), so Lax
 * cookies are sent in its frame.
 */
export async function startPreviewSession(
  scope: Omit<PreviewScope, 'expires'>,
  { https }: { https: boolean },
): Promise<void> {
  if (!env.PREVIEW_SECRET) throw new Error('A preview session needs PREVIEW_SECRET');
  const lifetime = env.PREVIEW_SESSION_SECONDS;
  const token = signPreviewSession(env.PREVIEW_SECRET, {
    ...scope,
    expires: Math.floor(Date.now() / 1000) + lifetime,
  });
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_SESSION_COOKIE, token, {
    httpOnly: true,
    secure: https,
    sameSite: https ? 'none' : 'lax',
    path: '/',
    maxAge: lifetime,
  });
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
  return scope?.uid === uid && scope.locale === locale ? scope.documentId : null;
}
