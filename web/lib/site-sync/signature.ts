import { createHmac, timingSafeEqual } from 'node:crypto';

// Checks what the CMS signs (cms/src/publishing/signature.ts) with the secret
// both servers share. Only signatures travel; the secrets never do.

/** How far a notice's timestamp may be from now: a captured notice replayed later is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The longest a preview link may be valid for, whatever the CMS signed. */
export const PREVIEW_LINK_MAX_SECONDS = 24 * 60 * 60;

function equalSecrets(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Is `header` (X-Medee-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`)
 * a signature of `body` with `secret`, made within the tolerance?
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null,
  nowSeconds = Date.now() / 1000,
): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const [, timestamp, mac] = match as unknown as [string, string, string];
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return equalSecrets(expected, mac);
}

export interface PreviewLink {
  uid: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  expires: number;
}

/** The document a preview link from the CMS admin opens, or null when the link is incomplete, forged or expired. */
export function verifyPreviewLink(
  secret: string,
  params: URLSearchParams,
  nowSeconds = Date.now() / 1000,
): PreviewLink | null {
  const uid = params.get('uid');
  const documentId = params.get('documentId');
  const locale = params.get('locale');
  const status = params.get('status');
  const expires = Number(params.get('expires'));
  const signature = params.get('signature');
  if (!uid || !documentId || !locale || !signature || (status !== 'draft' && status !== 'published')) return null;
  if (!Number.isSafeInteger(expires) || expires < nowSeconds || expires > nowSeconds + PREVIEW_LINK_MAX_SECONDS)
    return null;
  const message = ['medee-preview-v1', uid, documentId, locale, status, String(expires)].join('\n');
  const expected = createHmac('sha256', secret).update(message).digest('base64url');
  return equalSecrets(expected, signature) ? { uid, documentId, locale, status, expires } : null;
}
