import { adminClient, type AdminClient } from './helpers/admin-api';
import { startSeededCms, type CmsInstance, type Database } from './helpers/cms-instance';
import { isPublished, seedArticles, seedCategories, seedCertificates, seedGlobal } from './helpers/seed-data';

const SEED_KEY = 'zhuanjingtexin-certificate-2019';
const MN_TITLE = 'Мэргэшсэн, тусгай, шинэ бүтээгдэхүүний технологийн гэрчилгээ';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

/** The content API suite; it runs once per database (see content-api.*.test.ts). */
export function describeContentApi(database: Database): void {
  describe(`CMS content API on ${database}`, () => {
    let cms: CmsInstance;
    let admin: AdminClient;

    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${cms.baseUrl}${path}`, { headers });
      return { status: response.status, body: (await response.json().catch(() => null)) as Json };
    };
    const seedArticle = seedArticles.find((article) => article.key === SEED_KEY)!;

    beforeAll(async () => {
      cms = await startSeededCms(database);
      admin = await adminClient(cms);
    }, 300_000);

    afterAll(async () => {
      await cms?.stop();
    }, 60_000);

    test('locales are exactly mn (default) and zh', async () => {
      const locales = await admin('GET', '/i18n/locales');
      expect(locales.map((l: Json) => [l.code, l.isDefault]).sort()).toEqual([
        ['mn', true],
        ['zh', false],
      ]);
    });

    test('?locale=mn returns the seed article in Mongolian, ?locale=zh in Chinese, sharing one documentId', async () => {
      const mn = await get(
        `/api/articles?locale=mn&filters[slug][$eq]=${seedArticle.mn!.slug}&populate[category]=true&populate[certificates]=true`,
      );
      expect(mn.status).toBe(200);
      expect(mn.body.data).toHaveLength(1);
      expect(mn.body.data[0]).toMatchObject({ title: MN_TITLE, locale: 'mn', postedAt: '2022-01-29' });
      expect(mn.body.data[0].title).toBe(seedArticle.mn!.title);
      expect(mn.body.data[0].category.name).toBe('мэдээ');
      expect(mn.body.data[0].certificates.map((c: Json) => c.number)).toEqual([seedCertificates[0]!.number]);

      const zh = await get(
        `/api/articles?locale=zh&filters[slug][$eq]=${seedArticle.zh!.slug}&populate[category]=true`,
      );
      expect(zh.body.data).toHaveLength(1);
      expect(zh.body.data[0]).toMatchObject({ title: seedArticle.zh!.title, locale: 'zh', postedAt: '2022-01-29' });
      expect(zh.body.data[0].category.name).toBe('新闻');
      expect(zh.body.data[0].documentId).toBe(mn.body.data[0].documentId);

      // The mn slug does not exist in zh: locale travels as the `locale` parameter.
      const crossed = await get(`/api/articles?locale=zh&filters[slug][$eq]=${seedArticle.mn!.slug}`);
      expect(crossed.body.data).toEqual([]);
    });

    test.each(['mn', 'zh'] as const)('pagination meta counts the published %s articles', async (locale) => {
      const published = seedArticles.filter((article) => isPublished(article[locale])).length;
      expect(published).toBeGreaterThan(10);
      const page2 = await get(
        `/api/articles?locale=${locale}&pagination[page]=2&pagination[pageSize]=10&sort=postedAt:desc`,
      );
      expect(page2.status).toBe(200);
      expect(page2.body.meta.pagination).toEqual({
        page: 2,
        pageSize: 10,
        pageCount: Math.ceil(published / 10),
        total: published,
      });
      expect(page2.body.data).toHaveLength(published - 10);
      const dates = page2.body.data.map((a: Json) => a.postedAt);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    test('categories, certificates and global are served per locale', async () => {
      const categories = await get('/api/categories?locale=zh&sort=name:asc');
      expect(categories.body.data.map((c: Json) => c.slug).sort()).toEqual(seedCategories.map((c) => c.zh.slug).sort());
      const certificate = await get(`/api/certificates?locale=zh&filters[slug][$eq]=${seedCertificates[0]!.zh!.slug}`);
      expect(certificate.body.data[0]).toMatchObject({
        name: seedCertificates[0]!.zh!.name,
        level: 'municipal',
        issuedOn: '2019-06-15',
      });
      const global = await get('/api/global?locale=mn');
      expect(global.body.data.siteName).toBe(seedGlobal.mn.siteName);
    });

    describe('drafts are never public', () => {
      const draftTitle = `Unpublished draft ${Date.now()}`;
      let draftCertificate: Json;
      let draftCategory: Json;

      beforeAll(async () => {
        draftCertificate = (
          await admin('POST', '/content-manager/collection-types/api::certificate.certificate?locale=mn', {
            name: draftTitle,
            slug: `draft-certificate-${Date.now()}`,
            issuedOn: '2026-01-01',
            level: 'national',
          })
        ).data;
        draftCategory = (
          await admin('POST', '/content-manager/collection-types/api::category.category?locale=mn', {
            name: draftTitle,
            slug: `draft-category-${Date.now()}`,
          })
        ).data;
        // A draft edit of a published single type must not leak either.
        await admin('PUT', '/content-manager/single-types/api::global.global?locale=mn', { siteName: draftTitle });
      });

      const spellings = [
        'status=draft',
        'status[0]=draft',
        'publicationState=preview',
        'hasPublishedVersion=false',
        'publicationFilter=never-published',
        'status=draft&hasPublishedVersion=false',
      ];

      test.each(spellings)('articles?%s shows no draft', async (query) => {
        const drafts = seedArticles.filter((a) => a.mn && !isPublished(a.mn)).map((a) => a.mn!.slug);
        expect(drafts.length).toBeGreaterThan(0);
        const { status, body } = await get(`/api/articles?locale=mn&pagination[pageSize]=100&${query}`);
        if (status === 200) {
          const slugs = body.data.map((a: Json) => a.slug);
          for (const slug of drafts) expect(slugs).not.toContain(slug);
          expect(body.data.every((a: Json) => a.publishedAt !== null)).toBe(true);
        } else {
          expect(status).toBe(400);
        }
      });

      test.each(spellings)('certificates, categories and global with %s show no draft', async (query) => {
        for (const path of ['/api/certificates', '/api/categories', '/api/global']) {
          const { status, body } = await get(`${path}?locale=mn&${query}`);
          expect([200, 400]).toContain(status);
          expect(JSON.stringify(body)).not.toContain(draftTitle);
        }
      });

      test('findOne by a draft documentId is 404', async () => {
        const draftArticle = seedArticles.find((a) => a.mn && !isPublished(a.mn))!;
        const list = await admin(
          'GET',
          `/content-manager/collection-types/api::article.article?locale=mn&filters[slug][$eq]=${draftArticle.mn!.slug}`,
        );
        const documentId = list.results[0].documentId;
        for (const query of ['', '?status=draft', '?locale=mn&status=draft']) {
          expect((await get(`/api/articles/${documentId}${query}`)).status).toBe(404);
        }
        for (const [type, draft] of [
          ['certificates', draftCertificate],
          ['categories', draftCategory],
        ] as const) {
          expect((await get(`/api/${type}/${draft.documentId}?status=draft`)).status).toBe(404);
        }
      });

      test('the site read token sees no drafts either', async () => {
        const auth = { Authorization: `Bearer ${cms.siteReadToken}` };
        const { status, body } = await get('/api/certificates?locale=mn&status=draft', auth);
        expect(status).toBe(200);
        expect(body.data.length).toBe(seedCertificates.filter((c) => c.mn).length);
        expect(JSON.stringify(body)).not.toContain(draftTitle);
      });
    });

    test('the public cannot write or sign up', async () => {
      const before = (await get('/api/articles?locale=mn')).body.meta.pagination.total;
      for (const [method, path] of [
        ['POST', '/api/articles'],
        ['PUT', `/api/articles/anything`],
        ['DELETE', `/api/articles/anything`],
        ['POST', '/api/certificates'],
        ['PUT', '/api/global'],
        ['POST', '/api/upload'],
        ['POST', '/api/auth/local/register'],
      ] as const) {
        const response = await fetch(`${cms.baseUrl}${path}`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            data: { title: 'hacked', slug: 'hacked' },
            username: 'x',
            email: 'x@example.com',
            password: 'Password123',
          }),
        });
        expect([403, 404, 405]).toContain(response.status);
      }
      expect((await get('/api/articles?locale=mn')).body.meta.pagination.total).toBe(before);
    });

    test("re-running the seed and restarting duplicate nothing and keep an editor's change", async () => {
      const list = await admin(
        'GET',
        `/content-manager/collection-types/api::article.article?locale=mn&filters[slug][$eq]=${seedArticle.mn!.slug}`,
      );
      const documentId = list.results[0].documentId;
      await admin('PUT', `/content-manager/collection-types/api::article.article/${documentId}?locale=mn`, {
        title: 'Edited by an editor',
      });
      const countsBefore = await Promise.all(
        ['mn', 'zh'].map(async (l) => (await get(`/api/articles?locale=${l}`)).body.meta.pagination.total),
      );

      const output = await cms.seed();
      expect(output).toMatch(/seed: 0 variants created/);
      await cms.restart();

      const countsAfter = await Promise.all(
        ['mn', 'zh'].map(async (l) => (await get(`/api/articles?locale=${l}`)).body.meta.pagination.total),
      );
      expect(countsAfter).toEqual(countsBefore);
      const edited = await admin(
        'GET',
        `/content-manager/collection-types/api::article.article/${documentId}?locale=mn`,
      );
      expect(edited.data.title).toBe('Edited by an editor');
      const locales = await admin('GET', '/i18n/locales');
      expect(locales.map((l: Json) => l.code).sort()).toEqual(['mn', 'zh']);
    });
  });
}
