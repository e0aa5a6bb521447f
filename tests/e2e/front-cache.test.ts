import http from 'node:http';
import { freePort } from '../../scripts/lib/processes.cjs';
import { singleInstanceFront, startFront } from '../../scripts/lib/nginx.cjs';
import { seedArticles } from '../../cms/tests/helpers/seed-data';
import { setUpFrontedSite } from './site';

// The production front's shared cache (deploy/nginx/) holds only what is the same for everyone:
// no request header that changes the site's answer can put another answer in front of readers,
// and answers the site marks private, per-visitor requests and non-documents are never stored.

/**
 * Request headers Next.js (16) reacts to, none of them in the front's cache key: RSC and
 * prefetch payloads, middleware-only answers (`{}` for x-middleware-prefetch), data requests,
 * server actions, the internal subrequest marker, the on-demand revalidation header, and a
 * draft-mode cookie.
 */
const NEXT_HEADERS: Array<Record<string, string>> = [
  { 'x-middleware-prefetch': '1' },
  { rsc: '1' },
  { rsc: '1', 'next-router-prefetch': '1' },
  { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' },
  { 'next-router-prefetch': '1' },
  { 'next-router-segment-prefetch': '/_tree' },
  { 'next-router-state-tree': encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }])) },
  { 'next-url': '/zh' },
  { 'x-nextjs-data': '1' },
  { purpose: 'prefetch' },
  { 'sec-purpose': 'prefetch' },
  { 'x-now-route-matches': 'locale=zh' },
  { 'x-matched-path': '/zh' },
  { 'next-action': 'abc' },
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  { 'x-prerender-revalidate': 'garbage' },
  { 'x-nextjs-postponed': '1' },
  { accept: 'text/x-component' },
  { cookie: '__prerender_bypass=garbage; __next_preview_data=garbage' },
];

const seedArticle = seedArticles.find((article) => article.mn?.slug)!;

/** Public documents the front caches, and how a plain reader's copy must look. */
const DOCUMENTS: Array<{ path: string; type: RegExp; body: RegExp }> = [
  { path: '/mn/certificates', type: /^text\/html/, body: /^<!DOCTYPE html>[\s\S]*<\/html>$/ },
  { path: '/mn/news', type: /^text\/html/, body: /^<!DOCTYPE html>[\s\S]*<\/html>$/ },
  {
    path: `/mn/news/${seedArticle.mn!.slug}`,
    type: /^text\/html/,
    body: /^<!DOCTYPE html>[\s\S]*<\/html>$/,
  },
  { path: '/zh', type: /^text\/html/, body: /^<!DOCTYPE html>[\s\S]*<\/html>$/ },
  { path: '/mn/feed.xml', type: /^application\/rss\+xml/, body: /^<\?xml[\s\S]*<\/rss>\s*$/ },
  { path: '/sitemap.xml', type: /^application\/xml/, body: /^<\?xml[\s\S]*<\/(urlset|sitemapindex)>\s*$/ },
];

describe('the front caches only what is the same for everyone', () => {
  const stack = setUpFrontedSite();
  let frontUrl: string;

  beforeAll(() => {
    ({ frontUrl } = stack);
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${frontUrl}${path}`, { headers, redirect: 'manual' });
    return { response, body: await response.text() };
  };

  // Each case uses a cache key of its own (a query the pages ignore), so the attacker's request
  // is the first for it: if its answer were stored, the plain reader right after would get it.
  test.each(NEXT_HEADERS.map((headers, index) => [Object.keys(headers).join(' + '), headers, index] as const))(
    'a request with %s leaves every document as readers see it',
    async (_name, headers, index) => {
      const poisoned: string[] = [];
      for (const document of DOCUMENTS) {
        const path = `${document.path}?probe=${index}`;
        await get(path, headers);
        await get(path, headers);
        const { response, body } = await get(path);
        const type = response.headers.get('content-type') ?? '';
        if (response.status !== 200 || !document.type.test(type) || !document.body.test(body.trim()))
          poisoned.push(`${path} → ${response.status} ${type} ${body.slice(0, 60)}`);
      }
      expect(poisoned).toEqual([]);
    },
  );

  test('a plain reader gets public documents from the cache', async () => {
    for (const document of DOCUMENTS) {
      await get(`${document.path}?probe=plain`);
      const { response } = await get(`${document.path}?probe=plain`);
      expect([document.path, response.headers.get('x-cache')]).toEqual([document.path, 'HIT']);
    }
  });

  test('an answer the site marks private (the search page) is never stored', async () => {
    const first = await get('/mn/search?q=probe');
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('x-cache')).toBe('MISS');
    const second = await get('/mn/search?q=probe');
    expect(second.response.headers.get('x-cache')).toBe('MISS');
  });

  test('a request with a cookie neither reads nor fills the cache', async () => {
    const withCookie = await get('/mn/certificates?probe=cookie', { cookie: 'anything=1' });
    expect(withCookie.response.headers.get('x-cache')).toBe('BYPASS');
    expect((await get('/mn/certificates?probe=cookie')).response.headers.get('x-cache')).toBe('MISS');
  });

  test('a redirect is not a document: never stored', async () => {
    for (let i = 0; i < 2; i++) {
      const { response } = await get('/mn/?probe=redirect');
      expect(response.status).toBe(308);
      expect(response.headers.get('x-cache')).toBe('MISS');
    }
  });
});

/** The front before a stub site, to see exactly what it forwards and what it stores. */
describe('the front before a stub site', () => {
  const answers: Record<string, Record<string, string>> = {
    '/public': { 'Content-Type': 'text/html', 'Cache-Control': 'public, s-maxage=60' },
    '/private': { 'Content-Type': 'text/html', 'Cache-Control': 'private' },
    '/no-store': { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' },
    '/no-cache': { 'Content-Type': 'text/html', 'Cache-Control': 'no-cache' },
    '/cookie': { 'Content-Type': 'text/html', 'Set-Cookie': 'session=1' },
    '/json': { 'Content-Type': 'application/json' },
    '/payload': { 'Content-Type': 'text/x-component' },
  };
  const received: http.IncomingHttpHeaders[] = [];
  let stub: http.Server;
  let front: Awaited<ReturnType<typeof startFront>>;
  let frontUrl: string;

  beforeAll(async () => {
    const [stubPort, port, cmsPort] = [await freePort(), await freePort(), await freePort()];
    stub = http.createServer((request, response) => {
      received.push(request.headers);
      response.writeHead(200, answers[new URL(request.url ?? '/', 'http://stub').pathname] ?? answers['/public']);
      response.end('<!DOCTYPE html><html></html>');
    });
    await new Promise<void>((resolve) => stub.listen(stubPort, '127.0.0.1', resolve));
    frontUrl = `http://127.0.0.1:${port}`;
    const vars = singleInstanceFront({
      port,
      cmsPort,
      sitePort: stubPort,
      cmsInstancePort: stubPort,
      refreshToken: 'r'.repeat(32),
    });
    front = await startFront(vars, { healthUrl: `${frontUrl}/public?health` });
  }, 60_000);

  afterAll(async () => {
    await front?.stop();
    await new Promise((resolve) => stub?.close(resolve));
  });

  const xCache = async (path: string) => (await fetch(`${frontUrl}${path}`)).headers.get('x-cache');

  test.each(Object.keys(answers).filter((path) => path !== '/public'))('%s is never stored', async (path) => {
    expect(await xCache(path)).toBe('MISS');
    expect(await xCache(path)).toBe('MISS');
  });

  test("a preview page's URL (?preview=…, the admin's Preview frame) neither reads nor fills the cache", async () => {
    expect(await xCache('/public?preview=scope')).toBe('BYPASS');
    expect(await xCache('/public?preview=scope')).toBe('BYPASS');
  });

  test("an answer not for everyone keeps the site's Cache-Control; the others are revalidated", async () => {
    expect((await fetch(`${frontUrl}/no-store`)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${frontUrl}/public?told`)).headers.get('cache-control')).toBe(
      'public, max-age=0, must-revalidate',
    );
  });

  test('a public HTML answer is stored', async () => {
    await xCache('/public?stored');
    expect(await xCache('/public?stored')).toBe('HIT');
  });

  test('the site receives only the allow-listed request headers', async () => {
    received.length = 0;
    const sent = Object.assign({}, ...NEXT_HEADERS, {
      'x-custom': '1',
      authorization: 'Bearer x',
      'user-agent': 'ua',
      'x-forwarded-for': '6.6.6.6',
    });
    await fetch(`${frontUrl}/mn/page?headers`, { headers: sent });
    await fetch(`${frontUrl}/api/x`, {
      method: 'POST',
      headers: { ...sent, 'x-medee-signature': 's', 'content-type': 'text/plain' },
      body: 'x',
    });
    await fetch(`${frontUrl}/_next/image?url=x`, { headers: sent });
    expect(received).toHaveLength(3);
    const allowed = ['host', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'cookie', 'content-length'];
    expect(Object.keys(received[0]!).filter((name) => !allowed.includes(name))).toEqual([]);
    expect(
      Object.keys(received[1]!).filter((name) => ![...allowed, 'content-type', 'x-medee-signature'].includes(name)),
    ).toEqual([]);
    expect(Object.keys(received[2]!).filter((name) => ![...allowed, 'accept'].includes(name))).toEqual([]);
    // The address nginx saw, not one the client claims.
    expect(received[0]!['x-forwarded-for']).toBe('127.0.0.1');
  });
});
