import qs from 'qs';
import { env } from '@/lib/env';
import {
  ARTICLES_PAGE_SIZE,
  FEED_SIZE,
  getAdjacentArticles,
  getFeedArticles,
  getSitemapBatch,
  getSitemapEnds,
  getSitemapSummary,
  searchPublishedArticles,
  CmsError,
  CmsUnavailableError,
  getArticleBySlug,
  getCategories,
  getCertificateBySlug,
  getCertificates,
  getGlobal,
  getLatestArticles,
  getPublishedArticlesPage,
} from '@/lib/strapi';
import articleLookup from './fixtures/article-lookup.mn.json';
import articlesPage from './fixtures/articles-page.mn.json';
import categories from './fixtures/categories.mn.json';
import certificateLookup from './fixtures/certificate-lookup.zh.json';
import globalFixture from './fixtures/global.zh.json';

// The data functions are tested through the one thing they do to the outside
// world: the fetch call. Each test answers it with a realistic fixture and
// checks the URL (path + Strapi query), the cache options and the result.

type FetchInit = RequestInit & { next?: { tags?: string[]; revalidate?: number } };

const emptyList = { data: [], meta: { pagination: { page: 1, pageSize: 10, pageCount: 0, total: 0 } } };

const realFetch = globalThis.fetch;
let fetchMock: jest.Mock<Promise<Response>, [string, FetchInit]>;

function answerWith(body: unknown, status = 200) {
  fetchMock.mockResolvedValue(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

/** The single request made so far, with its query parsed back into Strapi's nested shape. */
function onlyRequest() {
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0]!;
  const parsed = new URL(url);
  return {
    origin: parsed.origin,
    path: parsed.pathname,
    rawQuery: decodeURIComponent(parsed.search.slice(1)),
    query: qs.parse(parsed.search.slice(1), { depth: 10 }),
    init,
  };
}

beforeEach(() => {
  fetchMock = jest.fn();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('getPublishedArticlesPage', () => {
  it('asks for one page of the locale, newest first, with the list fields and relations', async () => {
    answerWith(articlesPage);

    const page = await getPublishedArticlesPage('mn', 2);

    const request = onlyRequest();
    expect(request.origin).toBe(env.STRAPI_URL);
    expect(request.path).toBe('/api/articles');
    expect(request.rawQuery).toContain('locale=mn');
    expect(request.rawQuery).not.toContain('filters[locale]');
    expect(request.query).toEqual({
      locale: 'mn',
      sort: ['postedAt:desc', 'documentId:desc'],
      fields: ['title', 'slug', 'summary', 'postedAt', 'updatedAt', 'locale', 'coverAlt'],
      populate: {
        category: { fields: ['name', 'slug'] },
        cover: { fields: ['url', 'alternativeText', 'caption', 'width', 'height'] },
      },
      pagination: { page: '2', pageSize: String(ARTICLES_PAGE_SIZE) },
    });
    expect(page.items).toHaveLength(2);
    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 12 });
  });

  it('filters by category slug through the relation when a category is given', async () => {
    answerWith(emptyList);

    await getPublishedArticlesPage('zh', 1, 'xinwen');

    const request = onlyRequest();
    expect(request.rawQuery).toContain('filters[category][slug][$eq]=xinwen');
    expect(request.query).toMatchObject({ locale: 'zh', pagination: { page: '1', pageSize: '10' } });
  });

  it('caches the read under the locale’s article and category tags, with the time-based safety net', async () => {
    answerWith(emptyList);

    await getPublishedArticlesPage('zh', 1);

    const { init } = onlyRequest();
    expect(init.next).toEqual({ tags: ['articles:zh', 'categories:zh'], revalidate: 300 });
    expect(init.cache).toBe('force-cache');
    expect(new Headers(init.headers).get('Authorization')).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses page %p without asking the CMS', async (page) => {
    await expect(getPublishedArticlesPage('mn', page)).rejects.toThrow(RangeError);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('getLatestArticles', () => {
  it('asks for the first `limit` articles of the locale', async () => {
    answerWith(articlesPage);

    const articles = await getLatestArticles('mn', 5);

    const request = onlyRequest();
    expect(request.query).toMatchObject({ locale: 'mn', pagination: { page: '1', pageSize: '5' } });
    expect(request.query).not.toHaveProperty('filters');
    expect(articles.map((article) => article.slug)).toEqual([
      'shine-uildveriin-bair',
      'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee',
    ]);
  });
});

describe('getArticleBySlug', () => {
  const slug = 'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee';

  it('looks the slug up in the locale, with everything the article page shows', async () => {
    answerWith(articleLookup);

    const article = await getArticleBySlug('mn', slug);

    const request = onlyRequest();
    expect(request.path).toBe('/api/articles');
    expect(request.rawQuery).toContain(`filters[slug][$eq]=${slug}`);
    expect(request.query).toMatchObject({
      locale: 'mn',
      populate: {
        category: { fields: ['name', 'slug'] },
        certificates: { fields: ['name', 'slug', 'issuer', 'issuedOn', 'level', 'locale'] },
        seo: 'true',
        localizations: { fields: ['locale', 'slug'] },
      },
    });
    expect(request.init.next?.tags).toEqual([`article:mn:${slug}`, 'certificates:mn', 'categories:mn']);
    expect(article?.title).toBe('Мэргэшсэн, тусгай, шинэ бүтээгдэхүүний технологийн гэрчилгээ');
  });

  it('returns null when no published article has the slug', async () => {
    answerWith(emptyList);
    await expect(getArticleBySlug('mn', 'nope')).resolves.toBeNull();
  });

  it('encodes a hostile slug as a value instead of letting it add query parameters', async () => {
    answerWith(emptyList);

    await getArticleBySlug('mn', 'x&locale=zh');

    const { query } = onlyRequest();
    expect(query.locale).toBe('mn');
    expect(query.filters).toEqual({ slug: { $eq: 'x&locale=zh' } });
  });
});

describe('certificates, categories and site settings', () => {
  it('getCertificates asks for the whole collection of the locale, most recently issued first', async () => {
    answerWith({ ...emptyList, data: [] });

    await getCertificates('zh');

    const request = onlyRequest();
    expect(request.path).toBe('/api/certificates');
    expect(request.query).toMatchObject({
      locale: 'zh',
      sort: ['issuedOn:desc', 'id:desc'],
      pagination: { page: '1', pageSize: '100' },
    });
    expect(request.init.next?.tags).toEqual(['certificates:zh']);
  });

  it('getCertificateBySlug populates the scan, the linked articles and the translations', async () => {
    answerWith(certificateLookup);

    const certificate = await getCertificateBySlug('zh', 'qingdao-zhuan-jing-te-xin');

    const request = onlyRequest();
    expect(request.rawQuery).toContain('filters[slug][$eq]=qingdao-zhuan-jing-te-xin');
    expect(request.query).toMatchObject({
      locale: 'zh',
      populate: {
        scan: { fields: ['url', 'alternativeText', 'caption', 'width', 'height'] },
        articles: { fields: ['title', 'slug', 'postedAt'] },
        localizations: { fields: ['locale', 'slug'] },
      },
    });
    expect(request.init.next?.tags).toEqual(['certificate:zh:qingdao-zhuan-jing-te-xin', 'articles:zh']);
    expect(certificate?.articles).toHaveLength(2);
  });

  it('getCategories asks for the locale’s categories by name, with their article counts and translations', async () => {
    answerWith(categories);

    await expect(getCategories('mn')).resolves.toEqual([
      {
        documentId: 'c1a2t3e4g5o6r7y8m9e0d1e2',
        name: 'мэдээ',
        slug: 'medee',
        articleCount: 11,
        translations: [{ locale: 'zh', slug: 'xinwen' }],
      },
      {
        documentId: 'c9a8t7e6g5o4r3y2z1x0w9v8',
        name: 'үйл явдал',
        slug: 'uil-yavdal',
        articleCount: 0,
        translations: [],
      },
    ]);
    const request = onlyRequest();
    expect(request.path).toBe('/api/categories');
    expect(request.query).toMatchObject({
      locale: 'mn',
      sort: ['name:asc'],
      fields: ['name', 'slug', 'locale'],
      populate: { localizations: { fields: ['locale', 'slug'] }, articles: { count: 'true' } },
    });
    // The counts change when articles are published, so the articles tag revalidates them too.
    expect(request.init.next?.tags).toEqual(['categories:mn', 'articles:mn']);
  });

  it('getGlobal reads the single type in the locale with its SEO component', async () => {
    answerWith(globalFixture);

    const settings = await getGlobal('zh');

    const request = onlyRequest();
    expect(request.path).toBe('/api/global');
    expect(request.query).toEqual({ locale: 'zh', populate: { seo: 'true' } });
    expect(request.init.next?.tags).toEqual(['global:zh']);
    expect(settings?.companyName).toBe('青岛某某科技有限公司');
  });

  it('getGlobal returns null while no settings are published (Strapi answers 404)', async () => {
    answerWith({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }, 404);
    await expect(getGlobal('mn')).resolves.toBeNull();
  });
});

describe('reads added for the reader site', () => {
  it('searchPublishedArticles asks the CMS search for one page and keeps where each result matched', async () => {
    const highlight = { title: [[0, 9]], snippet: { text: 'Товч', ranges: [], cutStart: false, cutEnd: true } };
    answerWith({
      data: articlesPage.data.map((article) => ({ ...article, highlight })),
      meta: { ...articlesPage.meta, totalCapped: true },
    });

    const results = await searchPublishedArticles('mn', 'мэргэшсэн', 1);

    const request = onlyRequest();
    expect(request.path).toBe('/api/articles/search');
    expect(request.query).toEqual({ locale: 'mn', q: 'мэргэшсэн', page: '1' });
    expect(request.init.next?.tags).toEqual(['articles:mn', 'categories:mn']);
    expect(results.items).toHaveLength(2);
    expect(results.items[0]!.highlight).toEqual(highlight);
    expect(results.totalCapped).toBe(true);
  });

  it('searchPublishedArticles sends CJK text once and as a value, never as query syntax', async () => {
    answerWith({ ...emptyList, meta: { ...emptyList.meta, totalCapped: false } });

    await searchPublishedArticles('zh', '证书&1=2', 2);

    const { query } = onlyRequest();
    expect(query).toEqual({ locale: 'zh', q: '证书&1=2', page: '2' });
  });

  it("getAdjacentArticles asks the CMS once for both neighbours of the position, cached under the locale's articles", async () => {
    answerWith({
      data: {
        older: { title: 'Өмнөх', slug: 'omnokh', postedAt: '2021-12-10' },
        newer: { title: 'Дараагийн', slug: 'daraagiin', postedAt: '2022-06-15' },
      },
    });

    const adjacent = await getAdjacentArticles('mn', 'doc-b', '2022-01-29');

    expect(adjacent).toEqual({
      older: { title: 'Өмнөх', slug: 'omnokh', postedAt: '2021-12-10' },
      newer: { title: 'Дараагийн', slug: 'daraagiin', postedAt: '2022-06-15' },
    });
    const { path, query, init } = onlyRequest();
    expect(path).toBe('/api/articles/adjacent');
    expect(query).toEqual({ locale: 'mn', postedAt: '2022-01-29', documentId: 'doc-b' });
    expect(init.next).toMatchObject({ tags: ['articles:mn'] });
  });

  it('the article and certificate pages read their entry without a count', async () => {
    const noCount = { data: [], meta: { pagination: { page: 1, pageSize: 1 } } };
    fetchMock.mockImplementation(async () => new Response(JSON.stringify(noCount)));

    await expect(getArticleBySlug('mn', 'some-article')).resolves.toBeNull();
    await expect(getCertificateBySlug('zh', 'some-certificate')).resolves.toBeNull();

    for (const [url] of fetchMock.mock.calls) {
      expect(qs.parse(new URL(url).search.slice(1), { depth: 10 }).pagination).toMatchObject({ withCount: 'false' });
    }
  });

  it('getAdjacentArticles gives null at either end of the list', async () => {
    answerWith({ data: { older: null, newer: null } });
    await expect(getAdjacentArticles('zh', 'doc', '2019-04-11')).resolves.toEqual({ older: null, newer: null });
  });

  it('getAdjacentArticles reports an answer of the wrong shape instead of showing no links', async () => {
    answerWith({ data: [{ title: 'Өмнөх', slug: 'omnokh', postedAt: '2021-12-10' }] });
    await expect(getAdjacentArticles('mn', 'doc', '2019-04-11')).rejects.toThrow(
      /adjacent articles from the CMS: data/,
    );
  });

  it('getSitemapBatch reads one keyset range, uncached (the sitemap caches what it renders)', async () => {
    answerWith({
      data: [
        {
          documentId: 'd2',
          slug: 'zhuan-jing-te-xin-chan-pin-ji-shu-zheng-shu',
          updatedAt: '2024-05-02T08:12:44.511Z',
          translations: [{ locale: 'mn', slug: 'mergeshsen' }],
        },
      ],
      meta: { next: null },
    });

    const batch = await getSitemapBatch('articles', 'zh', { after: 'd1', through: 'd9' }, 1000);

    const request = onlyRequest();
    expect(request.path).toBe('/api/sitemap/documents');
    expect(request.query).toEqual({ type: 'articles', locale: 'zh', after: 'd1', through: 'd9', limit: '1000' });
    expect(request.init.cache).toBe('no-store');
    expect(batch).toEqual({
      documents: [
        {
          documentId: 'd2',
          slug: 'zhuan-jing-te-xin-chan-pin-ji-shu-zheng-shu',
          updatedAt: '2024-05-02T08:12:44.511Z',
          translations: [{ locale: 'mn', slug: 'mergeshsen' }],
        },
      ],
      next: null,
    });
  });

  it('getSitemapSummary reads the counts the index is built from, uncached', async () => {
    answerWith({ data: { locales: {} } });
    await expect(getSitemapSummary()).resolves.toEqual({ locales: {} });
    const request = onlyRequest();
    expect(request.path).toBe('/api/sitemap');
    expect(request.query).toEqual({});
    expect(request.init.cache).toBe('no-store');
  });

  it('getSitemapEnds reads the batch ends of one locale and kind, uncached', async () => {
    answerWith({ data: ['d1000', 'd2000'] });
    await expect(getSitemapEnds('certificates', 'mn', 1000)).resolves.toEqual(['d1000', 'd2000']);
    const request = onlyRequest();
    expect(request.path).toBe('/api/sitemap/ends');
    expect(request.query).toEqual({ type: 'certificates', locale: 'mn', every: '1000' });
    expect(request.init.cache).toBe('no-store');
  });

  it('getFeedArticles reads the newest FEED_SIZE articles under the feed tag', async () => {
    answerWith(articlesPage);
    await getFeedArticles('zh');
    const request = onlyRequest();
    expect(request.query).toMatchObject({ locale: 'zh', pagination: { page: '1', pageSize: String(FEED_SIZE) } });
    expect(request.init.next?.tags).toEqual(['feed:zh', 'articles:zh', 'categories:zh']);
  });
});

describe('when the CMS misbehaves', () => {
  it('reports an unreachable CMS as CmsUnavailableError with the path', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));

    const error = await getCategories('mn').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CmsUnavailableError);
    expect(error).toMatchObject({ path: '/api/categories', status: undefined });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('reports a 5xx as CmsUnavailableError with the status', async () => {
    answerWith({ error: { status: 503 } }, 503);
    await expect(getCertificates('mn')).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      path: '/api/certificates',
      status: 503,
    });
  });

  it('reports a refused request (e.g. a bad token) as a CmsError that is not "unavailable"', async () => {
    answerWith({ error: { status: 403, name: 'ForbiddenError' } }, 403);

    const error = await getLatestArticles('mn', 5).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CmsError);
    expect(error).not.toBeInstanceOf(CmsUnavailableError);
    expect((error as CmsError).status).toBe(403);
    expect((error as Error).message).toContain('GET /api/articles, HTTP 403');
  });

  it('reports a response of the wrong shape as CmsContentError naming the field', async () => {
    answerWith({ data: [{ ...articlesPage.data[0], postedAt: 'yesterday' }], meta: articlesPage.meta });
    await expect(getLatestArticles('mn', 5)).rejects.toThrow(/article list from the CMS: data\.0\.postedAt/);
  });
});

describe('with a read token configured', () => {
  const savedToken = process.env.STRAPI_READ_TOKEN;

  afterEach(() => {
    process.env.STRAPI_READ_TOKEN = savedToken;
  });

  it('sends it as a bearer token', async () => {
    process.env.STRAPI_READ_TOKEN = 'read-only-token-123';
    answerWith(categories);

    await jest.isolateModulesAsync(async () => {
      const strapi = await import('@/lib/strapi');
      await strapi.getCategories('mn');
    });

    const { init } = onlyRequest();
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer read-only-token-123');
  });
});
