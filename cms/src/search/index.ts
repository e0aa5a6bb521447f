import type { Core } from '@strapi/strapi';
import { rows } from './rows';

// Article search's tables and indexes, beside Strapi's own schema (Strapi keeps tables it did not
// create). Created on every start with IF NOT EXISTS and filled from the published rows when they
// differ, so an existing database gets them on its next start.
//
// Both databases keep a compact copy of the published rows' searchable fields
// (articles_search_rows, id = articles.id), written by triggers on `articles`: publish inserts a
// row, unpublish and delete remove it, bulk loads by the bench's generator included. The articles
// rows carry the body: reading thousands of them for a common term cost more than the search.
// - PostgreSQL: GIN indexes over the lower-cased title and summary: pg_trgm for terms of 3+
//   characters (`LIKE '%term%'` reads it), and the text's distinct characters and character
//   pairs (medee_search_grams) for 1–2 character terms, which have no trigram (a Chinese word is
//   often two characters).
// - SQLite: an FTS5 trigram index over the copy (articles_search); 1–2 character terms scan the
//   copy's rows of the locale (src/search/query.ts).

type Transaction = Parameters<Parameters<Core.Strapi['db']['connection']['transaction']>[0]>[0];

export const SEARCH_TABLE = 'articles_search';
export const SEARCH_ROWS = 'articles_search_rows';

const POSTGRES_STATEMENTS = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  // One text per row; every query spells the indexed expression exactly this way.
  `CREATE OR REPLACE FUNCTION medee_search_text(title text, summary text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT lower(coalesce(title, '') || ' ' || coalesce(summary, '')) $$`,
  // Distinct characters and pairs of adjacent characters, whitespace left out (a search text is
  // trimmed, so a 1–2 character term never contains any).
  `CREATE OR REPLACE FUNCTION medee_search_grams(value text) RETURNS text[]
     LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
     AS $$ SELECT coalesce(array_agg(DISTINCT gram), '{}') FROM (
       SELECT substr(value, i, 1) AS gram FROM generate_series(1, length(value)) AS i
       UNION ALL SELECT substr(value, i, 2) FROM generate_series(1, length(value) - 1) AS i
     ) AS grams WHERE gram !~ '\\s' $$`,
  `CREATE TABLE IF NOT EXISTS ${SEARCH_ROWS} (
     id integer PRIMARY KEY, document_id varchar(255) NOT NULL, locale varchar(255) NOT NULL, posted_at date,
     title text NOT NULL, summary text NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${SEARCH_ROWS}_locale_posted_idx ON ${SEARCH_ROWS} (locale, posted_at)`,
  `CREATE INDEX IF NOT EXISTS ${SEARCH_ROWS}_trgm_idx ON ${SEARCH_ROWS}
     USING gin (medee_search_text(title, summary) gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS ${SEARCH_ROWS}_grams_idx ON ${SEARCH_ROWS}
     USING gin (medee_search_grams(medee_search_text(title, summary)))`,
  `CREATE OR REPLACE FUNCTION medee_${SEARCH_ROWS}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP IN ('UPDATE', 'DELETE') THEN DELETE FROM ${SEARCH_ROWS} WHERE id = OLD.id; END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.published_at IS NOT NULL THEN
       INSERT INTO ${SEARCH_ROWS} (id, document_id, locale, posted_at, title, summary)
       VALUES (NEW.id, NEW.document_id, NEW.locale, NEW.posted_at, NEW.title, coalesce(NEW.summary, ''));
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER ${SEARCH_ROWS}_sync AFTER INSERT OR UPDATE OR DELETE ON articles
     FOR EACH ROW EXECUTE FUNCTION medee_${SEARCH_ROWS}_sync()`,
];

// The FTS5 table indexes the copy (external content); the same triggers write both.
const SQLITE_TABLES = [
  `CREATE TABLE IF NOT EXISTS ${SEARCH_ROWS} (
     id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, locale TEXT NOT NULL, posted_at TEXT,
     title TEXT NOT NULL, summary TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${SEARCH_ROWS}_locale_posted_idx ON ${SEARCH_ROWS} (locale, posted_at)`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_TABLE} USING fts5(title, summary,
     content = '${SEARCH_ROWS}', content_rowid = 'id', tokenize = 'trigram')`,
];

const removeRow = (row: string) => `
  INSERT INTO ${SEARCH_TABLE} (${SEARCH_TABLE}, rowid, title, summary)
    SELECT 'delete', id, title, summary FROM ${SEARCH_ROWS} WHERE id = ${row}.id;
  DELETE FROM ${SEARCH_ROWS} WHERE id = ${row}.id;`;
const addRow = (condition: string) => `
  INSERT INTO ${SEARCH_ROWS} (id, document_id, locale, posted_at, title, summary)
    SELECT new.id, new.document_id, new.locale, new.posted_at, new.title, coalesce(new.summary, '') WHERE ${condition};
  INSERT INTO ${SEARCH_TABLE} (rowid, title, summary)
    SELECT new.id, new.title, coalesce(new.summary, '') WHERE ${condition};`;

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_insert AFTER INSERT ON articles WHEN new.published_at IS NOT NULL
   BEGIN ${addRow('1')} END`,
  `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_delete AFTER DELETE ON articles WHEN old.published_at IS NOT NULL
   BEGIN ${removeRow('old')} END`,
  `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_update
     AFTER UPDATE OF title, summary, published_at, posted_at, locale, document_id ON articles
   BEGIN ${removeRow('old')} ${addRow('new.published_at IS NOT NULL')} END`,
];

/**
 * Refills the compact rows when they are not exactly the published rows: first start on an
 * existing database, or rows written while the triggers were missing (Strapi recreates a SQLite
 * table to change a column, and its triggers go with it).
 */
async function backfill(strapi: Core.Strapi, trx: Transaction, rebuildFts: boolean): Promise<void> {
  const [{ indexed }] = rows(await trx.raw(`SELECT count(*) AS indexed FROM ${SEARCH_ROWS}`));
  const [{ published }] = rows(
    await trx.raw('SELECT count(*) AS published FROM articles WHERE published_at IS NOT NULL'),
  );
  if (Number(indexed) === Number(published)) return;
  strapi.log.info(`search: indexing ${published} published article rows`);
  await trx.raw(`DELETE FROM ${SEARCH_ROWS}`);
  await trx.raw(
    `INSERT INTO ${SEARCH_ROWS} (id, document_id, locale, posted_at, title, summary)
     SELECT id, document_id, locale, posted_at, title, coalesce(summary, '') FROM articles WHERE published_at IS NOT NULL`,
  );
  if (rebuildFts) await trx.raw(`INSERT INTO ${SEARCH_TABLE} (${SEARCH_TABLE}) VALUES ('rebuild')`);
}

/** Creates the search indexes if missing and fills them from the published articles. Idempotent. */
export async function bootstrapSearch(strapi: Core.Strapi): Promise<void> {
  const client = strapi.db.dialect.client;
  if (client !== 'postgres' && client !== 'sqlite') {
    throw new Error(`search: no index for the ${client} database; medee runs on PostgreSQL or SQLite`);
  }
  const statements = client === 'postgres' ? POSTGRES_STATEMENTS : [...SQLITE_TABLES, ...SQLITE_TRIGGERS];
  await strapi.db.connection.transaction(async (trx) => {
    for (const statement of statements) await trx.raw(statement);
    await backfill(strapi, trx, client === 'sqlite');
  });
}
