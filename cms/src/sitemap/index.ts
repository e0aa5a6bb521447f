import type { Core, UID } from '@strapi/strapi';

// The reads behind the site's sitemap (GET /api/sitemap, /api/sitemap/documents). Published rows
// only, always: these are plain SQL on `published_at IS NOT NULL`, no `status` parameter a caller
// could turn into drafts. Everything runs on one partial index per table (ensureSitemapIndexes):
// - the summary counts each locale's rows (and its categories' articles), so the site lays out
//   its sitemap index from counts alone;
// - the ends of one locale and type name every `every`-th documentId, so a part knows its batches;
// - a batch is a keyset range of documentIds (after < documentId <= through), never an OFFSET,
//   so batch 260 costs what batch 1 does, and no count is made per batch.

export const SITEMAP_TYPES = {
  articles: 'api::article.article',
  certificates: 'api::certificate.certificate',
} as const satisfies Record<string, UID.ContentType>;
export type SitemapType = keyof typeof SITEMAP_TYPES;
export const isSitemapType = (value: unknown): value is SitemapType =>
  typeof value === 'string' && Object.hasOwn(SITEMAP_TYPES, value);

/** Most documents in one batch; also the bounds of the summary's `every`. */
export const SITEMAP_MAX_BATCH = 1000;
export const SITEMAP_MIN_EVERY = 100;

const CATEGORY_UID = 'api::category.category';

type Row = Record<string, unknown>;
type Knex = Core.Strapi['db']['connection'];
type QueryBuilder = ReturnType<Knex['queryBuilder']>;

const knexOf = (strapi: Core.Strapi): Knex => strapi.db.connection;
const tableOf = (strapi: Core.Strapi, uid: UID.Schema): string => strapi.db.metadata.get(uid).tableName;
const isPostgres = (strapi: Core.Strapi): boolean => strapi.db.dialect.client === 'postgres';

/** What a driver hands back for a datetime column (Date on PostgreSQL, ms or text on SQLite), as ISO 8601. */
function isoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // Strapi writes UTC; a text timestamp without a zone is UTC too, not the server's local time.
  const text = typeof value === 'string' && !/(Z|[+-]\d\d:?\d\d)$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const date = value instanceof Date ? value : new Date(typeof text === 'string' ? text : Number(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The partial index every sitemap read uses, one per type. */
export const sitemapIndexName = (table: string): string => `${table}_sitemap_idx`;

/**
 * Creates the sitemap's covering partial index on each type's table unless it is there. Strapi's
 * schema sync leaves alone indexes it did not create, and the schema.json `indexes` cannot say
 * WHERE or INCLUDE, so it is made here on every start (IF NOT EXISTS: a no-op once made).
 * PostgreSQL keeps slug, updated_at and id (for the category counts' join) as INCLUDE payload;
 * SQLite has no INCLUDE (and every index carries the rowid, its id), so they are
 * trailing key columns there, with published_at too: SQLite's planner reads the query's
 * `published_at IS NOT NULL` from the index, not from the index's WHERE.
 */
export async function ensureSitemapIndexes(strapi: Core.Strapi): Promise<void> {
  for (const uid of Object.values(SITEMAP_TYPES)) {
    const table = tableOf(strapi, uid);
    const columns = isPostgres(strapi)
      ? '(locale, document_id) INCLUDE (slug, updated_at, id)'
      : '(locale, document_id, slug, updated_at, published_at)';
    await knexOf(strapi).raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? ${columns} WHERE published_at IS NOT NULL`, [
      sitemapIndexName(table),
      table,
    ]);
  }
}

export interface BatchQuery {
  type: SitemapType;
  locale: string;
  /** Exclusive lower bound: the last documentId of the previous batch. */
  after?: string;
  /** Inclusive upper bound: the summary's end of this batch. */
  through?: string;
  limit: number;
}

/** The batch's own rows (documentId order), as SQL: exported so the tests can EXPLAIN it. */
export function batchRowsQuery(knex: Knex, table: string, query: BatchQuery): QueryBuilder {
  const rows = knex(table)
    .select('document_id', 'slug', 'updated_at')
    .where('locale', query.locale)
    .whereNotNull('published_at')
    .orderBy('document_id')
    .limit(query.limit + 1);
  if (query.after !== undefined) rows.andWhere('document_id', '>', query.after);
  if (query.through !== undefined) rows.andWhere('document_id', '<=', query.through);
  return rows;
}

/** The batch's translations: every other published variant of its documents, in one query. */
export function translationsQuery(knex: Knex, table: string, locale: string, documentIds: string[]): QueryBuilder {
  return knex(table)
    .select('document_id', 'locale', 'slug')
    .whereIn('document_id', documentIds)
    .whereNotNull('published_at')
    .andWhereNot('locale', locale);
}

export interface SitemapDocument {
  documentId: string;
  slug: string;
  updatedAt: string | null;
  translations: Array<{ locale: string; slug: string }>;
}

/**
 * One keyset batch: at most `limit` published variants of `locale` in documentId order, each
 * with its translations' locale and slug. `next` is the documentId to continue after when the
 * range held more than `limit` (rows published since the summary was read), null otherwise.
 */
export async function sitemapBatch(
  strapi: Core.Strapi,
  query: BatchQuery,
): Promise<{ documents: SitemapDocument[]; next: string | null }> {
  const knex = knexOf(strapi);
  const table = tableOf(strapi, SITEMAP_TYPES[query.type]);
  const rows: Row[] = await batchRowsQuery(knex, table, query);
  const more = rows.length > query.limit;
  const own = more ? rows.slice(0, query.limit) : rows;
  const documentIds = own.map((row) => String(row.document_id));
  const translations = new Map<string, Array<{ locale: string; slug: string }>>();
  if (documentIds.length > 0) {
    const others: Row[] = await translationsQuery(knex, table, query.locale, documentIds);
    for (const row of others) {
      const id = String(row.document_id);
      const list = translations.get(id) ?? [];
      list.push({ locale: String(row.locale), slug: String(row.slug) });
      translations.set(id, list);
    }
  }
  return {
    documents: own.map((row) => ({
      documentId: String(row.document_id),
      slug: String(row.slug),
      updatedAt: isoTimestamp(row.updated_at),
      translations: (translations.get(String(row.document_id)) ?? []).sort((a, b) => a.locale.localeCompare(b.locale)),
    })),
    next: more ? documentIds.at(-1)! : null,
  };
}

export interface GroupSummary {
  count: number;
  /** The newest updatedAt of the group, null when it is empty. */
  updatedAt: string | null;
}

export interface CategorySummary {
  documentId: string;
  slug: string;
  articleCount: number;
  updatedAt: string | null;
}

export interface LocaleSummary {
  articles: GroupSummary;
  certificates: GroupSummary;
  categories: CategorySummary[];
}

const emptyGroup = (): GroupSummary => ({ count: 0, updatedAt: null });

async function groupSummaries(strapi: Core.Strapi, type: SitemapType): Promise<Map<string, GroupSummary>> {
  const rows: Row[] = await knexOf(strapi)(tableOf(strapi, SITEMAP_TYPES[type]))
    .select('locale')
    .count({ count: '*' })
    .max({ newest: 'updated_at' })
    .whereNotNull('published_at')
    .groupBy('locale');
  return new Map(
    rows.map((row) => [String(row.locale), { count: Number(row.count), updatedAt: isoTimestamp(row.newest) }]),
  );
}

/** The batch ends of one locale and type, as SQL: exported so the tests can EXPLAIN it. */
export function endsQuery(knex: Knex, table: string, locale: string, every: number): QueryBuilder {
  return knex
    .select('document_id')
    .from(
      knex(table)
        .select(
          'document_id',
          knex.raw('row_number() over (order by document_id) as position'),
          knex.raw('count(*) over () as total'),
        )
        .where('locale', locale)
        .whereNotNull('published_at')
        .as('ranked'),
    )
    .whereRaw('position % ? = 0 and position < total', [every])
    .orderBy('position');
}

/**
 * The documentId ending each full batch of `every` of `locale`'s published `type` but the last,
 * in order: batch i is (ends[i-1], ends[i]], the last one open-ended. Read off the index.
 */
export async function sitemapEnds(
  strapi: Core.Strapi,
  type: SitemapType,
  locale: string,
  every: number,
): Promise<string[]> {
  const rows: Row[] = await endsQuery(knexOf(strapi), tableOf(strapi, SITEMAP_TYPES[type]), locale, every);
  return rows.map((row) => String(row.document_id));
}

/** Every published category of each locale with the number and newest change of its published articles there. */
async function categorySummaries(strapi: Core.Strapi): Promise<Map<string, CategorySummary[]>> {
  const knex = knexOf(strapi);
  const articleMeta = strapi.db.metadata.get(SITEMAP_TYPES.articles);
  const link = (articleMeta.attributes.category as { joinTable?: Row }).joinTable as {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
  };
  const articles = articleMeta.tableName;
  const categories = tableOf(strapi, CATEGORY_UID);
  // Grouped from the articles side, so PostgreSQL reads the published articles off the sitemap
  // index (id included) instead of every row of the table.
  const perCategory = knex({ a: articles })
    .join({ l: link.name }, `l.${link.joinColumn.name}`, 'a.id')
    .select({ category: `l.${link.inverseJoinColumn.name}` }, 'a.locale')
    .count({ count: '*' })
    .max({ newest: 'a.updated_at' })
    .whereNotNull('a.published_at')
    .groupBy(`l.${link.inverseJoinColumn.name}`, 'a.locale')
    .as('x');
  const rows: Row[] = await knex({ c: categories })
    .select('c.locale', 'c.document_id', 'c.slug', 'x.count', 'x.newest')
    .leftJoin(perCategory, (join) => {
      join.on('x.category', '=', 'c.id').andOn('x.locale', '=', 'c.locale');
    })
    .whereNotNull('c.published_at')
    .orderBy([{ column: 'c.locale' }, { column: 'c.name' }, { column: 'c.document_id' }]);
  const byLocale = new Map<string, CategorySummary[]>();
  for (const row of rows) {
    const list = byLocale.get(String(row.locale)) ?? [];
    list.push({
      documentId: String(row.document_id),
      slug: String(row.slug),
      articleCount: Number(row.count ?? 0),
      updatedAt: isoTimestamp(row.newest),
    });
    byLocale.set(String(row.locale), list);
  }
  return byLocale;
}

/** Counts and newest changes of every locale that has published content. */
export async function sitemapSummary(strapi: Core.Strapi): Promise<Record<string, LocaleSummary>> {
  const [articles, certificates, categories] = await Promise.all([
    groupSummaries(strapi, 'articles'),
    groupSummaries(strapi, 'certificates'),
    categorySummaries(strapi),
  ]);
  const locales = new Set([...articles.keys(), ...certificates.keys(), ...categories.keys()]);
  return Object.fromEntries(
    [...locales].sort().map((locale) => [
      locale,
      {
        articles: articles.get(locale) ?? emptyGroup(),
        certificates: certificates.get(locale) ?? emptyGroup(),
        categories: categories.get(locale) ?? [],
      },
    ]),
  );
}
