import type { Core } from '@strapi/strapi';
import { SEARCH_MAX_RESULTS, SEARCH_PAGE_SIZE, type SearchHighlight } from '@medee/contract';
import { highlight } from './highlight';
import { SEARCH_TABLE } from './index';

const ARTICLE_UID = 'api::article.article';

interface Hit {
  document_id: string;
}

/** A raw SELECT's rows: knex hands back PostgreSQL's result object but SQLite's row array. */
// biome-ignore lint/suspicious/noExplicitAny: rows of a raw query
const rows = (result: any): any[] => (Array.isArray(result) ? result : result.rows);

// The news list's summary fields (web/lib/strapi/index.ts articleListQuery), read through the
// Document Service so the answer has the content API's shape.
const SUMMARY_FIELDS = ['title', 'slug', 'summary', 'postedAt', 'updatedAt', 'locale', 'coverAlt'];
const SUMMARY_POPULATE = {
  category: { fields: ['name', 'slug'] },
  cover: { fields: ['url', 'alternativeText', 'caption', 'width', 'height'] },
};

async function readSummaries(strapi: Core.Strapi, locale: string, hits: Hit[]) {
  const order = hits.map((hit) => hit.document_id);
  const found = (await strapi.documents(ARTICLE_UID).findMany({
    locale,
    status: 'published',
    filters: { documentId: { $in: order } },
    fields: SUMMARY_FIELDS,
    populate: SUMMARY_POPULATE,
  } as never)) as unknown as Array<Record<string, unknown> & { documentId: string }>;
  const byId = new Map(found.map((document) => [document.documentId, document]));
  // Unpublished between the two reads: left out.
  return order.flatMap((documentId) => byId.get(documentId) ?? []);
}

export interface SearchPage {
  data: Array<Record<string, unknown> & { highlight: SearchHighlight }>;
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

// Relevance on PostgreSQL and in SQLite's short-term scan: a title match outranks a summary match.
// On SQLite's FTS5 path, bm25 with the title weighted 10× the summary, which also counts how
// often and how densely the text occurs. Then newest first, then documentId (stable pages).

interface Matcher {
  /** FROM … WHERE … selecting the matching published rows of the locale, with `score` (higher first). */
  from: string;
  fromBindings: unknown[];
  score: string;
  scoreBindings: unknown[];
}

function postgresMatcher(text: string, locale: string): Matcher {
  const length = [...text].length;
  if (length <= 2) {
    const pattern = likeLiteral(text);
    return {
      from: `articles a WHERE a.published_at IS NOT NULL AND a.locale = ?
        AND medee_search_grams(medee_search_text(a.title, a.summary)) @> ARRAY[lower(?)]`,
      fromBindings: [locale, text],
      score: `(CASE WHEN lower(a.title) LIKE lower(?) ESCAPE '\\' THEN 2 ELSE 0 END)`,
      scoreBindings: [pattern],
    };
  }
  const pattern = likeLiteral(text);
  return {
    from: `articles a WHERE a.published_at IS NOT NULL AND a.locale = ?
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
      from: `articles a WHERE a.published_at IS NOT NULL AND a.locale = ? AND (${inTitle} OR ${inSummary})`,
      fromBindings: [locale, ...spellings, ...spellings],
      score: `(CASE WHEN ${inTitle} THEN 2 ELSE 0 END)`,
      scoreBindings: spellings,
    };
  }
  // One FTS5 phrase: the trigram tokenizer matches it as a case-insensitive substring.
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return {
    from: `${SEARCH_TABLE} s JOIN articles a ON a.id = s.rowid WHERE ${SEARCH_TABLE} MATCH ? AND a.locale = ?`,
    // bm25 is lower for better matches.
    fromBindings: [phrase, locale],
    score: `-bm25(${SEARCH_TABLE}, 10.0, 1.0)`,
    scoreBindings: [],
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
  const [{ total }] = rows(
    await knex.raw(
      `SELECT count(*) AS total FROM (SELECT 1 FROM ${matcher.from} LIMIT ${SEARCH_MAX_RESULTS + 1}) AS matches`,
      matcher.fromBindings,
    ),
  );
  const counted = Math.min(Number(total), SEARCH_MAX_RESULTS);
  const hits: Hit[] =
    offset < counted
      ? rows(
          await knex.raw(
            `SELECT a.document_id, ${matcher.score} AS score FROM ${matcher.from}
             ORDER BY score DESC, a.posted_at DESC, a.document_id DESC LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`,
            [...matcher.scoreBindings, ...matcher.fromBindings],
          ),
        )
      : [];
  const documents = hits.length > 0 ? await readSummaries(strapi, locale, hits) : [];
  return {
    data: documents.map((document) => ({
      ...document,
      highlight: highlight(String(document.title), (document.summary as string | null) ?? null, text),
    })),
    meta: {
      pagination: {
        page,
        pageSize: SEARCH_PAGE_SIZE,
        pageCount: Math.ceil(counted / SEARCH_PAGE_SIZE),
        total: counted,
      },
      totalCapped: Number(total) > SEARCH_MAX_RESULTS,
    },
  };
}
