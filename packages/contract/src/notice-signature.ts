import { createHmac } from 'node:crypto';
import { equalSecrets } from './secrets';

// The signature of a change notice (the CMS signs, the site verifies) with the secret both
// servers share. Only signatures travel; the secret never does. Node only.

export const NOTICE_SIGNATURE_HEADER = 'X-Medee-Signature';

/** How far a notice's timestamp may be from now: a captured notice replayed later is refused. */
export const NOTICE_TOLERANCE_SECONDS = 300;

const mac = (secret: string, timestamp: string | number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * `X-Medee-Signature` of a notice: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The timestamp lets the site refuse a captured request replayed much later.
 */
export function signNotice(secret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${timestampSeconds},v1=${mac(secret, timestampSeconds, body)}`;
}

/** Is `header` a signature of `body` with `secret`, made within the tolerance? */
export function verifyNoticeSignature(
  secret: string,
  body: string,
  header: string | null,
  nowSeconds = Date.now() / 1000,
): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const [, timestamp, given] = match as unknown as [string, string, string];
  if (Math.abs(nowSeconds - Number(timestamp)) > NOTICE_TOLERANCE_SECONDS) return false;
  return equalSecrets(mac(secret, timestamp, body), given);
}
