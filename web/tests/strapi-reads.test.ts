import qs from 'qs'
import { env } from '@/lib/env'
import {
  ARTICLES_PAGE_SIZE,
  CmsError,
  CmsUnavailableError,
  getArticleBySlug,
  getCategories,
  getCertificateBySlug,
  getCertificates,
  getGlobal,
  getLatestArticles,
  getPublishedArticlesPage,
} from '@/lib/strapi'
import articleLookup from './fixtures/article-lookup.mn.json'
import articlesPage from './fixtures/articles-page.mn.json'
import categories from './fixtures/categories.mn.json'
import certificateLookup from './fixtures/certificate-lookup.zh.json'
import globalFixture from './fixtures/global.zh.json'

// The data functions are tested through the one thing they do to the outside
// world: the fetch call. Each test answers it with a realistic fixture and
// checks the URL (path + Strapi query), the cache options and the result.

type FetchInit = RequestInit & { next?: { tags?: string[]; revalidate?: number } }

const emptyList = { data: [], meta: { pagination: { page: 1, pageSize: 10, pageCount: 0, total: 0 } } }

const realFetch = globalThis.fetch
let fetchMock: jest.Mock<Promise<Response>, [string, FetchInit]>

function answerWith(body: unknown, status = 200) {
  fetchMock.mockResolvedValue(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  )
}

/** The single request made so far, with its query parsed back into Strapi's nested shape. */
function onlyRequest() {
  expect(fetchMock).toHaveBeenCalledTimes(1)
  const [url, init] = fetchMock.mock.calls[0]!
  const parsed = new URL(url)
  return {
    origin: parsed.origin,
    path: parsed.pathname,
    rawQuery: decodeURIComponent(parsed.search.slice(1)),
    query: qs.parse(parsed.search.slice(1), { depth: 10 }),
    init,
  }
}

beforeEach(() => {
  fetchMock = jest.fn()
  globalThis.fetch = fetchMock as unknown as typeof fetch
})

afterEach(() => {
  globalThis.fetch = realFetch
})

describe('getPublishedArticlesPage', () => {
  it('asks for one page of the locale, newest first, with the list fields and relations', async () => {
    answerWith(articlesPage)

    const page = await getPublishedArticlesPage('mn', 2)

    const request = onlyRequest()
    expect(request.origin).toBe(env.STRAPI_URL)
    expect(request.path).toBe('/api/articles')
    expect(request.rawQuery).toContain('locale=mn')
    expect(request.rawQuery).not.toContain('filters[locale]')
    expect(request.query).toEqual({
      locale: 'mn',
      sort: ['postedAt:desc', 'id:desc'],
      fields: ['title', 'slug', 'summary', 'postedAt', 'locale'],
      populate: {
        category: { fields: ['name', 'slug'] },
        cover: { fields: ['url', 'alternativeText', 'width', 'height'] },
      },
      pagination: { page: '2', pageSize: String(ARTICLES_PAGE_SIZE) },
    })
    expect(page.items).toHaveLength(2)
    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 12 })
  })

  it('filters by category slug through the relation when a category is given', async () => {
    answerWith(emptyList)

    await getPublishedArticlesPage('zh', 1, 'xinwen')

    const request = onlyRequest()
    expect(request.rawQuery).toContain('filters[category][slug][$eq]=xinwen')
    expect(request.query).toMatchObject({ locale: 'zh', pagination: { page: '1', pageSize: '10' } })
  })

  it('caches the read under the locale’s article and category tags, with the time-based safety net', async () => {
    answerWith(emptyList)

    await getPublishedArticlesPage('zh', 1)

    const { init } = onlyRequest()
    expect(init.next).toEqual({ tags: ['articles:zh', 'categories:zh'], revalidate: 300 })
    expect(init.cache).toBe('force-cache')
    expect(new Headers(init.headers).get('Authorization')).toBeNull()
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses page %p without asking the CMS', async (page) => {
    await expect(getPublishedArticlesPage('mn', page)).rejects.toThrow(RangeError)
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('getLatestArticles', () => {
  it('asks for the first `limit` articles of the locale', async () => {
    answerWith(articlesPage)

    const articles = await getLatestArticles('mn', 5)

    const request = onlyRequest()
    expect(request.query).toMatchObject({ locale: 'mn', pagination: { page: '1', pageSize: '5' } })
    expect(request.query).not.toHaveProperty('filters')
    expect(articles.map((article) => article.slug)).toEqual([
      'shine-uildveriin-bair',
      'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee',
    ])
  })
})

describe('getArticleBySlug', () => {
  const slug = 'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee'

  it('looks the slug up in the locale, with everything the article page shows', async () => {
    answerWith(articleLookup)

    const article = await getArticleBySlug('mn', slug)

    const request = onlyRequest()
    expect(request.path).toBe('/api/articles')
    expect(request.rawQuery).toContain(`filters[slug][$eq]=${slug}`)
    expect(request.query).toMatchObject({
      locale: 'mn',
      populate: {
        category: { fields: ['name', 'slug'] },
        certificates: { fields: ['name', 'slug', 'issuer', 'issuedOn', 'level', 'locale'] },
        seo: 'true',
        localizations: { fields: ['locale', 'slug'] },
      },
    })
    expect(request.init.next?.tags).toEqual([`article:mn:${slug}`, 'certificates:mn', 'categories:mn'])
    expect(article?.title).toBe('Мэргэшсэн, тусгай, шинэ бүтээгдэхүүний технологийн гэрчилгээ')
  })

  it('returns null when no published article has the slug', async () => {
    answerWith(emptyList)
    await expect(getArticleBySlug('mn', 'nope')).resolves.toBeNull()
  })

  it('encodes a hostile slug as a value instead of letting it add query parameters', async () => {
    answerWith(emptyList)

    await getArticleBySlug('mn', 'x&locale=zh')

    const { query } = onlyRequest()
    expect(query.locale).toBe('mn')
    expect(query.filters).toEqual({ slug: { $eq: 'x&locale=zh' } })
  })
})

describe('certificates, categories and site settings', () => {
  it('getCertificates asks for the whole collection of the locale, most recently issued first', async () => {
    answerWith({ ...emptyList, data: [] })

    await getCertificates('zh')

    const request = onlyRequest()
    expect(request.path).toBe('/api/certificates')
    expect(request.query).toMatchObject({
      locale: 'zh',
      sort: ['issuedOn:desc', 'id:desc'],
      pagination: { page: '1', pageSize: '100' },
    })
    expect(request.init.next?.tags).toEqual(['certificates:zh'])
  })

  it('getCertificateBySlug populates the scan, the linked articles and the translations', async () => {
    answerWith(certificateLookup)

    const certificate = await getCertificateBySlug('zh', 'qingdao-zhuan-jing-te-xin')

    const request = onlyRequest()
    expect(request.rawQuery).toContain('filters[slug][$eq]=qingdao-zhuan-jing-te-xin')
    expect(request.query).toMatchObject({
      locale: 'zh',
      populate: {
        scan: { fields: ['url', 'alternativeText', 'width', 'height'] },
        articles: { fields: ['title', 'slug', 'postedAt'] },
        localizations: { fields: ['locale', 'slug'] },
      },
    })
    expect(request.init.next?.tags).toEqual(['certificate:zh:qingdao-zhuan-jing-te-xin', 'articles:zh'])
    expect(certificate?.articles).toHaveLength(2)
  })

  it('getCategories asks for the locale’s categories by name', async () => {
    answerWith(categories)

    await expect(getCategories('mn')).resolves.toEqual([
      { name: 'мэдээ', slug: 'medee' },
      { name: 'үйл явдал', slug: 'uil-yavdal' },
    ])
    const request = onlyRequest()
    expect(request.path).toBe('/api/categories')
    expect(request.query).toMatchObject({ locale: 'mn', sort: ['name:asc'], fields: ['name', 'slug'] })
    expect(request.init.next?.tags).toEqual(['categories:mn'])
  })

  it('getGlobal reads the single type in the locale with its SEO component', async () => {
    answerWith(globalFixture)

    const settings = await getGlobal('zh')

    const request = onlyRequest()
    expect(request.path).toBe('/api/global')
    expect(request.query).toEqual({ locale: 'zh', populate: { seo: 'true' } })
    expect(request.init.next?.tags).toEqual(['global:zh'])
    expect(settings?.companyName).toBe('青岛某某科技有限公司')
  })

  it('getGlobal returns null while no settings are published (Strapi answers 404)', async () => {
    answerWith({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }, 404)
    await expect(getGlobal('mn')).resolves.toBeNull()
  })
})

describe('when the CMS misbehaves', () => {
  it('reports an unreachable CMS as CmsUnavailableError with the path', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'))

    const error = await getCategories('mn').catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(CmsUnavailableError)
    expect(error).toMatchObject({ path: '/api/categories', status: undefined })
    expect((error as Error).cause).toBeInstanceOf(TypeError)
  })

  it('reports a 5xx as CmsUnavailableError with the status', async () => {
    answerWith({ error: { status: 503 } }, 503)
    await expect(getCertificates('mn')).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      path: '/api/certificates',
      status: 503,
    })
  })

  it('reports a refused request (e.g. a bad token) as a CmsError that is not "unavailable"', async () => {
    answerWith({ error: { status: 403, name: 'ForbiddenError' } }, 403)

    const error = await getLatestArticles('mn', 5).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(CmsError)
    expect(error).not.toBeInstanceOf(CmsUnavailableError)
    expect((error as CmsError).status).toBe(403)
    expect((error as Error).message).toContain('GET /api/articles, HTTP 403')
  })

  it('reports a response of the wrong shape as CmsContentError naming the field', async () => {
    answerWith({ data: [{ ...articlesPage.data[0], postedAt: 'yesterday' }], meta: articlesPage.meta })
    await expect(getLatestArticles('mn', 5)).rejects.toThrow(/article list from the CMS: data\.0\.postedAt/)
  })
})

describe('with a read token configured', () => {
  const savedToken = process.env.STRAPI_READ_TOKEN

  afterEach(() => {
    process.env.STRAPI_READ_TOKEN = savedToken
  })

  it('sends it as a bearer token', async () => {
    process.env.STRAPI_READ_TOKEN = 'read-only-token-123'
    answerWith(categories)

    await jest.isolateModulesAsync(async () => {
      const strapi = await import('@/lib/strapi')
      await strapi.getCategories('mn')
    })

    const { init } = onlyRequest()
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer read-only-token-123')
  })
})
