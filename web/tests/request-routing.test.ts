import { getRewrittenUrl, unstable_getResponseFromNextConfig } from 'next/experimental/testing/server';
import { INDEXNOW_KEY_ROUTE, NOT_FOUND_SEGMENT, needsListRouting, routeRequest } from '@/lib/request-routing';
import nextConfig from '../next.config';

const route = (url: string) => {
  const parsed = new URL(url, 'http://site.test');
  return routeRequest(parsed.pathname, parsed.searchParams);
};

describe('routeRequest', () => {
  it('serves the IndexNow key file at /<key>.txt, and only while a key is set', () => {
    const key = 'a1b2c3d4e5f6a7b8';
    expect(routeRequest(`/${key}.txt`, new URLSearchParams(), key)).toEqual({
      kind: 'rewrite',
      pathname: INDEXNOW_KEY_ROUTE,
    });
    expect(routeRequest('/other-key1.txt', new URLSearchParams(), key)).toEqual(route('/other-key1.txt'));
    expect(route(`/${key}.txt`)).toEqual({ kind: 'rewrite', pathname: `/mn/${NOT_FOUND_SEGMENT}/${key}.txt` });
  });

  it('rewrites the public news list to its internal route, page and category in the path', () => {
    expect(route('/mn/news')).toEqual({ kind: 'rewrite', pathname: '/mn/news/list/1' });
    expect(route('/zh/news?page=2')).toEqual({ kind: 'rewrite', pathname: '/zh/news/list/2' });
    expect(route('/mn/news?category=medee&page=3')).toEqual({
      kind: 'rewrite',
      pathname: '/mn/news/list/3/medee',
    });
  });

  it('ignores query parameters the list does not use (tracking, Next’s own _rsc)', () => {
    expect(route('/mn/news?utm_source=feed&_rsc=abc')).toEqual({
      kind: 'rewrite',
      pathname: '/mn/news/list/1',
    });
  });

  it.each([
    'page=abc',
    'page=0',
    'page=02',
    'page=-1',
    'page=1&page=2',
    'category=',
    'category=a&category=b',
    'page=10001',
    `category=${'a'.repeat(201)}`,
    'category=%00',
  ])('answers ?%s with the localized 404 page', (query) => {
    expect(route(`/zh/news?${query}`)).toEqual({
      kind: 'rewrite',
      pathname: `/zh/${NOT_FOUND_SEGMENT}`,
    });
  });

  it('sends unknown languages to the 404 page of the default language', () => {
    expect(route('/xx')).toEqual({ kind: 'rewrite', pathname: `/mn/${NOT_FOUND_SEGMENT}/xx` });
    expect(route('/en/search?q=1')).toEqual({ kind: 'rewrite', pathname: `/mn/${NOT_FOUND_SEGMENT}/en/search` });
    expect(route('/ZH/news')).toEqual({ kind: 'rewrite', pathname: `/mn/${NOT_FOUND_SEGMENT}/ZH/news` });
    // The catch-all looks the old address up among the redirects.
    expect(route('/news/show-123.html')).toEqual({
      kind: 'rewrite',
      pathname: `/mn/${NOT_FOUND_SEGMENT}/news/show-123.html`,
    });
  });

  it.each([
    '/',
    '/mn',
    '/zh/news/some-slug',
    '/mn/news/list/2',
    '/mn/search?q=x',
    '/zh/feed.xml',
    '/api/revalidate',
    '/sitemap.xml',
    '/sitemaps/2.xml',
    '/robots.txt',
    '/icon.svg',
  ])('leaves %s to the router', (url) => {
    expect(route(url)).toEqual({ kind: 'continue' });
  });
});

describe('the news list without the proxy (needsListRouting, next.config.ts rewrites)', () => {
  const queries = [
    '',
    '?page=1',
    '?page=2',
    '?page=10000',
    '?page=10001',
    '?page=99999999999',
    '?page=02',
    '?page=0',
    '?page=-1',
    '?page=abc',
    '?page=1e9',
    '?page=',
    '?page=1&page=2',
    '?page=abc&page=2',
    '?category=x',
    '?category=',
    '?page=2&category=x',
    '?utm_source=feed&_rsc=abc',
    '?page=3&utm_source=feed',
  ];

  test.each(queries)('/mn/news%s goes where the proxy would send it', async (query) => {
    const url = new URL(`/mn/news${query}`, 'http://site.test');
    const expected = routeRequest(url.pathname, url.searchParams);
    if (needsListRouting(url.pathname, url.searchParams)) {
      // proxy.ts routes it: a category, or a page that is a 404.
      expect(
        url.searchParams.has('category') ||
          (expected.kind === 'rewrite' && expected.pathname.includes(NOT_FOUND_SEGMENT)),
      ).toBe(true);
      return;
    }
    expect(expected.kind).toBe('rewrite');
    const target = expected.kind === 'rewrite' ? expected.pathname : '';
    const page = url.searchParams.get('page');
    if (page === null) {
      const response = await unstable_getResponseFromNextConfig({ url: url.href, nextConfig });
      expect(getRewrittenUrl(response)).toBe(`http://site.test${target}${url.search}`);
    } else {
      // Next's config test helper drops what a `has` captures, which the server substitutes: check
      // the capture and the destination it fills instead.
      const rewrites = await nextConfig.rewrites!();
      const withPage = (Array.isArray(rewrites) ? [] : (rewrites.beforeFiles ?? [])).find((each) => each.has)!;
      const match = new RegExp(`^${withPage.has![0]!.value}$`).exec(page);
      expect(withPage.destination.replace(':locale', 'mn').replace(':page', match?.groups?.page ?? '')).toBe(target);
    }
  });

  test.each(['/mn/news/x', '/mn', '/mn/news/list/2', '/news'])('%s is no news list', (path) => {
    expect(needsListRouting(path, new URLSearchParams('page=0'))).toBe(false);
  });
});
