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
// SQLite: an FTS5 table with the trigram tokenizer (articles_search, rowid = articles.id) holding
// the published rows, kept in step by triggers on `articles` (publish inserts a row, unpublish
// and delete remove it: bulk loads by the bench's generator included). 1–2 character terms scan
// the locale's published rows (src/search/query.ts).

export const SEARCH_TABLE = 'articles_search';

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

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_insert AFTER INSERT ON articles WHEN new.published_at IS NOT NULL
   BEGIN INSERT INTO ${SEARCH_TABLE} (rowid, title, summary) VALUES (new.id, new.title, coalesce(new.summary, '')); END`,
  `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_delete AFTER DELETE ON articles WHEN old.published_at IS NOT NULL
   BEGIN DELETE FROM ${SEARCH_TABLE} WHERE rowid = old.id; END`,
  `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_update AFTER UPDATE OF title, summary, published_at ON articles
   BEGIN
     DELETE FROM ${SEARCH_TABLE} WHERE rowid = old.id;
     INSERT INTO ${SEARCH_TABLE} (rowid, title, summary)
       SELECT new.id, new.title, coalesce(new.summary, '') WHERE new.published_at IS NOT NULL;
   END`,
];

async function ensureSqliteIndex(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  await knex.transaction(async (trx) => {
    await trx.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_TABLE} USING fts5(title, summary, tokenize = 'trigram')`,
    );
    for (const statement of SQLITE_TRIGGERS) await trx.raw(statement);
    // Rebuilt when it does not hold exactly the published rows: first start on an existing
    // database, or rows written while the triggers were missing (Strapi recreates a SQLite table
    // to change a column, and its triggers go with it).
    const [{ indexed }] = await trx.raw(`SELECT count(*) AS indexed FROM ${SEARCH_TABLE}`);
    const [{ published }] = await trx.raw('SELECT count(*) AS published FROM articles WHERE published_at IS NOT NULL');
    if (Number(indexed) === Number(published)) return;
    strapi.log.info(`search: indexing ${published} published article rows`);
    await trx.raw(`DELETE FROM ${SEARCH_TABLE}`);
    await trx.raw(
      `INSERT INTO ${SEARCH_TABLE} (rowid, title, summary)
       SELECT id, title, coalesce(summary, '') FROM articles WHERE published_at IS NOT NULL`,
    );
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
