import qs from 'qs';
import { signPreviewSession } from '@/lib/preview/token';
import articleLookup from './fixtures/article-lookup.mn.json';
import categories from './fixtures/categories.mn.json';
import globalSettings from './fixtures/global.zh.json';

// Reads in a preview session and the preview entry's lookup, through the one thing they do to
// the outside world: the fetch call. A session (lib/preview/session.ts) is draft mode plus a
// signed scope cookie; only the document it names is read as a draft.

jest.mock('next/headers', () => ({ draftMode: jest.fn(), cookies: jest.fn() }));

type FetchInit = RequestInit & { next?: { tags?: string[]; revalidate?: number } };

const PREVIEW_TOKEN = 'preview-token-0123456789abcdef';
const READ_TOKEN = 'read-token-0123456789abcdef';
const PREVIEW_SECRET = 'preview-secret-0123456789abcdef';
const ARTICLE = 'api::article.article';
const previewed = articleLookup.data[0]!;
const saved = {
  preview: process.env.STRAPI_PREVIEW_TOKEN,
  read: process.env.STRAPI_READ_TOKEN,
  secret: process.env.PREVIEW_SECRET,
};
const realFetch = globalThis.fetch;
let fetchMock: jest.Mock<Promise<Response>, [string, FetchInit]>;
let cookieJar: jest.Mock;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const noMatch = { data: [], meta: { pagination: { page: 1, pageSize: 1, pageCount: 0, total: 0 } } };

function answerWith(body: unknown, status = 200) {
  fetchMock.mockImplementation(async () => json(body, status));
}

function request(index: number) {
  const [url, init] = fetchMock.mock.calls[index]!;
  const parsed = new URL(url);
  return { path: parsed.pathname, query: qs.parse(parsed.search.slice(1), { depth: 10 }), init };
}

function onlyRequest() {
  expect(fetchMock).toHaveBeenCalledTimes(1);
  return request(0);
}

/** A session cookie for `scope`, valid for another minute unless `expires` says otherwise. */
const sessionFor = (scope: {
  uid: string;
  documentId: string;
  locale: string;
  status?: 'draft' | 'published';
  expires?: number;
}) => signPreviewSession(PREVIEW_SECRET, { expires: Math.floor(Date.now() / 1000) + 60, ...scope });

/** The site's data layer, loaded with the preview token configured, draft mode on or off and a scope cookie or none. */
async function loadStrapi(draftModeOn: boolean, sessionCookie?: string) {
  let strapi: (typeof import('@/lib/strapi') & typeof import('@/lib/strapi/preview-path')) | undefined;
  await jest.isolateModulesAsync(async () => {
    const headers = await import('next/headers');
    (headers.draftMode as unknown as jest.Mock).mockResolvedValue({ isEnabled: draftModeOn });
    const get = (name: string) =>
      name === 'medee_preview' && sessionCookie !== undefined ? { name, value: sessionCookie } : undefined;
    cookieJar = headers.cookies as unknown as jest.Mock;
    cookieJar.mockResolvedValue({ get });
    strapi = { ...(await import('@/lib/strapi')), ...(await import('@/lib/strapi/preview-path')) };
  });
  return strapi!;
}

beforeEach(() => {
  process.env.STRAPI_PREVIEW_TOKEN = PREVIEW_TOKEN;
  process.env.STRAPI_READ_TOKEN = READ_TOKEN;
  process.env.PREVIEW_SECRET = PREVIEW_SECRET;
  fetchMock = jest.fn();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

afterEach(() => {
  globalThis.fetch = realFetch;
  process.env.STRAPI_PREVIEW_TOKEN = saved.preview;
  process.env.STRAPI_READ_TOKEN = saved.read;
  // Assigning undefined would store the string "undefined".
  if (saved.secret === undefined) delete process.env.PREVIEW_SECRET;
  else process.env.PREVIEW_SECRET = saved.secret;
});

function expectPublishedRead(init: FetchInit, query: Record<string, unknown>) {
  expect(query).not.toHaveProperty('status');
  expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
  expect(init.cache).toBe('force-cache');
}

describe('in a preview session for an article', () => {
  const session = () => sessionFor({ uid: ARTICLE, documentId: previewed.documentId, locale: 'mn' });

  it("reads that article's draft, only that document, with the preview token and caches nothing", async () => {
    answerWith(articleLookup);
    const strapi = await loadStrapi(true, session());

    await expect(strapi.getArticleBySlug('mn', previewed.slug)).resolves.toMatchObject({
      documentId: previewed.documentId,
    });

    const { query, init } = onlyRequest();
    expect(query).toMatchObject({
      locale: 'mn',
      status: 'draft',
      filters: { slug: { $eq: previewed.slug }, documentId: { $eq: previewed.documentId } },
    });
    expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);
    expect(init.cache).toBe('no-store');
    expect(init.next).toBeUndefined();
  });

  it('shows another article at that slug as published: its draft is not the one the link opened', async () => {
    fetchMock.mockResolvedValueOnce(json(noMatch)).mockResolvedValueOnce(json(articleLookup));
    const strapi = await loadStrapi(true, session());

    await strapi.getArticleBySlug('mn', 'another-article');

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(request(0).query).toMatchObject({ status: 'draft', filters: { documentId: { $eq: previewed.documentId } } });
    const published = request(1);
    expect(published.query.filters).toEqual({ slug: { $eq: 'another-article' } });
    expectPublishedRead(published.init, published.query);
  });

  it('reads everything else published: the other locale, other content types, lists', async () => {
    answerWith(articleLookup);
    const strapi = await loadStrapi(true, session());
    await strapi.getArticleBySlug('zh', previewed.slug);
    await strapi.getCertificateBySlug('mn', previewed.slug).catch(() => null);
    await strapi.getLatestArticles('mn', 3).catch(() => null);
    await strapi.getGlobal('mn').catch(() => null);

    expect(fetchMock).toHaveBeenCalledTimes(4);
    for (const index of [0, 1, 2, 3]) {
      const { query, init } = request(index);
      expectPublishedRead(init, query);
    }
  });
});

describe('in a preview session for a category or the site settings', () => {
  it("lists the category's draft in place of its published version, and nothing else as a draft", async () => {
    const [first, second] = categories.data;
    const draft = { ...first!, name: 'мэдээ (ноорог)' };
    fetchMock.mockImplementation(async (url) =>
      json(new URL(url).searchParams.get('status') === 'draft' ? { ...categories, data: [draft] } : categories),
    );
    const strapi = await loadStrapi(
      true,
      sessionFor({ uid: 'api::category.category', documentId: first!.documentId, locale: 'mn' }),
    );

    const listed = await strapi.getCategories('mn');

    expect(listed.map((each) => each.name)).toEqual(['мэдээ (ноорог)', second!.name]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const draftRead = [request(0), request(1)].find((each) => each.query.status === 'draft')!;
    expect(draftRead.query.filters).toEqual({ documentId: { $eq: first!.documentId } });
    expect(new Headers(draftRead.init.headers).get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);
  });

  it('reads the settings draft in their locale only', async () => {
    answerWith(globalSettings);
    const strapi = await loadStrapi(
      true,
      sessionFor({ uid: 'api::global.global', documentId: globalSettings.data.documentId, locale: 'zh' }),
    );

    await strapi.getGlobal('zh');
    await strapi.getGlobal('mn');

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(request(0).query).toMatchObject({ locale: 'zh', status: 'draft' });
    expect(request(1).query).toMatchObject({ locale: 'mn' });
    expectPublishedRead(request(1).init, request(1).query);
  });
});

describe('no draft without a valid session', () => {
  it.each([
    ['without a scope cookie', undefined],
    ['with a tampered scope cookie', 'tampered'],
    ['with an expired scope', 'expired'],
    ['with a scope signed with another secret', 'forged'],
    ["with a scope for the document's published version (the admin's Published tab)", 'published'],
  ])('draft mode %s reads published versions', async (_, kind) => {
    const scope = { uid: ARTICLE, documentId: previewed.documentId, locale: 'mn' };
    const cookie =
      kind === 'tampered'
        ? (() => {
            const [payload, mac] = sessionFor(scope).split('.');
            const widened = JSON.parse(Buffer.from(payload!, 'base64url').toString());
            widened.documentId = 'someone-elses-draft';
            return `${Buffer.from(JSON.stringify(widened)).toString('base64url')}.${mac}`;
          })()
        : kind === 'expired'
          ? sessionFor({ ...scope, expires: Math.floor(Date.now() / 1000) - 1 })
          : kind === 'forged'
            ? signPreviewSession('another-secret-0123456789abcdef', { ...scope, expires: 2 ** 31 })
            : kind === 'published'
              ? sessionFor({ ...scope, status: 'published' })
              : undefined;
    answerWith(articleLookup);
    const strapi = await loadStrapi(true, cookie);

    await strapi.getArticleBySlug('mn', previewed.slug);

    const { query, init } = onlyRequest();
    expectPublishedRead(init, query);
  });

  it('outside draft mode reads published versions with the read token, cached under their tags, and reads no cookie', async () => {
    answerWith(articleLookup);
    const strapi = await loadStrapi(
      false,
      sessionFor({ uid: ARTICLE, documentId: previewed.documentId, locale: 'mn' }),
    );

    await strapi.getArticleBySlug('mn', 'published-one');

    const { query, init } = onlyRequest();
    expectPublishedRead(init, query);
    expect(init.next?.tags).toContain('article:mn:published-one');
    // cookies() would make a cached page dynamic; draft mode is off for every reader who did not preview.
    expect(cookieJar).not.toHaveBeenCalled();
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
