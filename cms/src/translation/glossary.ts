/**
 * The glossary (the `term` type): approved renderings of the company's own terms, per locale,
 * and variants translators must not use. Pure functions of a loaded glossary, so the admin can
 * highlight as the translator types with the same rules the QA check applies on the server
 * (glossary-store.ts loads the terms).
 *
 * A term entry has one attribute per locale code (`mn`, `zh`) holding the approved term and
 * `<code>Forbidden` holding the forbidden variants, one per line.
 */

export interface GlossaryTerm {
  documentId: string;
  /** The approved term per locale code. */
  terms: Record<string, string>;
  /** Variants not to use, per locale code. */
  forbidden: Record<string, string[]>;
  note: string | null;
}

export interface TermMatch {
  documentId: string;
  /** The term as the glossary spells it in the source locale. */
  source: string;
  /** Its approved translation in the target locale ('' when the glossary has none). */
  target: string;
  note: string | null;
  /** Variants of the translation not to use. */
  forbidden: string[];
  /** Where the term occurs in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

export interface Occurrence {
  start: number;
  end: number;
}

const QUOTES = '"“”„«»「」『』';
const HAN = /^\p{Script=Han}/u;

/** A term row as Strapi stores it → GlossaryTerm (locale codes are the attributes with a `<code>Forbidden` partner or plain string values). */
export function toGlossaryTerm(row: Record<string, unknown>, locales: readonly string[]): GlossaryTerm {
  const terms: Record<string, string> = {};
  const forbidden: Record<string, string[]> = {};
  for (const locale of locales) {
    const term = row[locale];
    if (typeof term === 'string' && term.trim()) terms[locale] = term.trim();
    const variants = row[`${locale}Forbidden`];
    forbidden[locale] =
      typeof variants === 'string'
        ? variants
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : [];
  }
  return {
    documentId: String(row.documentId ?? ''),
    terms,
    forbidden,
    note: typeof row.note === 'string' && row.note.trim() ? row.note.trim() : null,
  };
}

const patterns = new Map<string, RegExp>();

/**
 * Where `phrase` occurs in `text`: case-insensitive, any run of white space for a space, any
 * quotation mark for a quotation mark. A term starting with a letter (Cyrillic, Latin) must start
 * a word but may be followed by more letters, because Mongolian adds case endings to the word
 * (гэрчилгээ → гэрчилгээг, ХХК → ХХК-ийн); Chinese has no word breaks, so a Han term matches anywhere.
 */
export function occurrences(text: string, phrase: string): Occurrence[] {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    const body = [...phrase.trim()]
      .map((char) =>
        /\s/u.test(char)
          ? '\\s+'
          : QUOTES.includes(char)
            ? `[${QUOTES}]`
            : char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
      )
      .join('')
      .replace(/(\\s\+)+/g, '\\s+');
    const start = HAN.test(phrase.trim()) ? '' : '(?<![\\p{L}\\p{N}])';
    pattern = new RegExp(`${start}${body}`, 'giu');
    patterns.set(phrase, pattern);
  }
  const found: Occurrence[] = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length });
  return found;
}

/**
 * The glossary terms found in `text` (written in `sourceLocale`), each with its approved
 * `targetLocale` translation, in text order. Where terms overlap (北岚精工 inside the company's
 * full name) the longer one wins.
 */
export function matchTerms(
  glossary: readonly GlossaryTerm[],
  text: string,
  sourceLocale: string,
  targetLocale: string,
): TermMatch[] {
  const all: TermMatch[] = [];
  for (const term of glossary) {
    const source = term.terms[sourceLocale];
    if (!source) continue;
    for (const { start, end } of occurrences(text, source))
      all.push({
        documentId: term.documentId,
        source,
        target: term.terms[targetLocale] ?? '',
        note: term.note,
        forbidden: term.forbidden[targetLocale] ?? [],
        start,
        end,
      });
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TermMatch[] = [];
  for (const match of all)
    if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Forbidden variants of any glossary term written in `text` (a `locale` text), except inside an
 * approved rendering (a variant may be part of the approved term).
 */
export function findForbidden(
  glossary: readonly GlossaryTerm[],
  text: string,
  locale: string,
): Array<Occurrence & { variant: string; approved: string }> {
  const approved = glossary.flatMap((term) => (term.terms[locale] ? occurrences(text, term.terms[locale]) : []));
  return glossary.flatMap((term) =>
    (term.forbidden[locale] ?? []).flatMap((variant) =>
      occurrences(text, variant)
        .filter((hit) => !approved.some((ok) => ok.start <= hit.start && hit.end <= ok.end))
        .map((hit) => ({ ...hit, variant, approved: term.terms[locale] ?? '' })),
    ),
  );
}
