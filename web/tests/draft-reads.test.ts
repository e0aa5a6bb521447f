import qs from 'qs';
import articleLookup from './fixtures/article-lookup.mn.json';

// Reads in draft mode (preview) and the preview entry's lookup, through the one
// thing they do to the outside world: the fetch call.

jest.mock('next/headers', () => ({ draftMode: jest.fn() }));

type FetchInit = RequestInit & { next?: { tags?: string[]; revalidate?: number } };

const PREVIEW_TOKEN = 'preview-token-0123456789abcdef';
const READ_TOKEN = 'read-token-0123456789abcdef';
const saved = { preview: process.env.STRAPI_PREVIEW_TOKEN, read: process.env.STRAPI_READ_TOKEN };
const realFetch = globalThis.fetch;
let fetchMock: jest.Mock<Promise<Response>, [string, FetchInit]>;

function answerWith(body: unknown, status = 200) {
  fetchMock.mockResolvedValue(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

function onlyRequest() {
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0]!;
  const parsed = new URL(url);
  return { path: parsed.pathname, query: qs.parse(parsed.search.slice(1), { depth: 10 }), init };
}

/** The site's data layer, loaded with the preview token configured and draft mode on or off. */
async function loadStrapi(draftModeOn: boolean) {
  let strapi: (typeof import('@/lib/strapi') & typeof import('@/lib/strapi/preview-path')) | undefined;
  await jest.isolateModulesAsync(async () => {
    const headers = await import('next/headers');
    (headers.draftMode as unknown as jest.Mock).mockResolvedValue({ isEnabled: draftModeOn });
    strapi = { ...(await import('@/lib/strapi')), ...(await import('@/lib/strapi/preview-path')) };
  });
  return strapi!;
}

beforeEach(() => {
  process.env.STRAPI_PREVIEW_TOKEN = PREVIEW_TOKEN;
  process.env.STRAPI_READ_TOKEN = READ_TOKEN;
  fetchMock = jest.fn();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

afterEach(() => {
  globalThis.fetch = realFetch;
  process.env.STRAPI_PREVIEW_TOKEN = saved.preview;
  process.env.STRAPI_READ_TOKEN = saved.read;
});

describe('in draft mode', () => {
  it('reads drafts with the preview token and caches nothing', async () => {
    answerWith(articleLookup);
    const strapi = await loadStrapi(true);

    await strapi.getArticleBySlug('mn', 'a-draft');

    const { query, init } = onlyRequest();
    expect(query).toMatchObject({ locale: 'mn', status: 'draft', filters: { slug: { $eq: 'a-draft' } } });
    expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);
    expect(init.cache).toBe('no-store');
    expect(init.next).toBeUndefined();
  });
});

describe('outside draft mode', () => {
  it('reads published versions with the read token, cached under their tags', async () => {
    answerWith(articleLookup);
    const strapi = await loadStrapi(false);

    await strapi.getArticleBySlug('mn', 'published-one');

    const { query, init } = onlyRequest();
    expect(query).not.toHaveProperty('status');
    expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
    expect(init.cache).toBe('force-cache');
    expect(init.next?.tags).toContain('article:mn:published-one');
  });
});

describe('getPreviewPath', () => {
  it('looks a draft up by documentId with the preview token and returns its page', async () => {
    answerWith({ data: { id: 7, documentId: 'doc1', slug: 'ноорог slug' } });
    const strapi = await loadStrapi(false);

    await expect(strapi.getPreviewPath('api::article.article', 'doc1', 'zh', 'draft')).resolves.toBe(
      `/zh/news/${encodeURIComponent('ноорог slug')}`,
    );
    const { path, query, init } = onlyRequest();
    expect(path).toBe('/api/articles/doc1');
    expect(query).toEqual({ locale: 'zh', fields: ['slug'], status: 'draft' });
    expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);
    expect(init.cache).toBe('no-store');
  });

  it('looks a published version up with the read token, uncached', async () => {
    answerWith({ data: { id: 3, documentId: 'cert1', slug: 'zhuanjingtexin' } });
    const strapi = await loadStrapi(false);

    await expect(strapi.getPreviewPath('api::certificate.certificate', 'cert1', 'mn', 'published')).resolves.toBe(
      '/mn/certificates/zhuanjingtexin',
    );
    const { path, query, init } = onlyRequest();
    expect(path).toBe('/api/certificates/cert1');
    expect(query).not.toHaveProperty('status');
    expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
    expect(init.cache).toBe('no-store');
  });

  it('is null for a version that does not exist (404) and for types without a page; the settings open the home page', async () => {
    answerWith({ data: null, error: { status: 404 } }, 404);
    const strapi = await loadStrapi(false);

    await expect(strapi.getPreviewPath('api::article.article', 'missing', 'mn', 'draft')).resolves.toBeNull();
    await expect(strapi.getPreviewPath('plugin::users-permissions.user', '1', 'mn', 'draft')).resolves.toBeNull();
    await expect(strapi.getPreviewPath('api::global.global', 'g', 'zh', 'draft')).resolves.toBe('/zh');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
