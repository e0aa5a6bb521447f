import type { MatchRange, SearchHighlight } from '@medee/contract';

// Characters of summary shown around the first match; the site shows the excerpt, not the whole summary.
const SNIPPET_LENGTH = 200;
// How much of the excerpt comes before the first match, so the reader sees what leads up to it.
const SNIPPET_LEAD = 60;

/** Every non-overlapping, case-insensitive (Unicode: Ө/ө, Ү/ү) occurrence of `text` in `value`. */
function matchRanges(value: string, text: string): MatchRange[] {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  return [...value.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length] as const);
}

/** Whether `index` splits a surrogate pair, so an excerpt never starts or ends on half a character. */
const splitsPair = (value: string, index: number) =>
  index > 0 && index < value.length && /[\uDC00-\uDFFF]/.test(value[index]!);

/**
 * Where `text` occurs in a result's title and summary. Plain text and offsets only: the site
 * renders the marks itself, so nothing from an article is ever read as HTML.
 */
export function highlight(title: string, summary: string | null, text: string): SearchHighlight {
  const titleRanges = matchRanges(title, text);
  if (!summary) return { title: titleRanges, snippet: null };
  const ranges = matchRanges(summary, text);
  let start = ranges.length > 0 ? Math.max(0, ranges[0]![0] - SNIPPET_LEAD) : 0;
  if (summary.length <= SNIPPET_LENGTH) start = 0;
  else start = Math.min(start, summary.length - SNIPPET_LENGTH);
  if (splitsPair(summary, start)) start -= 1;
  let end = Math.min(summary.length, start + SNIPPET_LENGTH);
  if (splitsPair(summary, end)) end += 1;
  return {
    title: titleRanges,
    snippet: {
      text: summary.slice(start, end),
      ranges: ranges
        .filter(([from, to]) => from >= start && to <= end)
        .map(([from, to]) => [from - start, to - start] as const),
      cutStart: start > 0,
      cutEnd: end < summary.length,
    },
  };
}
