import { BodyTooLargeError, readBodyText } from '@/lib/security/body';

/** A POST whose body arrives in `chunks` without a Content-Length (chunked on the wire). */
function streamingRequest(chunks: string[], onPull: () => void = () => {}): Request {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (index < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[index++]));
      else controller.close();
    },
  });
  return new Request('http://site.test/api/revalidate', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readBodyText enforces its limit while the body streams in', () => {
  it('reads a body within the limit', async () => {
    await expect(readBodyText(streamingRequest(['{"a":', '1}']), 64)).resolves.toBe('{"a":1}');
  });

  it('stops at the first chunk past the limit of a body without Content-Length', async () => {
    let pulls = 0;
    const request = streamingRequest(
      Array.from({ length: 1000 }, () => 'x'.repeat(1024)),
      () => pulls++,
    );
    await expect(readBodyText(request, 4 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThan(10);
  });

  it('refuses a declared Content-Length past the limit without reading', async () => {
    const request = new Request('http://site.test/x', {
      method: 'POST',
      body: 'x'.repeat(100),
      headers: { 'Content-Length': '100' },
    });
    await expect(readBodyText(request, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
