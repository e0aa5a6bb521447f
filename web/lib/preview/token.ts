import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// The preview scope a signed link from the CMS opens (app/api/preview): which document the
// browser may see, which version of it, and until when. It travels as
// `<base64url JSON>.<base64url HMAC-SHA256>` in the preview page's URL (lib/preview/page-token.ts)
// and in an HttpOnly cookie (lib/preview/session.ts), keyed with the preview secret under its own label,
// so a session token can never pass for a link signature or a change notice, nor the reverse.
// Next's draft-mode cookie alone is not enough: its value is one id for the whole build, so it
// would open every draft until the next deploy.

const LABEL = 'medee-preview-session-v1';

/** The cookie that holds the scope of a preview session (lib/preview/session.ts). */
export const PREVIEW_SESSION_COOKIE = 'medee_preview';

const scopeSchema = z.object({
  uid: z.string().min(1),
  documentId: z.string().min(1),
  locale: z.string().min(1),
  /** The version shown: the Draft or the Published tab of the admin's Preview. */
  status: z.enum(['draft', 'published']).default('draft'),
  /** Unix seconds after which the session no longer opens the draft. */
  expires: z.number().int(),
});

/** The one document (of content type `uid`, in `locale`) whose `status` version a preview shows. */
export type PreviewScope = z.infer<typeof scopeSchema>;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${LABEL}.${payload}`).digest();
}

export function signPreviewSession(secret: string, scope: z.input<typeof scopeSchema>): string {
  const payload = Buffer.from(JSON.stringify(scopeSchema.parse(scope))).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The scope of a session token, or null when it is malformed, forged, tampered with or expired. */
export function verifyPreviewSession(
  secret: string,
  token: string,
  nowSeconds = Date.now() / 1000,
): PreviewScope | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const scope = scopeSchema.safeParse(json);
  return scope.success && scope.data.expires > nowSeconds ? scope.data : null;
}
