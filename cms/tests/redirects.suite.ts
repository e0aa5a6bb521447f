import { adminClient, type AdminClient, createAdminUser, loginAdmin } from './helpers/admin-api';
import { request } from './helpers/api';
import { type Database, startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { seedArticles, seedCategories } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const ARTICLES = '/content-manager/collection-types/api::article.article';
const CATEGORIES = '/content-manager/collection-types/api::category.category';
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';

/** Redirects on a real Strapi: the automatic ones of renamed slugs, the manual ones and their rules. */
export function redirectsSuite(database: Database): void {
  describe(`redirects (${database})`, () => {
    let cms: CmsInstance;
    let admin: AdminClient;
    const stamp = Date.now();

    const resolve = async (path: string): Promise<Json> => {
      const reply = await request(cms, `/api/redirects/resolve?path=${encodeURIComponent(path)}`);
      expect(reply.status).toBe(200);
      return reply.body.data;
    };
    const publish = (type: string, documentId: string, data: Record<string, unknown>) =>
      admin('POST', `${type}/${documentId}/actions/publish?locale=mn`, { ...data, locale: 'mn' });
    const createRedirect = (data: Record<string, unknown>) =>
      request(cms, REDIRECTS, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });

    beforeAll(async () => {
      cms = await startSeededCms(database);
      admin = await adminClient(cms);
    }, 300_000);

    afterAll(async () => {
      await cms?.stop();
    }, 60_000);

    test("the seed's old-site address leads to the seed article, permanently", async () => {
      const article = seedArticles.find((each) => each.key === 'zhuanjingtexin-certificate-2019')!;
      expect(await resolve('/news/show-123.html')).toEqual({ location: `/mn/news/${article.mn!.slug}`, status: 308 });
      // Normalized the same way on both sides: trailing slash, fragment.
      expect(await resolve('/news/show-123.html/#top')).toEqual(await resolve('/news/show-123.html'));
      expect(await resolve('/news/show-124.html')).toBeNull();
    });

    test('renamed slugs redirect in one hop; a slug another document takes stops redirecting', async () => {
      const a = `redirect-a-${stamp}`;
      const [b, c] = [`${a}-b`, `${a}-c`];
      const draft = await admin('POST', `${ARTICLES}?locale=mn`, { title: 'Шилжүүлэх мэдээ', slug: a });
      const documentId: string = draft.data.documentId;
      await publish(ARTICLES, documentId, {});
      expect(await resolve(`/mn/news/${a}`)).toBeNull();

      await publish(ARTICLES, documentId, { slug: b });
      expect(await resolve(`/mn/news/${a}`)).toEqual({ location: `/mn/news/${b}`, status: 308 });

      await publish(ARTICLES, documentId, { slug: c });
      expect(await resolve(`/mn/news/${a}`)).toEqual({ location: `/mn/news/${c}`, status: 308 });
      expect(await resolve(`/mn/news/${b}`)).toEqual({ location: `/mn/news/${c}`, status: 308 });

      // A draft-only rename moves nothing.
      await admin('PUT', `${ARTICLES}/${documentId}?locale=mn`, { slug: `${a}-draft` });
      expect(await resolve(`/mn/news/${c}`)).toBeNull();

      const other = await admin('POST', `${ARTICLES}?locale=mn`, { title: 'Өөр мэдээ', slug: a });
      await publish(ARTICLES, other.data.documentId, {});
      expect(await resolve(`/mn/news/${a}`)).toBeNull();
      expect(await resolve(`/mn/news/${b}`)).toEqual({ location: `/mn/news/${c}`, status: 308 });

      // Unpublished: the old addresses answer 404 (nothing to lead to); published again, they lead again.
      await admin('POST', `${ARTICLES}/${documentId}/actions/unpublish?locale=mn`, { locale: 'mn' });
      expect(await resolve(`/mn/news/${b}`)).toBeNull();
      await publish(ARTICLES, documentId, { slug: c });
      expect(await resolve(`/mn/news/${b}`)).toEqual({ location: `/mn/news/${c}`, status: 308 });

      await admin('DELETE', `${ARTICLES}/${documentId}?locale=*`);
      expect(await resolve(`/mn/news/${b}`)).toBeNull();
    });

    test("a renamed category's list redirects to its new slug", async () => {
      const slug = `redirect-category-${stamp}`;
      const draft = await admin('POST', `${CATEGORIES}?locale=mn`, { name: 'Шилжих ангилал', slug });
      await publish(CATEGORIES, draft.data.documentId, {});
      await publish(CATEGORIES, draft.data.documentId, { slug: `${slug}-new` });
      expect(await resolve(`/mn/news?category=${slug}`)).toEqual({
        location: `/mn/news?category=${slug}-new`,
        status: 308,
      });
      expect(seedCategories.length).toBeGreaterThan(0);
    });

    test('a manual redirect to a path, temporary; paths are stored normalized', async () => {
      const from = `/old/${stamp}/list.php`;
      const reply = await createRedirect({ fromPath: `${from}/`, toPath: '/zh/certificates', permanent: false });
      expect(reply.status).toBe(201);
      expect(reply.body.data.fromPath).toBe(from);
      expect(await resolve(from)).toEqual({ location: '/zh/certificates', status: 307 });

      // A chain of manual redirects answers its end, in one hop.
      const before = `/older/${stamp}`;
      expect((await createRedirect({ fromPath: before, toPath: from })).status).toBe(201);
      expect(await resolve(before)).toEqual({ location: '/zh/certificates', status: 307 });
    });

    test.each([
      ['an absolute URL (no open redirect)', { fromPath: `/x-${stamp}`, toPath: 'https://evil.example/' }, 'toPath'],
      ['a protocol-relative URL', { fromPath: `/y-${stamp}`, toPath: '//evil.example/' }, 'toPath'],
      ['a from without a leading slash', { fromPath: 'news/show.html', toPath: '/mn' }, 'fromPath'],
      ['a ".." segment', { fromPath: `/a/../b-${stamp}`, toPath: '/mn' }, 'fromPath'],
      ['no target', { fromPath: `/z-${stamp}` }, 'toPath'],
      ['itself', { fromPath: `/self-${stamp}`, toPath: `/self-${stamp}/` }, 'toPath'],
    ])('refuses %s with a 400 naming the field', async (_what, data, field) => {
      const reply = await createRedirect(data);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toMatch(new RegExp(`^${field}: `));
      expect(reply.body.error.details.errors[0].path).toEqual([field]);
    });

    test('refuses a loop, and two targets at once', async () => {
      const [one, two] = [`/loop-one-${stamp}`, `/loop-two-${stamp}`];
      expect((await createRedirect({ fromPath: one, toPath: two })).status).toBe(201);
      const loop = await createRedirect({ fromPath: two, toPath: one });
      expect(loop.status).toBe(400);
      expect(loop.body.error.message).toMatch(/loop/);
      // The refused save left nothing behind.
      expect(await resolve(two)).toBeNull();
      expect(await resolve(one)).toEqual({ location: two, status: 308 });

      const article = await admin('GET', `${ARTICLES}?locale=mn&pageSize=1`);
      const both = await createRedirect({
        fromPath: `/both-${stamp}`,
        toPath: '/mn',
        article: { connect: [{ documentId: article.results[0].documentId, locale: 'mn' }] },
      });
      expect(both.status).toBe(400);
      expect(both.body.error.message).toMatch(/one target only/);
    });

    test('the lookup refuses a missing path with a 400, and a path of any shape is no 500', async () => {
      expect((await request(cms, '/api/redirects/resolve')).status).toBe(400);
      for (const path of ['https://evil.example/', '/%ff', '/a\u0000b', 'x'.repeat(5000)]) {
        const reply = await request(cms, `/api/redirects/resolve?path=${encodeURIComponent(path)}`);
        expect([200, 400]).toContain(reply.status);
        if (reply.status === 200) expect(reply.body.data).toBeNull();
      }
    });

    test('editors manage redirects; translators cannot see them', async () => {
      const superAdmin = await loginAdmin(cms.baseUrl, cms.admin);
      const editor = await createAdminUser(
        cms.baseUrl,
        superAdmin,
        'Editor',
        'redirect-editor@medee.test',
        'Editor-pass-123',
      );
      expect((await editor.request('GET', REDIRECTS)).body.results.length).toBeGreaterThan(0);
      const made = await editor.request('POST', REDIRECTS, { fromPath: `/e-${stamp}`, toPath: '/mn/news' });
      expect(made.status).toBe(201);
      expect((await editor.request('DELETE', `${REDIRECTS}/${made.body.data.documentId}`)).status).toBe(200);
      const translator = await loginAdmin(cms.baseUrl, cms.translators.zh);
      expect((await translator.request('GET', REDIRECTS)).status).toBe(403);
      expect((await translator.request('POST', REDIRECTS, { fromPath: `/t-${stamp}`, toPath: '/zh' })).status).toBe(
        403,
      );
    });
  });
}
