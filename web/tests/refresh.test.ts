import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { REFRESH_HEADER, refreshPages } from '@/lib/site-sync/refresh';

// A stand-in for the site (or the front before it): answers each path STALE a given number of
// times, then HIT, and records what it was sent.
type Seen = { path: string; refresh: string | undefined };

async function withServer(staleTimes: Record<string, number>, run: (base: string, seen: Seen[]) => Promise<void>) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '';
    seen.push({ path, refresh: request.headers[REFRESH_HEADER.toLowerCase()] as string | undefined });
    if (path === '/broken') {
      request.socket.destroy();
      return;
    }
    const left = staleTimes[path] ?? 0;
    const stale = left > 0;
    if (stale) staleTimes[path] = left - 1;
    response.writeHead(200, { 'x-nextjs-cache': stale ? 'STALE' : 'HIT', 'content-type': 'text/html' });
    response.end('<html></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('refreshPages', () => {
  it('requests each page until it is no longer the stale copy', async () => {
    await withServer({ '/mn/news': 2, '/mn': 0 }, async (base, seen) => {
      await refreshPages({ base }, ['/mn/news', '/mn']);
      expect(seen.filter((s) => s.path === '/mn/news')).toHaveLength(3);
      expect(seen.filter((s) => s.path === '/mn')).toHaveLength(1);
    });
  });

  it('sends the front refresh token with every request when given, and nothing otherwise', async () => {
    await withServer({ '/zh/news/x': 1 }, async (base, seen) => {
      await refreshPages({ base, token: 'front-token-of-some-length' }, ['/zh/news/x']);
      expect(seen).toEqual([
        { path: '/zh/news/x', refresh: 'front-token-of-some-length' },
        { path: '/zh/news/x', refresh: 'front-token-of-some-length' },
      ]);
    });
    await withServer({}, async (base, seen) => {
      await refreshPages({ base }, ['/zh']);
      expect(seen).toEqual([{ path: '/zh', refresh: undefined }]);
    });
  });

  it('settles when a page cannot be fetched, and still refreshes the others', async () => {
    await withServer({ '/mn': 1 }, async (base, seen) => {
      await expect(refreshPages({ base }, ['/broken', '/mn'])).resolves.toBeUndefined();
      expect(seen.filter((s) => s.path === '/mn')).toHaveLength(2);
    });
  });
});
