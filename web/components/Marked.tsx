import type { MatchRange } from '@medee/contract';

interface MarkedProps {
  text: string;
  /** Sorted, non-overlapping [start, end) ranges of `text` (the CMS's search highlight). */
  ranges: readonly MatchRange[];
}

/**
 * `text` with `ranges` wrapped in <mark>. Text nodes only: an article's title or summary is never
 * read as HTML, whatever it contains.
 */
export function Marked({ text, ranges }: MarkedProps) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
