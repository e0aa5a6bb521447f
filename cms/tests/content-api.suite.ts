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

    describe('the older and newer articles of a position (GET /api/articles/adjacent)', () => {
      const adjacent = (query: string) => get(`/api/articles/adjacent?${query}`);
      /** The published articles of `locale` in the news list's order, oldest first, as the content API lists them. */
      const newsOrder = async (locale: string) =>
        (
          await get(
            `/api/articles?locale=${locale}&fields[0]=title&fields[1]=slug&fields[2]=postedAt&sort[0]=postedAt:asc&sort[1]=documentId:asc&pagination[pageSize]=100`,
          )
        ).body.data as Json[];
      const link = (article: Json) =>
        article ? { title: article.title, slug: article.slug, postedAt: article.postedAt } : null;

      test.each(['mn', 'zh'] as const)(
        'every published %s article has the news list neighbours, drafts never',
        async (locale) => {
          const list = await newsOrder(locale);
          expect(list.length).toBe(seedArticles.filter((article) => isPublished(article[locale])).length);
          const draftSlugs = seedArticles
            .filter((a) => a[locale] && !isPublished(a[locale]))
            .map((a) => a[locale]!.slug);
          for (const [index, article] of list.entries()) {
            const { status, body } = await adjacent(
              `locale=${locale}&postedAt=${article.postedAt}&documentId=${article.documentId}`,
            );
            expect(status).toBe(200);
            expect(body.data).toEqual({ older: link(list[index - 1]), newer: link(list[index + 1]) });
            for (const slug of draftSlugs) expect(JSON.stringify(body)).not.toContain(`"${slug}"`);
          }
        },
      );

      test('articles of the same day are ordered by documentId, like the news list', async () => {
        const sameDay = '1999-09-09';
        const ids: string[] = [];
        for (const n of [1, 2, 3]) {
          const draft = await admin('POST', '/content-manager/collection-types/api::article.article?locale=mn', {
            title: `Нэг өдрийн мэдээ ${n}`,
            slug: `same-day-${Date.now()}-${n}`,
            postedAt: sameDay,
          });
          await admin(
            'POST',
            `/content-manager/collection-types/api::article.article/${draft.data.documentId}/actions/publish?locale=mn`,
            {},
          );
          ids.push(draft.data.documentId);
        }
        const list = (await newsOrder('mn')).filter((article) => article.postedAt === sameDay);
        expect(list.map((article) => article.documentId).sort()).toEqual([...ids].sort());
        const middle = await adjacent(`locale=mn&postedAt=${sameDay}&documentId=${list[1].documentId}`);
        expect(middle.body.data).toEqual({ older: link(list[0]), newer: link(list[2]) });
        // The oldest articles of the locale: nothing is older than the first of them.
        const first = await adjacent(`locale=mn&postedAt=${sameDay}&documentId=${list[0].documentId}`);
        expect(first.body.data).toEqual({ older: null, newer: link(list[1]) });
      });

      test.each([
        ['no locale', 'postedAt=2022-01-29&documentId=abc', 'locale'],
        ['a locale that does not exist', 'locale=fr&postedAt=2022-01-29&documentId=abc', 'locale'],
        ['no date', 'locale=mn&documentId=abc', 'postedAt'],
        ['a date that does not exist', 'locale=mn&postedAt=2022-02-30&documentId=abc', 'postedAt'],
        ['a date with a time', 'locale=mn&postedAt=2022-01-29T00:00:00Z&documentId=abc', 'postedAt'],
        ['two dates', 'locale=mn&postedAt=2022-01-29&postedAt=2022-01-30&documentId=abc', 'postedAt'],
        ['a documentId with an operator', 'locale=mn&postedAt=2022-01-29&documentId[$ne]=abc', 'documentId'],
        ['a documentId with a quote', "locale=mn&postedAt=2022-01-29&documentId=a'b", 'documentId'],
      ])('%s is a 400 naming the parameter', async (_what, query, param) => {
        const { status, body } = await adjacent(query);
        expect(status).toBe(400);
        expect(body.error.details).toEqual({ param });
      });
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
