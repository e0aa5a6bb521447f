import { diffArrays, diffWordsWithSpace } from 'diff';
import { plainText, type InlineNode, type Unit } from './units';

/**
 * What changed in a source since a translation was confirmed against it, segment by segment.
 *
 * Block segment ids are positions (b0, b1 …), so a paragraph inserted at the top would shift
 * every id after it; the segments of each unit are therefore aligned by their text (a longest
 * common subsequence), and a removed segment followed by an added one at the same place counts
 * as one changed segment. A translation's segments carry the ids of the source it was made from,
 * so `before` ids name the target segments that need review.
 */
export type SegmentChange = 'same' | 'changed' | 'added' | 'removed';

export interface DiffPart {
  text: string;
  added?: boolean;
  removed?: boolean;
}

export interface SegmentDiff {
  unit: string;
  change: SegmentChange;
  /** The segment id in the source the translation was based on (absent for an added segment). */
  before?: string;
  /** The segment id in the current source (absent for a removed segment). */
  after?: string;
  beforeText?: string;
  afterText?: string;
  /** Word-level diff of a changed segment, old text to new. */
  parts?: DiffPart[];
}

type Keyed = { id: string; text: string; source: InlineNode[] };

const segmentsOf = (units: readonly Unit[]) =>
  new Map(
    units.map((unit) => [
      unit.id,
      unit.segments.map((s): Keyed => ({ id: s.id, text: plainText(s.source), source: s.source })),
    ]),
  );

/** A text key that also tells apart segments differing only in their marks or link targets. */
const keyOf = (segment: Keyed) => JSON.stringify(segment.source);

function diffUnit(unit: string, then: Keyed[], now: Keyed[]): SegmentDiff[] {
  const out: SegmentDiff[] = [];
  let removed: Keyed[] = [];
  let added: Keyed[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i += 1) {
      const [b, a] = [removed[i]!, added[i]!];
      out.push({
        unit,
        change: 'changed',
        before: b.id,
        after: a.id,
        beforeText: b.text,
        afterText: a.text,
        parts: diffWordsWithSpace(b.text, a.text).map(({ value, added: plus, removed: minus }) => ({
          text: value,
          ...(plus ? { added: true } : {}),
          ...(minus ? { removed: true } : {}),
        })),
      });
    }
    for (const b of removed.slice(pairs)) out.push({ unit, change: 'removed', before: b.id, beforeText: b.text });
    for (const a of added.slice(pairs)) out.push({ unit, change: 'added', after: a.id, afterText: a.text });
    removed = [];
    added = [];
  };
  const thenKeys = then.map(keyOf);
  const nowKeys = now.map(keyOf);
  let i = 0;
  let j = 0;
  for (const part of diffArrays(thenKeys, nowKeys)) {
    const count = part.value.length;
    if (part.removed) {
      removed.push(...then.slice(i, i + count));
      i += count;
    } else if (part.added) {
      added.push(...now.slice(j, j + count));
      j += count;
    } else {
      flush();
      for (let k = 0; k < count; k += 1) {
        const [b, a] = [then[i + k]!, now[j + k]!];
        out.push({ unit, change: 'same', before: b.id, after: a.id, beforeText: b.text, afterText: a.text });
      }
      i += count;
      j += count;
    }
  }
  flush();
  return out;
}

/** The segment diff of every unit, in the current source's order (removed units last). */
export function diffSource(then: readonly Unit[], now: readonly Unit[]): SegmentDiff[] {
  const before = segmentsOf(then);
  const after = segmentsOf(now);
  const out: SegmentDiff[] = [];
  for (const [unit, segments] of after) out.push(...diffUnit(unit, before.get(unit) ?? [], segments));
  for (const [unit, segments] of before) if (!after.has(unit)) out.push(...diffUnit(unit, segments, []));
  return out;
}

/** Target segments (unit → ids, in the ids of the source they were made from) whose source changed or went away. */
export function segmentsToReview(diff: readonly SegmentDiff[]): Map<string, Set<string>> {
  const review = new Map<string, Set<string>>();
  for (const entry of diff) {
    if ((entry.change === 'changed' || entry.change === 'removed') && entry.before) {
      if (!review.has(entry.unit)) review.set(entry.unit, new Set());
      review.get(entry.unit)!.add(entry.before);
    }
  }
  return review;
}
