import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIST_ROUTING_HEADER } from '@/lib/request-routing';
import { installRequestScreen, markListRouting, screenRequest } from '@/lib/security/request-screen';

// What no page accepts is refused before Next.js routes it (lib/security/request-screen.ts); the
// running site is checked by tests/e2e/bad-input.test.ts.

describe('screenRequest', () => {
  test.each(['GET', 'HEAD'])('%s of a page passes', (method) => {
    expect(screenRequest(method, '/mn/news/some-article?x=1')).toBeNull();
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s of a page is 405 with Allow: GET, HEAD', (method) => {
    expect(screenRequest(method, '/mn')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
    expect(screenRequest(method, '/')).toMatchObject({ status: 405 });
  });

  test('route handlers under /api/ answer other methods themselves', () => {
    expect(screenRequest('POST', '/api/revalidate')).toBeNull();
  });

  test.each(['/mn/news/%ff', '/mn/news/%c3%28', '/mn/news/%'])('%s (not percent-encoded UTF-8) is 400', (url) => {
    expect(screenRequest('GET', url)).toMatchObject({ status: 400, body: expect.stringMatching(/UTF-8/) });
  });

  test.each(['/mn/news/%00', '/mn/a%0d%0ab', '/mn/%7f'])('%s (a control character) is 400', (url) => {
    expect(screenRequest('GET', url)).toMatchObject({ status: 400, body: expect.stringMatching(/control/) });
  });

  test('a query is not the path: an undecodable query passes to the route that reads it', () => {
    expect(screenRequest('GET', '/mn/search?q=%ff')).toBeNull();
  });
});

describe('markListRouting', () => {
  const marked = (url: string) => {
    const request = { url, headers: {} } as http.IncomingMessage;
    markListRouting(request);
    return request.headers[LIST_ROUTING_HEADER] === '1';
  };

  test.each(['/mn/news', '/zh/news?page=2', '/mn/news?utm_source=feed', '/mn/news/x?page=0', '/mn?category=x'])(
    '%s is left to next.config.ts (or needs no list routing)',
    (url) => {
      expect(marked(url)).toBe(false);
    },
  );

  test.each(['/mn/news?category=x', '/mn/news?page=0', '/mn/news?page=1&page=2', '/zh/news?page='])(
    '%s is marked for proxy.ts',
    (url) => {
      expect(marked(url)).toBe(true);
    },
  );
});

describe('installRequestScreen', () => {
  test('answers refusals on an HTTP server before its own listener', async () => {
    installRequestScreen();
    const seen: string[] = [];
    const server = http.createServer((request, response) => {
      seen.push(`${request.method} ${request.url}${request.headers[LIST_ROUTING_HEADER] ? ' marked' : ''}`);
      response.end('page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = await fetch(`${base}/mn`, { method: 'POST', body: 'x=1' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
      expect((await fetch(`${base}/mn/news/%ff`)).status).toBe(400);
      const page = await fetch(`${base}/mn`);
      expect(await page.text()).toBe('page');
      await fetch(`${base}/mn/news?page=0`);
      expect(seen).toEqual(['GET /mn', 'GET /mn/news?page=0 marked']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
