import type { Core } from '@strapi/strapi';

// Article search's indexes, beside Strapi's own schema (Strapi keeps indexes and tables it did not
// create: src/api/article's schema.json cannot declare an expression index or a virtual table).
// Created on every start with IF NOT EXISTS, so an existing database gets them (and its rows) on
// its next start.
//
// PostgreSQL: two partial GIN indexes over the published rows' lower-cased title and summary.
//   - pg_trgm for terms of 3+ characters (`LIKE '%term%'` reads the index);
//   - the text's distinct characters and character pairs (medee_search_grams) for 1–2 character
//     terms, which have no trigram: a Chinese word is often two characters.
// SQLite: a compact copy of the published rows' searchable fields (articles_search_rows, id =
// articles.id) and an FTS5 table with the trigram tokenizer over it (articles_search), kept in
// step by triggers on `articles` (publish inserts a row, unpublish and delete remove it: bulk
// loads by the bench's generator included). 1–2 character terms scan the compact rows of the
// locale (src/search/query.ts).

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
  `CREATE INDEX IF NOT EXISTS articles_search_trgm_idx ON articles
     USING gin (medee_search_text(title, summary) gin_trgm_ops) WHERE published_at IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS articles_search_grams_idx ON articles
     USING gin (medee_search_grams(medee_search_text(title, summary))) WHERE published_at IS NOT NULL`,
];

// The published rows' searchable fields, compact: the articles table's rows carry the body, and
// scanning them for a 1–2 character term read most of the file. The FTS5 table indexes this one
// (external content), and both are written by the same triggers.
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

async function ensureSqliteIndex(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  await knex.transaction(async (trx) => {
    for (const statement of [...SQLITE_TABLES, ...SQLITE_TRIGGERS]) await trx.raw(statement);
    // Refilled when it does not hold exactly the published rows: first start on an existing
    // database, or rows written while the triggers were missing (Strapi recreates a SQLite table
    // to change a column, and its triggers go with it).
    const [{ indexed }] = await trx.raw(`SELECT count(*) AS indexed FROM ${SEARCH_ROWS}`);
    const [{ published }] = await trx.raw('SELECT count(*) AS published FROM articles WHERE published_at IS NOT NULL');
    if (Number(indexed) === Number(published)) return;
    strapi.log.info(`search: indexing ${published} published article rows`);
    await trx.raw(`DELETE FROM ${SEARCH_ROWS}`);
    await trx.raw(
      `INSERT INTO ${SEARCH_ROWS} (id, document_id, locale, posted_at, title, summary)
       SELECT id, document_id, locale, posted_at, title, coalesce(summary, '') FROM articles WHERE published_at IS NOT NULL`,
    );
    await trx.raw(`INSERT INTO ${SEARCH_TABLE} (${SEARCH_TABLE}) VALUES ('rebuild')`);
  });
}

/** Creates the search indexes if missing and fills them from the published articles. Idempotent. */
export async function bootstrapSearch(strapi: Core.Strapi): Promise<void> {
  const client = strapi.db.dialect.client;
  if (client === 'postgres') {
    for (const statement of POSTGRES_STATEMENTS) await strapi.db.connection.raw(statement);
  } else if (client === 'sqlite') {
    await ensureSqliteIndex(strapi);
  } else {
    throw new Error(`search: no index for the ${client} database; medee runs on PostgreSQL or SQLite`);
  }
}
