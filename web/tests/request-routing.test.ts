import { NOT_FOUND_SEGMENT, routeRequest } from '@/lib/request-routing'

const route = (url: string, acceptLanguage: string | null = null) => {
  const parsed = new URL(url, 'http://site.test')
  return routeRequest(parsed.pathname, parsed.searchParams, acceptLanguage)
}

describe('routeRequest', () => {
  it('rewrites the public news list to its internal route, page and category in the path', () => {
    expect(route('/mn/news')).toEqual({ kind: 'rewrite', pathname: '/mn/news/list/1', varyByLanguage: false })
    expect(route('/zh/news?page=2')).toEqual({ kind: 'rewrite', pathname: '/zh/news/list/2', varyByLanguage: false })
    expect(route('/mn/news?category=medee&page=3')).toEqual({
      kind: 'rewrite',
      pathname: '/mn/news/list/3/medee',
      varyByLanguage: false,
    })
  })

  it('ignores query parameters the list does not use (tracking, Next’s own _rsc)', () => {
    expect(route('/mn/news?utm_source=feed&_rsc=abc')).toEqual({
      kind: 'rewrite',
      pathname: '/mn/news/list/1',
      varyByLanguage: false,
    })
  })

  it.each(['page=abc', 'page=0', 'page=02', 'page=-1', 'page=1&page=2', 'category=', 'category=a&category=b', 'page=10001'])(
    'answers ?%s with the localized 404 page',
    (query) => {
      expect(route(`/zh/news?${query}`)).toEqual({
        kind: 'rewrite',
        pathname: `/zh/${NOT_FOUND_SEGMENT}`,
        varyByLanguage: false,
      })
    },
  )

  it('sends unknown languages to the 404 page in the visitor’s language, varying by Accept-Language', () => {
    expect(route('/xx', 'zh-CN,zh;q=0.9')).toEqual({ kind: 'rewrite', pathname: `/zh/${NOT_FOUND_SEGMENT}`, varyByLanguage: true })
    expect(route('/en/search?q=1', 'en-US')).toEqual({
      kind: 'rewrite',
      pathname: `/mn/${NOT_FOUND_SEGMENT}`,
      varyByLanguage: true,
    })
  })

  it.each(['/', '/mn', '/zh/news/some-slug', '/mn/news/list/2', '/mn/search?q=x', '/zh/feed.xml', '/api/revalidate', '/sitemap.xml', '/robots.txt'])(
    'leaves %s to the router',
    (url) => {
      expect(route(url)).toEqual({ kind: 'continue' })
    },
  )
})
