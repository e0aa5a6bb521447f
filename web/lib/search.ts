import { singleSearchParam, type SearchParamValue } from './search-params';

/** Longest search the site runs; longer ones get a message instead of a CMS query. */
export const MAX_SEARCH_LENGTH = 100;

export type SearchQuery = { kind: 'empty' } | { kind: 'too-long'; length: number } | { kind: 'ok'; text: string };

/**
 * Reads `?q=`: control characters read as spaces (nobody types them; the CMS
 * refuses them), trimmed, inner whitespace collapsed, Unicode NFC (so a
 * decomposed Cyrillic "й" matches the stored composed one). Absent, blank or
 * repeated → empty; longer than MAX_SEARCH_LENGTH characters → too-long.
 */
export function parseSearchQuery(value: SearchParamValue): SearchQuery {
  const raw = singleSearchParam(value);
  if (!raw) return { kind: 'empty' };
  const text = raw
    .normalize('NFC')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  if (text === '') return { kind: 'empty' };
  // Code points, not UTF-16 units: a CJK character or an emoji counts once.
  const length = [...text].length;
  if (length > MAX_SEARCH_LENGTH) return { kind: 'too-long', length };
  return { kind: 'ok', text };
}

/**
 * The spellings of `text` to look for with Strapi's `$containsi`.
 *
 * `$containsi` lower-cases both sides in SQL, which PostgreSQL does for every
 * script but SQLite only for ASCII: there "мэргэшсэн" would not find
 * "Мэргэшсэн". Searching the text as typed, in lower case, in upper case and
 * capitalized covers how titles are written (sentence case) on every
 * database. CJK has no case, so it yields one spelling.
 */
export function caseVariants(text: string): string[] {
  const lower = text.toLocaleLowerCase();
  const capitalized = lower.replace(/^\p{Ll}/u, (first) => first.toLocaleUpperCase());
  return [...new Set([text, lower, text.toLocaleUpperCase(), capitalized])];
}
