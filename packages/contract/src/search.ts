// Article search: the text the site sends and the CMS accepts (normalized the same way on both
// sides), the page size, and the answer's highlight shape.

/** Longest search text in code points (a CJK character or an emoji counts once). */
export const SEARCH_MAX_LENGTH = 100;

/** Results per page of GET /api/articles/search; the same as the news list. */
export const SEARCH_PAGE_SIZE = 10;

/**
 * Results a search reaches at most: past this the total reads "1000+" (`meta.pagination.totalCapped`)
 * and pages past SEARCH_MAX_RESULTS / SEARCH_PAGE_SIZE are refused, so no request skips through
 * thousands of ranked rows.
 */
export const SEARCH_MAX_RESULTS = 1000;

export type SearchText = { kind: 'empty' } | { kind: 'too-long'; length: number } | { kind: 'ok'; text: string };

/**
 * Invisible characters that come along when text is copied from a web page or a document
 * (zero-width space, soft hyphen, word joiner, byte order mark): stored titles do not have them
 * inside words, so a query keeping them would match nothing. Joining controls (ZWJ, ZWNJ) stay:
 * the traditional Mongolian script needs them.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/gu;

/**
 * Control characters read as spaces (nobody types them), invisible ones dropped, trimmed, inner
 * whitespace collapsed, Unicode NFC (so a decomposed Cyrillic "й" matches the stored composed
 * one). Blank → empty; longer than SEARCH_MAX_LENGTH code points → too-long.
 */
export function normalizeSearchText(raw: string): SearchText {
  const text = raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  if (text === '') return { kind: 'empty' };
  const length = [...text].length;
  if (length > SEARCH_MAX_LENGTH) return { kind: 'too-long', length };
  return { kind: 'ok', text };
}

/** A matched range of a string: [start, end) in UTF-16 code units, as String.prototype.slice takes them. */
export type MatchRange = readonly [start: number, end: number];

/** Where a search result matched: ranges in its title, and an excerpt of its summary with ranges in it. */
export interface SearchHighlight {
  title: MatchRange[];
  /** The part of the summary around the first match (the summary's start when only the title matched). */
  snippet: { text: string; ranges: MatchRange[]; cutStart: boolean; cutEnd: boolean } | null;
}
