import Database from 'better-sqlite3';
import { type CmsInstance, startSeededCms } from './helpers/cms-instance';

// Without table statistics SQLite ranks articles_locale_published_idx (locale, published_at) level
// with articles_slug_locale_idx (slug, locale) for the count Strapi sends with every find-by-slug,
// and walks every published row of the locale: 18.7 ms at 10,000 articles per locale (the bench's
// SQLite CMS, find-by-slug p99 3.6x its p99 at 100) instead of one index entry.
describe('SQLite table statistics', () => {
  let cms: CmsInstance;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
  }, 300_000);

  afterAll(() => cms?.stop());

  it('lets the count of a find-by-slug read the slug index', () => {
    const db = new Database(cms.sqlitePath!, { readonly: true });
    try {
      // The statement as Strapi writes it (knex:query log of GET /api/articles?filters[slug]…).
      const plan = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT count(t0.id) AS count FROM articles AS t0 WHERE (t0.published_at IS NOT NULL AND t0.locale = ? AND t0.slug = ? AND t0.published_at IS NOT NULL) LIMIT ?',
        )
        .all('zh', 'any-slug', 1) as Array<{ detail: string }>;
      expect(plan.map((row) => row.detail).join(' | ')).toContain('articles_slug_locale_idx');
    } finally {
      db.close();
    }
  });
});
