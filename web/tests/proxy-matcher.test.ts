import { locales } from '@medee/contract';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { LIST_ROUTING_HEADER } from '@/lib/request-routing';
import { config } from '@/proxy';

// proxy.ts runs only where it has something to do: every run costs Next.js about as much CPU as
// serving a cached page (issue 15). Pages readers load most are served without it.

const runs = (url: string, headers = {}) => unstable_doesMiddlewareMatch({ config, url, headers });

describe('proxy.ts matcher', () => {
  test.each(
    locales.flatMap((locale) => [
      `/${locale}`,
      `/${locale}/news`,
      `/${locale}/news?page=2`,
      `/${locale}/news/some-article`,
      `/${locale}/news/list/2`,
      `/${locale}/certificates`,
      `/${locale}/certificates/some-certificate`,
      `/${locale}/search?q=x`,
      `/${locale}/feed.xml`,
    ]),
  )('%s is served without the proxy', (url) => {
    expect(runs(url)).toBe(false);
  });

  test.each([
    '/',
    '/api/revalidate',
    '/_next/static/chunks/app.js',
    '/robots.txt',
    '/sitemap.xml',
    '/sitemaps/mn/1.xml',
  ])('%s (a route or file of its own) is served without the proxy', (url) => {
    expect(runs(url)).toBe(false);
  });

  test.each(locales.flatMap((locale) => [`/${locale}/news?category=x`, `/${locale}/news?page=0`]))(
    'the news list %s, marked by the request screen, goes through the proxy',
    (url) => {
      expect(runs(url, { [LIST_ROUTING_HEADER]: '1' })).toBe(true);
    },
  );

  test.each([
    '/xx',
    '/xx/news',
    '/MN',
    '/mnx',
    '/mn.txt',
    '/a1b2c3d4e5f6a7b8.txt',
    '/news/show-123.html',
    '/sitemap.xml.bak',
  ])('%s (not a language) goes through the proxy (its 404, a redirect or the IndexNow key)', (url) => {
    expect(runs(url)).toBe(true);
  });

  test.each(['/mn/news/some-article?preview=abc', '/zh?preview=abc', '/mn/certificates/x?utm=1&preview=abc'])(
    'the preview page %s goes through the proxy',
    (url) => {
      expect(runs(url)).toBe(true);
    },
  );

  test('the image optimizer goes through the proxy (its source check)', () => {
    expect(runs('/_next/image?url=%2Fuploads%2Fx.png&w=64&q=75')).toBe(true);
  });
});
