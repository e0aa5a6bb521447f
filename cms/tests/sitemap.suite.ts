import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { run } from '../../scripts/lib/processes.cjs';
import { batchRowsQuery, endsQuery, sitemapIndexName, translationsQuery } from '../src/sitemap';
import { adminClient, type AdminClient } from './helpers/admin-api';
import { request } from './helpers/api';
import { type Database, startSeededCms, type CmsInstance } from './helpers/cms-instance';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const ARTICLES = '/content-manager/collection-types/api::article.article';
// Enough for three batches of the smallest `every` in each locale.
const PER_LOCALE = 260;
const EVERY = 100;

interface Doc {
  documentId: string;
  slug: string;
  updatedAt: string;
  translations: Array<{ locale: string; slug: string }>;
}

/** The sitemap reads on a real Strapi: keyset batches of published documents, counts, the index. */
export function sitemapSuite(database: Database): void {
  describe(`sitemap reads (${database})`, () => {
    let cms: CmsInstance;
    let admin: AdminClient;
    let db: Knex;
    const draftSlug = `sitemap-draft-only-${Date.now()}`;
    const changedDraftSlug = `${draftSlug}-changed`;

    const get = async (pathAndQuery: string): Promise<Json> => {
      const reply = await request(cms, pathAndQuery);
      expect(reply.status).toBe(200);
      return reply.body;
    };
    const summary = async () => (await get('/api/sitemap')).data;
    const endsOf = async (type: string, locale: string): Promise<string[]> =>
      (await get(`/api/sitemap/ends?type=${type}&locale=${locale}&every=${EVERY}`)).data;

    /** Every published document of a locale as the content API lists it (status published). */
    const contentApiDocs = async (type: string, locale: string): Promise<Map<string, string>> => {
      const all = new Map<string, string>();
      for (let page = 1; ; page++) {
        const body = await get(
          `/api/${type}?locale=${locale}&fields[0]=slug&sort=documentId:asc&pagination[page]=${page}&pagination[pageSize]=100`,
        );
        for (const doc of body.data) all.set(doc.documentId, doc.slug);
        if (page >= body.meta.pagination.pageCount) return all;
      }
    };

    /** A locale's documents read batch by batch along the summary's ends. */
    const byBatches = async (type: string, locale: string, ends: string[]): Promise<Doc[]> => {
      const docs: Doc[] = [];
      for (let i = 0; i <= ends.length; i++) {
        const bounds = [i > 0 ? `&after=${ends[i - 1]}` : '', i < ends.length ? `&through=${ends[i]}` : ''].join('');
        const body = await get(`/api/sitemap/documents?type=${type}&locale=${locale}&limit=${EVERY}${bounds}`);
        expect(body.meta.next).toBeNull();
        docs.push(...body.data);
      }
      return docs;
    };

    beforeAll(async () => {
      cms = await startSeededCms(database);
      // Bulk rows as the bench makes them: a draft and a published row per locale and document.
      await cms.stopServer();
      await run(
        process.execPath,
        [path.join(rootDir, 'scripts', 'bench', 'generate-articles.cjs'), '--per-locale', String(PER_LOCALE)],
        { env: cms.env, quiet: true },
      );
      await cms.startServer();
      admin = await adminClient(cms);
      // A draft never published, and a published article whose draft has moved on.
      await admin('POST', `${ARTICLES}?locale=mn`, { title: 'Ноорог мэдээ', slug: draftSlug });
      const published = await admin('POST', `${ARTICLES}?locale=mn`, {
        title: 'Нийтэлсэн мэдээ',
        slug: `${draftSlug}-p`,
      });
      await admin('POST', `${ARTICLES}/${published.data.documentId}/actions/publish?locale=mn`, { locale: 'mn' });
      await admin('PUT', `${ARTICLES}/${published.data.documentId}?locale=mn`, { slug: changedDraftSlug });
      db =
        database === 'postgres'
          ? knexFactory({ client: 'pg', connection: cms.postgres!.url })
          : knexFactory({
              client: 'better-sqlite3',
              connection: { filename: cms.sqlitePath! },
              useNullAsDefault: true,
            });
    }, 600_000);

    afterAll(async () => {
      await db?.destroy();
      await cms?.stop();
    }, 60_000);

    test('batches along the summary hold every published document exactly once, with its translations, and no draft', async () => {
      const { locales } = await summary();
      for (const type of ['articles', 'certificates']) {
        const read: Record<string, Doc[]> = {};
        for (const locale of ['mn', 'zh']) {
          const group = locales[locale][type];
          const expected = await contentApiDocs(type, locale);
          expect(group.count).toBe(expected.size);
          const ends = await endsOf(type, locale);
          expect(ends).toHaveLength(Math.ceil(expected.size / EVERY) - 1);
          const docs = await byBatches(type, locale, ends);
          expect(docs).toHaveLength(expected.size);
          expect(new Map(docs.map((doc) => [doc.documentId, doc.slug]))).toEqual(expected);
          expect(docs.map((doc) => doc.slug)).not.toContain(draftSlug);
          expect(docs.map((doc) => doc.slug)).not.toContain(changedDraftSlug);
          expect(group.updatedAt).toBe(
            docs
              .map((doc) => doc.updatedAt)
              .sort()
              .at(-1),
          );
          read[locale] = docs;
        }
        // Each translation named is the other locale's published variant of the same document, both ways.
        const slugIn = (locale: string) => new Map(read[locale]!.map((doc) => [doc.documentId, doc.slug]));
        const [mn, zh] = [slugIn('mn'), slugIn('zh')];
        for (const doc of read.mn!)
          expect(doc.translations).toEqual(
            zh.has(doc.documentId) ? [{ locale: 'zh', slug: zh.get(doc.documentId) }] : [],
          );
        for (const doc of read.zh!)
          expect(doc.translations).toEqual(
            mn.has(doc.documentId) ? [{ locale: 'mn', slug: mn.get(doc.documentId) }] : [],
          );
        if (type === 'articles')
          expect(read.mn!.filter((doc) => zh.has(doc.documentId)).length).toBeGreaterThan(EVERY * 2);
      }
    });

    test('plain keyset paging (after the last documentId) reads the same documents, and says where to go on', async () => {
      const { locales } = await summary();
      const seen: string[] = [];
      let after = '';
      for (;;) {
        const body = await get(`/api/sitemap/documents?type=articles&locale=zh&limit=${EVERY}${after}`);
        seen.push(...body.data.map((doc: Doc) => doc.documentId));
        if (!body.meta.next) break;
        expect(body.meta.next).toBe(body.data.at(-1).documentId);
        after = `&after=${body.meta.next}`;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(locales.zh.articles.count);
      expect([...seen].sort()).toEqual(seen);
    });

    test('a draft asked for by status=draft is still not listed', async () => {
      const body = await get('/api/sitemap/documents?type=articles&locale=mn&status=draft&limit=1000');
      const slugs = body.data.map((doc: Doc) => doc.slug);
      expect(slugs).not.toContain(draftSlug);
      expect(slugs).not.toContain(changedDraftSlug);
      expect(slugs).toContain(`${draftSlug}-p`);
    });

    test('categories come with the count and newest change of their published articles', async () => {
      const { locales } = await summary();
      for (const locale of ['mn', 'zh']) {
        const categories = locales[locale].categories;
        const listed = await get(
          `/api/categories?locale=${locale}&fields[0]=slug&populate[articles][count]=true&pagination[pageSize]=100`,
        );
        expect(categories.map((c: Json) => [c.slug, c.articleCount]).sort()).toEqual(
          listed.data.map((c: Json) => [c.slug, c.articles.count]).sort(),
        );
      }
    });

    test.each([
      '/api/sitemap/ends?type=articles&locale=mn',
      '/api/sitemap/ends?type=articles&locale=mn&every=5',
      '/api/sitemap/ends?type=articles&locale=mn&every=abc',
      '/api/sitemap/ends?type=articles&locale=mn&every=100000',
      '/api/sitemap/ends?type=categories&locale=mn&every=100',
      '/api/sitemap/ends?type=articles&every=100',
      '/api/sitemap/documents?locale=mn',
      '/api/sitemap/documents?type=pages&locale=mn',
      '/api/sitemap/documents?type=articles',
      '/api/sitemap/documents?type=articles&locale=m%20n',
      '/api/sitemap/documents?type=articles&locale=mn&after=A%3B',
      '/api/sitemap/documents?type=articles&locale=mn&after[$gt]=a',
      '/api/sitemap/documents?type=articles&locale=mn&through=',
      '/api/sitemap/documents?type=articles&locale=mn&limit=0',
      '/api/sitemap/documents?type=articles&locale=mn&limit=1001',
      '/api/sitemap/documents?type=articles&locale=mn&limit=1e3',
    ])('%s is a 400 with a message', async (url) => {
      const reply = await request(cms, url);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toMatch(/\w/);
    });

    test('batches and batch ends are read off the sitemap index in order, with no sort; translations by documentId', async () => {
      const [first, second] = (await endsOf('articles', 'mn')) as [string, string];
      const ends = endsQuery(db, 'articles', 'mn', EVERY);
      const batch = batchRowsQuery(db, 'articles', {
        type: 'articles',
        locale: 'mn',
        after: first,
        through: second,
        limit: EVERY,
      });
      const translations = translationsQuery(db, 'articles', 'mn', [first, second]);
      if (database === 'postgres') {
        // A table this small is read whole by choice; the plan with scans discouraged shows what serves it at scale.
        const plans = await db.transaction(async (trx) => {
          await trx.raw('SET LOCAL enable_seqscan = off');
          const explain = async (query: Knex.QueryBuilder) => {
            const { sql, bindings } = query.toSQL();
            const result = await trx.raw(`EXPLAIN ${sql}`, bindings);
            return result.rows.map((row: Json) => row['QUERY PLAN']).join('\n');
          };
          return [await explain(batch), await explain(translations), await explain(ends)];
        });
        expect(plans[0]).toMatch(new RegExp(`Index (Only )?Scan using ${sitemapIndexName('articles')}`));
        expect(plans[0]).not.toMatch(/Sort/);
        expect(plans[1]).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
        expect(plans[1]).not.toMatch(/Seq Scan/);
        // The window runs in index order; only the few ends found are put in order after it.
        expect(plans[2]).toMatch(new RegExp(`Index Only Scan using ${sitemapIndexName('articles')}`));
        expect(plans[2]).not.toMatch(/Sort Key: .*document_id/);
      } else {
        const explain = async (query: Knex.QueryBuilder) => {
          const { sql, bindings } = query.toSQL();
          const rows: Json[] = await db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
          return rows.map((row) => row.detail).join('\n');
        };
        const plan = await explain(batch);
        expect(plan).toMatch(new RegExp(`USING COVERING INDEX ${sitemapIndexName('articles')}`));
        expect(plan).not.toMatch(/TEMP B-TREE/);
        expect(await explain(translations)).toMatch(/USING (COVERING )?INDEX/);
        const endsPlan = await explain(ends);
        expect(endsPlan).toMatch(new RegExp(`USING COVERING INDEX ${sitemapIndexName('articles')}`));
      }
    });
  });
}
