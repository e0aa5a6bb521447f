import { createHmac } from 'node:crypto';
import { equalSecrets } from './secrets';

// The signature of a preview link (the CMS admin's Preview opens the site's /api/preview with
// the document's coordinates): the CMS signs, the site verifies, with the secret both servers
// share. Node only.

/** The longest a preview link may be valid for, whatever the CMS signed. */
export const PREVIEW_LINK_MAX_SECONDS = 24 * 60 * 60;

export interface PreviewLink {
  uid: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** Unix seconds after which the site refuses the link. */
  expires: number;
}

function mac(secret: string, fields: PreviewLink): string {
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

/** The `signature` query parameter of a preview link: base64url HMAC-SHA256 over every other field. */
export function signPreviewLink(secret: string, fields: PreviewLink): string {
  return mac(secret, fields);
}

/** The document a preview link opens, or null when the link is incomplete, forged or expired. */
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
  const link = { uid, documentId, locale, status, expires } as const;
  return equalSecrets(mac(secret, link), signature) ? link : null;
}
