/** A search param as Next.js hands it to a page: absent, once, or repeated (`?page=1&page=2`). */
export type SearchParamValue = string | string[] | undefined;

/** The value of a search param that may appear once; a repeated one counts as invalid. */
export function singleSearchParam(value: SearchParamValue): string | undefined | null {
  if (Array.isArray(value)) return null;
  return value;
}

// Far past any real page; keeps absurd values like ?page=1e99 out of CMS queries.
const LARGEST_PAGE_NUMBER = 10_000;

/**
 * Reads the news list's `?page=`: absent means page 1; otherwise it must be a
 * plain positive integer ("2", not "02", "2.0", "0", "-1" or "abc"). Returns
 * null for anything else, which the page answers with 404.
 */
export function parsePageParam(value: SearchParamValue): number | null {
  const raw = singleSearchParam(value);
  if (raw === undefined) return 1;
  if (raw === null || !/^[1-9]\d*$/.test(raw)) return null;
  const page = Number(raw);
  return page <= LARGEST_PAGE_NUMBER ? page : null;
}
