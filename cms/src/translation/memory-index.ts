import { distance } from 'fastest-levenshtein';

/**
 * The translation memory's lookup: exact and fuzzy matches of a source segment among stored
 * segment pairs of one locale pair, kept in memory (memory.ts keeps it in step with the table).
 *
 * Fuzzy matching is two-stage, as CAT tools do it: character trigrams (an inverted index) pick
 * the candidates sharing the most trigrams with the query, then the score of each candidate is
 * the Levenshtein similarity 100 × (1 − distance / longer length), rounded down. Trigrams work
 * for Chinese (no word breaks) and for Mongolian's case endings alike.
 */

export interface MemoryEntry<T> {
  /** The source segment's plain text. */
  source: string;
  target: T;
}

export interface MemoryMatch<T> extends MemoryEntry<T> {
  /** 100 for an identical source, else the Levenshtein similarity in percent. */
  score: number;
}

/** Whitespace runs are one space, so a re-wrapped paragraph still matches exactly. */
export const normalizeSegment = (text: string) => text.replace(/\s+/gu, ' ').trim();

function trigrams(text: string): Set<string> {
  const padded = ` ${normalizeSegment(text).toLowerCase()} `;
  const chars = [...padded];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

/** Posting lists always walked, however long (the rarest ones). */
const ALWAYS_WALKED_LISTS = 3;
/** Postings walked per lookup beyond those lists. */
const POSTINGS_BUDGET = 60_000;

export class MemoryIndex<T> {
  private readonly entries: Array<MemoryEntry<T> & { key: string; grams: number }> = [];
  private readonly byKey = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private counts = new Uint16Array(1024);

  get size(): number {
    return this.entries.length;
  }

  /** Adds a pair, or replaces the target of a source already stored. */
  add(source: string, target: T): void {
    const key = normalizeSegment(source);
    if (key === '') return;
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.entries[known]!.target = target;
      return;
    }
    const index = this.entries.length;
    const grams = trigrams(key);
    this.entries.push({ source: key, target, key, grams: grams.size });
    this.byKey.set(key, index);
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (list) list.push(index);
      else this.postings.set(gram, [index]);
    }
  }

  /**
   * The best matches of `source` scoring at least `minScore`, best first; an identical source
   * (after white-space normalisation) scores 100.
   */
  lookup(source: string, { limit = 3, minScore = 60, candidates = 40 } = {}): Array<MemoryMatch<T>> {
    const key = normalizeSegment(source);
    if (key === '') return [];
    const out: Array<MemoryMatch<T>> = [];
    const exact = this.byKey.get(key);
    if (exact !== undefined) out.push({ source: key, target: this.entries[exact]!.target, score: 100 });

    const grams = trigrams(key);
    if (this.counts.length < this.entries.length) this.counts = new Uint16Array(this.entries.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    // Prefix filter: a segment similar enough to be offered shares most of the query's trigrams,
    // so it shares some of its rarest 40% (score >= 60); the most common trigrams' long lists are
    // not walked. Past the first few lists the walk also stops at a budget of postings: in a
    // large memory even the rarer trigrams of a common script run into tens of thousands of
    // segments (a quarter of a million postings per lookup at 100,000 segments in the bench; this budget kept recall of 1–4-word edits unchanged there), while a segment
    // close enough to be offered turns up in the rarest lists already.
    const rarest = [...grams]
      .map((gram) => this.postings.get(gram) ?? [])
      .sort((a, b) => a.length - b.length)
      .slice(0, Math.ceil(grams.size * 0.4) + 1);
    let walked = 0;
    for (const [position, list] of rarest.entries()) {
      if (position >= ALWAYS_WALKED_LISTS && walked + list.length > POSTINGS_BUDGET) break;
      walked += list.length;
      for (const index of list) {
        if (counts[index] === 0) touched.push(index);
        counts[index] = counts[index]! + 1;
      }
    }
    // The edit distance is computed for the `candidates` segments sharing the most trigrams
    // (Dice coefficient). Shared-trigram counts are small integers, so a histogram finds the
    // count that admits enough of them without sorting every touched segment.
    const histogram = new Uint32Array(rarest.length + 2);
    for (const index of touched) histogram[counts[index]!] = histogram[counts[index]!]! + 1;
    let floor = histogram.length - 1;
    for (let admitted = histogram[floor]!; floor > 1 && admitted < candidates * 2; ) {
      floor -= 1;
      admitted += histogram[floor]!;
    }
    const scored: Array<{ index: number; dice: number }> = [];
    for (const index of touched) {
      if (index !== exact && counts[index]! >= floor)
        scored.push({ index, dice: (2 * counts[index]!) / (grams.size + this.entries[index]!.grams) });
      counts[index] = 0;
    }
    scored.sort((a, b) => b.dice - a.dice);
    for (const { index } of scored.slice(0, candidates)) {
      const entry = this.entries[index]!;
      const longer = Math.max(entry.key.length, key.length);
      const score = Math.floor(100 * (1 - distance(entry.key, key) / longer));
      // An edit distance of 0 after lowercasing is not an exact match: the case differs.
      if (score >= minScore) out.push({ source: entry.source, target: entry.target, score: Math.min(score, 99) });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
