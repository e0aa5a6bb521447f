import { normalizeSearchText, SEARCH_MAX_LENGTH, type SearchText } from '@medee/contract';
import { singleSearchParam, type SearchParamValue } from './search-params';

/** Longest search the site runs; longer ones get a message instead of a CMS query. */
export const MAX_SEARCH_LENGTH = SEARCH_MAX_LENGTH;

export type SearchQuery = SearchText;

/**
 * Reads `?q=` the way the CMS reads it (@medee/contract normalizeSearchText): control
 * characters read as spaces, trimmed, inner whitespace collapsed, Unicode NFC. Absent, blank or
 * repeated → empty; longer than MAX_SEARCH_LENGTH characters → too-long.
 */
export function parseSearchQuery(value: SearchParamValue): SearchQuery {
  const raw = singleSearchParam(value);
  return raw ? normalizeSearchText(raw) : { kind: 'empty' };
}
