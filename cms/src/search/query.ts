import type { Core } from '@strapi/strapi';
import { SEARCH_MAX_RESULTS, SEARCH_PAGE_SIZE, type SearchHighlight } from '@medee/contract';
import { highlight } from './highlight';
import { SEARCH_ROWS, SEARCH_TABLE } from './index';
import { rows } from './rows';

const ARTICLE_UID = 'api::article.article';

interface Hit {
  id: number | string;
  document_id: string;
  total: number | string;
}

// The news list's summary fields (web/lib/strapi/index.ts articleListQuery) in the content API's
// shape, read in one query by row id: through the Document Service the same ten took 60–80 ms
// at 10k articles per locale, more than the search itself.
interface SummaryRow {
  id: number;
  document_id: string;
  title: string;
  slug: string;
  summary: string | null;
  posted_at: string;
  updated_at: Date | number | string;
  locale: string;
  cover_alt: string | null;
  category_id: number | null;
  category_document_id: string | null;
  category_name: string | null;
  category_slug: string | null;
  cover_id: number | null;
  cover_document_id: string | null;
  cover_url: string | null;
  cover_alternative_text: string | null;
  cover_caption: string | null;
  cover_width: number | null;
  cover_height: number | null;
}

async function readSummaries(strapi: Core.Strapi, hits: Hit[]) {
  const knex = strapi.db.connection;
  const found: SummaryRow[] = await knex('articles as a')
    .leftJoin('articles_category_lnk as l', 'l.article_id', 'a.id')
    .leftJoin('categories as c', 'c.id', 'l.category_id')
    .leftJoin('files_related_mph as m', (join) => {
      join.on('m.related_id', 'a.id').andOnVal('m.related_type', ARTICLE_UID).andOnVal('m.field', 'cover');
    })
    .leftJoin('files as f', 'f.id', 'm.file_id')
    .whereIn(
      'a.id',
      hits.map((hit) => hit.id),
    )
    .select(
      'a.id',
      'a.document_id',
      'a.title',
      'a.slug',
      'a.summary',
      // A calendar date as stored, not a Date at the server's midnight (PostgreSQL `date`).
      knex.raw('CAST(a.posted_at AS TEXT) AS posted_at'),
      'a.updated_at',
      'a.locale',
      'a.cover_alt',
      'c.id as category_id',
      'c.document_id as category_document_id',
      'c.name as category_name',
      'c.slug as category_slug',
      'f.id as cover_id',
      'f.document_id as cover_document_id',
      'f.url as cover_url',
      'f.alternative_text as cover_alternative_text',
      'f.caption as cover_caption',
      'f.width as cover_width',
      'f.height as cover_height',
    );
  const byId = new Map(found.map((row) => [Number(row.id), row]));
  // Unpublished between the two reads: left out.
  return hits.flatMap((hit) => {
    const row = byId.get(Number(hit.id));
    if (!row) return [];
    return {
      id: Number(row.id),
      documentId: row.document_id,
      title: row.title,
      slug: row.slug,
      summary: row.summary,
      postedAt: row.posted_at,
      // SQLite keeps milliseconds, PostgreSQL a timestamp: the content API answers ISO 8601 in UTC.
      updatedAt: new Date(row.updated_at).toISOString(),
      locale: row.locale,
      coverAlt: row.cover_alt,
      category:
        row.category_id === null
          ? null
          : {
              id: row.category_id,
              documentId: row.category_document_id,
              name: row.category_name,
              slug: row.category_slug,
            },
      cover:
        row.cover_id === null
          ? null
          : {
              id: row.cover_id,
              documentId: row.cover_document_id,
              url: row.cover_url,
              alternativeText: row.cover_alternative_text,
              caption: row.cover_caption,
              width: row.cover_width,
              height: row.cover_height,
            },
    };
  });
}

export interface SearchPage {
  data: Array<Awaited<ReturnType<typeof readSummaries>>[number] & { highlight: SearchHighlight }>;
  meta: {
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
    /** More than SEARCH_MAX_RESULTS matched; `total` is SEARCH_MAX_RESULTS. */
    totalCapped: boolean;
  };
}

/** `text` with LIKE's wildcards and its escape character taken literally (`ESCAPE '\'`). */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Every spelling of a 1–2 character term with each character in lower or upper case: SQLite's instr() has no case folding. */
function caseSpellings(text: string): string[] {
  let spellings = [''];
  for (const character of text) {
    const cases = new Set([character.toLowerCase(), character.toUpperCase(), character]);
    spellings = spellings.flatMap((prefix) => [...cases].map((each) => prefix + each));
  }
  return [...new Set(spellings)];
}

// Relevance, the same on both databases and every path: a title match outranks a summary match;
// then newest first, then documentId (stable pages). (bm25 on SQLite cost twice the time of the
// whole query for a common term and ranked differently from PostgreSQL.)

interface Matcher {
  /** FROM … WHERE … selecting the matching published rows of the locale, with `score` (higher first). */
  from: string;
  fromBindings: unknown[];
  score: string;
  scoreBindings: unknown[];
}

function postgresMatcher(text: string, locale: string): Matcher {
  const pattern = likeLiteral(text);
  if ([...text].length <= 2) {
    return {
      from: `${SEARCH_ROWS} a WHERE a.locale = ?
        AND medee_search_grams(medee_search_text(a.title, a.summary)) @> ARRAY[lower(?)]`,
      fromBindings: [locale, text],
      score: `(CASE WHEN lower(a.title) LIKE lower(?) ESCAPE '\\' THEN 2 ELSE 0 END)`,
      scoreBindings: [pattern],
    };
  }
  return {
    from: `${SEARCH_ROWS} a WHERE a.locale = ?
      AND medee_search_text(a.title, a.summary) LIKE lower(?) ESCAPE '\\'`,
    fromBindings: [locale, pattern],
    score: `(CASE WHEN lower(a.title) LIKE lower(?) ESCAPE '\\' THEN 2 ELSE 0 END)`,
    scoreBindings: [pattern],
  };
}

function sqliteMatcher(text: string, locale: string): Matcher {
  if ([...text].length <= 2) {
    const spellings = caseSpellings(text);
    const inTitle = spellings.map(() => 'instr(a.title, ?) > 0').join(' OR ');
    const inSummary = spellings.map(() => 'instr(a.summary, ?) > 0').join(' OR ');
    return {
      from: `${SEARCH_ROWS} a WHERE a.locale = ? AND (${inTitle} OR ${inSummary})`,
      fromBindings: [locale, ...spellings, ...spellings],
      score: `(CASE WHEN ${inTitle} THEN 2 ELSE 0 END)`,
      scoreBindings: spellings,
    };
  }
  // One FTS5 phrase: the trigram tokenizer matches it as a case-insensitive substring. The title
  // matches are a second lookup in the same index (a column filter), read once per query.
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return {
    from: `${SEARCH_TABLE} s JOIN ${SEARCH_ROWS} a ON a.id = s.rowid WHERE ${SEARCH_TABLE} MATCH ? AND a.locale = ?`,
    fromBindings: [phrase, locale],
    score: `(CASE WHEN s.rowid IN (SELECT rowid FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?) THEN 2 ELSE 0 END)`,
    scoreBindings: [`title : ${phrase}`],
  };
}

/**
 * One page of the published articles of `locale` whose title or summary contains `text`
 * (case-insensitive; `text` already normalized: @medee/contract normalizeSearchText), most
 * relevant first, in the news list's summary shape plus where each matched.
 */
export async function searchArticles(
  strapi: Core.Strapi,
  locale: string,
  text: string,
  page: number,
): Promise<SearchPage> {
  const knex = strapi.db.connection;
  const matcher = strapi.db.dialect.client === 'postgres' ? postgresMatcher(text, locale) : sqliteMatcher(text, locale);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // Ranking reads every match anyway, so the same pass counts them.
  const hits: Hit[] = rows(
    await knex.raw(
      `SELECT a.id, a.document_id, ${matcher.score} AS score, count(*) OVER () AS total FROM ${matcher.from}
       ORDER BY score DESC, a.posted_at DESC, a.document_id DESC LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`,
      [...matcher.scoreBindings, ...matcher.fromBindings],
    ),
  );
  // A page past the last has no rows to carry the count.
  const total =
    hits.length > 0
      ? Number(hits[0]!.total)
      : page === 1
        ? 0
        : Number(
            rows(
              await knex.raw(
                `SELECT count(*) AS total FROM (SELECT 1 FROM ${matcher.from} LIMIT ${SEARCH_MAX_RESULTS + 1}) AS matches`,
                matcher.fromBindings,
              ),
            )[0].total,
          );
  const counted = Math.min(total, SEARCH_MAX_RESULTS);
  const documents = hits.length > 0 ? await readSummaries(strapi, hits) : [];
  return {
    data: documents.map((document) => ({
      ...document,
      highlight: highlight(document.title, document.summary, text),
    })),
    meta: {
      pagination: {
        page,
        pageSize: SEARCH_PAGE_SIZE,
        pageCount: Math.ceil(counted / SEARCH_PAGE_SIZE),
        total: counted,
      },
      totalCapped: total > SEARCH_MAX_RESULTS,
    },
  };
}
