import { createHmac } from 'node:crypto';

// What the CMS signs for the site. The site checks both (web/lib/site-sync/signature.ts) with the
// same secret; the secrets themselves never travel, neither to the site nor to a browser.

/**
 * `X-Medee-Signature` of a revalidation webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The timestamp lets the site refuse a captured request replayed much later.
 */
export function signWebhook(secret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export interface PreviewLinkFields {
  uid: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** Unix seconds after which the site refuses the link. */
  expires: number;
}

/** The `signature` query parameter of a preview link: base64url HMAC-SHA256 over every other field. */
export function signPreviewLink(secret: string, fields: PreviewLinkFields): string {
  const message = [
    'medee-preview-v1',
    fields.uid,
    fields.documentId,
    fields.locale,
    fields.status,
    String(fields.expires),
  ].join('\n');
  return createHmac('sha256', secret).update(message).digest('base64url');
}
