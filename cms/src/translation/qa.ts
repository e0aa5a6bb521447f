import { findForbidden, type GlossaryTerm, matchTerms, occurrences } from './glossary';
import type { SpellCheck } from './spelling';

/**
 * QA checks of a translation, segment by segment (the XLIFF segments: a plain field, or one
 * paragraph / heading / quote / list item of a blocks field). Pure: qa-run.ts loads the texts,
 * the glossary and the speller.
 */
export type QaCheck =
  | 'empty'
  | 'untranslated'
  | 'number'
  | 'date'
  | 'code'
  | 'url'
  | 'length'
  | 'glossary'
  | 'forbidden'
  | 'spelling'
  | 'dictionary';

export interface QaFinding {
  /** The unit (field path: title, body, seo.metaTitle) and segment (s1, b3, b4.1) of the target. */
  unit: string;
  segment: string;
  check: QaCheck;
  /** What is wrong, in English (the admin words it from `check` and `value`). */
  message: string;
  /** The number, date, code, URL, term or word concerned. */
  value?: string;
}

export interface QaContext {
  sourceLocale: string;
  targetLocale: string;
  glossary: readonly GlossaryTerm[];
  /** Spelling of the target language, where there is a dictionary for it. */
  spell?: SpellCheck;
}

/**
 * Characters (white space not counted) of Mongolian per character of Chinese. Measured on the
 * seed's 77 aligned segment pairs: median 3.3, 2nd–98th percentile 2.2–4.8, extremes 2.1 and
 * 5.5. Outside 1.5–7 (about half and twice the median) a segment is reported; only when its
 * Chinese side has 10 characters or more, since short labels vary too much.
 */
export const LENGTH_RATIO: Record<string, { min: number; max: number; minChars: number }> = {
  'mn/zh': { min: 1.5, max: 7, minChars: 10 },
};

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"“”'，。、；）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** Certificate and document numbers: Latin capitals and digits in hyphen/slash-separated groups (QDZJTX-2019-0417). */
const CODE_PATTERN = /(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)+(?![A-Za-z0-9])/gu;

const MN_MONTHS = [
  'нэгдүгээр',
  'хоёрдугаар',
  'гуравдугаар',
  'дөрөвдүгээр',
  'тавдугаар',
  'зургаадугаар',
  'долдугаар',
  'наймдугаар',
  'есдүгээр',
  'аравдугаар',
  'арван нэгдүгээр',
  'арван хоёрдугаар',
];
const MN_MONTH = `(\\d{1,2})(?:\\s*-?\\s*(?:р|ын|ийн|дүгээр|дугаар))?|${[...MN_MONTHS].reverse().join('|')}`;
/**
 * Dates in the forms mn and zh texts write them, each read as YYYY[-MM[-DD]]:
 * 2022-01-29, 2022.01.29, 2022/1/29; 2022年1月29日, 2022年1月; 2022 оны 1-р сарын 29, 2020 оны долдугаар сард;
 * a year alone when it is marked as one (2019年, 2019 он/онд/оны).
 */
const DATE_PATTERNS: Array<{ pattern: RegExp; read: (m: RegExpMatchArray) => [string, string?, string?] }> = [
  { pattern: /(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/gu, read: (m) => [m[1]!, m[2], m[3]] },
  {
    pattern: /(?<!\d)(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?/gu,
    read: (m) => [m[1]!, m[2], m[3]],
  },
  {
    pattern: new RegExp(
      `(?<!\\d)(\\d{4})\\s*он(?:ы|д|оос)?(?:\\s+(?:${MN_MONTH})\\s*сар(?:ын|д|аас|ыг)?(?:\\s+(\\d{1,2})(?:\\s*-?\\s*(?:ны|ний|нд|нээс|н))?(?!\\d))?)?`,
      'giu',
    ),
    read: (m) => {
      const word = m[0].match(new RegExp(MN_MONTHS.join('|'), 'iu'));
      const month = m[2] ?? (word ? String(MN_MONTHS.lastIndexOf(word[0].toLowerCase()) + 1) : undefined);
      return [m[1]!, month, m[3]];
    },
  },
];

const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^\s*万/u, 1e4],
  [/^\s*亿/u, 1e8],
  [/^\s*мянга/iu, 1e3],
  [/^\s*сая/iu, 1e6],
  [/^\s*тэрбум/iu, 1e9],
];

interface Extracted {
  urls: string[];
  codes: string[];
  dates: string[];
  numbers: string[];
}

/** Removes the matches of `pattern` from `text` (replaced by a space), collecting them. */
function take(text: string, pattern: RegExp, read: (m: RegExpMatchArray) => string | null): [string, string[]] {
  const found: string[] = [];
  const rest = text.replace(pattern, (...args) => {
    const match = args as unknown as RegExpMatchArray;
    const value = read(Object.assign([...match.slice(0, -2)], { index: 0 }) as RegExpMatchArray);
    if (value) found.push(value);
    return ' ';
  });
  return [rest, found];
}

/** The URLs, certificate numbers, dates and other numbers of a text, each in a form both languages share. */
export function extractFacts(text: string): Extracted {
  const [afterUrls, urls] = take(text.normalize('NFKC'), URL_PATTERN, (m) =>
    m[0].replace(/[.,:;!?]+$/u, '').toLowerCase(),
  );
  let [rest, codes] = take(afterUrls, CODE_PATTERN, (m) => m[0]);
  const dates: string[] = [];
  for (const { pattern, read } of DATE_PATTERNS) {
    let found: string[];
    [rest, found] = take(rest, pattern, (m) => {
      const [year, month, day] = read(m);
      if (month && (Number(month) < 1 || Number(month) > 12)) return null;
      return [year, month, month && day]
        .filter(Boolean)
        .map((part) => part!.padStart(2, '0'))
        .join('-');
    });
    dates.push(...found);
  }
  const numbers: string[] = [];
  for (const match of rest.matchAll(/\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?/gu)) {
    const raw = match[0].trim();
    // 1,200 / 1 200 / 1.200 group thousands; a comma or point before 1-2 digits is a decimal mark.
    const value = Number(raw.replace(/[.,\s](?=\d{3}(?!\d))/g, '').replace(',', '.'));
    const after = rest.slice(match.index + match[0].length);
    const multiplier = MULTIPLIERS.find(([pattern]) => pattern.test(after))?.[1] ?? 1;
    if (Number.isFinite(value)) numbers.push(String(Math.round(value * multiplier * 1000) / 1000));
  }
  return { urls, codes, dates, numbers };
}

const visible = (text: string) => text.replace(/\s+/gu, '');
/** Words of a language with its own script (Latin-only text, e.g. ISO 9001:2015 or a brand, is the same in both). */
const hasWords = (text: string) => /[^\P{L}A-Za-z]/u.test(text);

/** The findings of one source/target segment pair. */
export function checkPair(
  where: { unit: string; segment: string },
  source: string,
  target: string,
  context: QaContext,
): QaFinding[] {
  const findings: QaFinding[] = [];
  const add = (check: QaCheck, message: string, value?: string) =>
    findings.push({ ...where, check, message, ...(value === undefined ? {} : { value }) });

  if (target.trim() === '') {
    add('empty', 'the segment is not translated (empty)');
    return findings;
  }
  if (hasWords(source) && visible(source).toLowerCase() === visible(target).toLowerCase()) {
    add('untranslated', 'the target is a copy of the source');
    return findings;
  }

  const from = extractFacts(source);
  const into = extractFacts(target);
  const missing = (values: string[], present: string[]) => {
    const left = [...present];
    return values.filter((value) => {
      const at = left.indexOf(value);
      if (at === -1) return true;
      left.splice(at, 1);
      return false;
    });
  };
  for (const url of new Set(missing(from.urls, into.urls))) add('url', `${url} is not in the target`, url);
  for (const code of new Set(missing(from.codes, into.codes))) add('code', `${code} is not in the target`, code);
  // A date may be written more precisely in the target (2019年6月 → 2019 оны 6-р сарын 15).
  for (const date of new Set(from.dates))
    if (!into.dates.some((other) => other === date || other.startsWith(`${date}-`)))
      add('date', `the date ${date} is not in the target`, date);
  for (const number of new Set(missing(from.numbers, [...into.numbers, ...into.dates.flatMap(datePartsOf)])))
    add('number', `the number ${number} is not in the target`, number);

  // The table is keyed mn/zh; for zh → mn the same limits apply to the inverse ratio.
  const ratio = LENGTH_RATIO[`${context.sourceLocale}/${context.targetLocale}`];
  const inverse = LENGTH_RATIO[`${context.targetLocale}/${context.sourceLocale}`];
  const limits = ratio ?? inverse;
  if (limits && hasWords(source)) {
    const [numerator, denominator] = ratio ? [source, target] : [target, source];
    const actual = visible(numerator).length / Math.max(1, visible(denominator).length);
    if (visible(denominator).length >= limits.minChars && (actual < limits.min || actual > limits.max)) {
      const targetLong = ratio ? actual < limits.min : actual > limits.max;
      add(
        'length',
        `the target is unusually ${targetLong ? 'long' : 'short'} for its source (${numerator === source ? context.sourceLocale : context.targetLocale}/${numerator === source ? context.targetLocale : context.sourceLocale} ${actual.toFixed(1)}, expected ${limits.min}–${limits.max})`,
        actual.toFixed(1),
      );
    }
  }

  for (const term of matchTerms(context.glossary, source, context.sourceLocale, context.targetLocale)) {
    if (!term.target || occurrences(target, term.target).length > 0) continue;
    if (findings.some((f) => f.check === 'glossary' && f.value === term.target)) continue;
    add('glossary', `“${term.source}” should be translated as “${term.target}”`, term.target);
  }
  for (const hit of findForbidden(context.glossary, target, context.targetLocale))
    add('forbidden', `“${hit.variant}” is a forbidden variant; use “${hit.approved}”`, hit.variant);

  if (context.spell)
    for (const word of new Set(context.spell(target).map((miss) => miss.word)))
      add('spelling', `“${word}” is not in the dictionary`, word);
  return findings;
}

/** A date's year, month and day as numbers, so a source's plain "2019" or "6" is found in a target date. */
function datePartsOf(date: string): string[] {
  return date.split('-').map((part) => String(Number(part)));
}
