// Reading a request body up to a limit, enforced on the bytes as they arrive: a Content-Length
// check alone lets a chunked body (no Content-Length) of any size be read into memory in full.

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
  }
}

/**
 * The body of `request` as UTF-8 text. Throws BodyTooLargeError as soon as the declared length
 * or the bytes received pass `limit`, and stops reading (the rest is never buffered).
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
