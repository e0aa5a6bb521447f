import { seedArticles, seedCategories } from '../../cms/tests/helpers/seed-data';
import { type SiteInstance, setUpFrontedSite } from './site';

// The site as `npm start` and the image run it (Next's standalone server, scripts/lib/site.cjs)
// on the path every cached page takes (issue 15): rewrites stay in-process, the proxy runs only
// where it must, and what it checked on every page is still refused.

const article = seedArticles.find((each) => each.mn && each.zh && (each.mn.status ?? 'published') === 'published')!;
const category = seedCategories[0]!.mn.slug;
const pages = ['/mn', '/zh/news', `/mn/news/${encodeURIComponent(article.mn!.slug)}`, '/zh/certificates'];

describe('the hot path of the standalone site', () => {
  const stack = setUpFrontedSite({ standalone: true });
  let site: SiteInstance;
  let frontUrl: string;

  beforeAll(() => {
    ({ site, frontUrl } = stack);
  });

  test.each(['/mn/news', '/zh/news?page=1', '/mn/news?page=2', `/mn/news?category=${encodeURIComponent(category)}`])(
    '%s is rewritten in-process (x-middleware-rewrite relative or absent), not proxied back over HTTP',
    async (path) => {
      const response = await fetch(`${site.baseUrl}${path}`);
      expect(response.status).toBe(200);
      const rewrite = response.headers.get('x-middleware-rewrite');
      if (rewrite !== null) expect(rewrite).toMatch(/^\/(?!\/)/);
    },
  );

  test('the plain news list pages are the list, page by page; a bad or repeated page is the 404', async () => {
    const [first, second] = await Promise.all(
      ['/mn/news', '/mn/news?page=2'].map((path) => fetch(`${site.baseUrl}${path}`).then((r) => r.text())),
    );
    const titles = (html: string) =>
      [...html.matchAll(/class="article-card__title"><a [^>]*>([^<]+)/g)].map((m) => m[1]);
    expect(titles(first!).length).toBeGreaterThan(0);
    expect(titles(second!).length).toBeGreaterThan(0);
    expect(titles(second!)).not.toEqual(titles(first!));
    for (const path of ['/mn/news?page=0', '/mn/news?page=1&page=2', '/mn/news?page=', '/mn/news?page=9999'])
      expect([path, (await fetch(`${site.baseUrl}${path}`)).status]).toEqual([path, 404]);
  });

  test.each(pages)('%s carries the CSP and the fixed headers without the proxy', async (path) => {
    const response = await fetch(`${site.baseUrl}${path}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  test('a page the front forwards as https upgrades insecure subresources', async () => {
    const response = await fetch(`${site.baseUrl}/mn`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  test.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('%s of a page is 405', async (method) => {
    const response = await fetch(`${site.baseUrl}${pages[2]}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  test.each(['/mn/news/%ff', '/mn/news/%00'])('%s is 400', async (path) => {
    const response = await fetch(`${site.baseUrl}${path}`);
    expect(response.status).toBe(400);
  });

  // generateEtags: false (next.config.ts says why). A reader revalidating a page gets it again,
  // directly and through the front (nginx has no ETag of its own for a proxied page either).
  test.each(pages)(
    '%s carries no ETag and a revalidation gets the page, directly and through the front',
    async (path) => {
      for (const base of [site.baseUrl, frontUrl]) {
        const first = await fetch(`${base}${path}`);
        expect([base, first.status, first.headers.get('etag')]).toEqual([base, 200, null]);
        const again = await fetch(`${base}${path}`, { headers: { 'If-None-Match': '"an-old-etag"' } });
        expect([base, again.status]).toEqual([base, 200]);
        expect((await again.text()).length).toBeGreaterThan(1000);
      }
    },
  );
});
