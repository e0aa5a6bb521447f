import type { Core } from '@strapi/strapi';
import { loadDraft, translatableFields, type TranslatedType } from './content';
import type { GlossaryTerm } from './glossary';
import { loadGlossary } from './glossary-store';
import { checkPair, type QaFinding } from './qa';
import { mongolianSpelling, type SpellCheck, SpellingUnavailableError } from './spelling';
import { translationStatus, type StatusRow } from './status';
import { extractUnits, plainText, type Unit } from './units';

/** The QA findings of one translation (a document's variant in a locale other than its source). */
export interface TranslationQa {
  contentType: TranslatedType;
  type: string;
  documentId: string;
  title: string;
  sourceLocale: string;
  locale: string;
  findings: QaFinding[];
}

/** Languages with a spelling dictionary. */
const SPELLING: Record<string, (strapi: Core.Strapi, words: readonly string[]) => Promise<SpellCheck>> = {
  mn: mongolianSpelling,
};

interface Resources {
  glossary: GlossaryTerm[];
  spell: Map<string, SpellCheck | SpellingUnavailableError>;
}

async function resources(strapi: Core.Strapi, locales: Iterable<string>): Promise<Resources> {
  const glossary = await loadGlossary(strapi);
  const spell = new Map<string, SpellCheck | SpellingUnavailableError>();
  for (const locale of new Set(locales)) {
    const load = SPELLING[locale];
    if (!load) continue;
    const words = glossary.flatMap((term) => (term.terms[locale] ? [term.terms[locale]] : []));
    try {
      spell.set(locale, await load(strapi, words));
    } catch (error) {
      if (!(error instanceof SpellingUnavailableError)) throw error;
      spell.set(locale, error);
    }
  }
  return { glossary, spell };
}

const unitText = (unit: Unit) => unit.segments.map((segment) => plainText(segment.source)).join('\n');

/** Segment pairs as the XLIFF export pairs them; a blocks field whose segments do not line up is compared whole. */
function pairs(sourceUnits: Unit[], targetUnits: Unit[]) {
  const targets = new Map(targetUnits.map((unit) => [unit.id, unit]));
  return sourceUnits.flatMap((unit) => {
    const target = targets.get(unit.id);
    const texts = new Map(target?.segments.map((segment) => [segment.id, plainText(segment.source)]));
    const sameShape =
      !target || (texts.size === unit.segments.length && unit.segments.every((segment) => texts.has(segment.id)));
    if (!sameShape) return [{ unit: unit.id, segment: '*', source: unitText(unit), target: unitText(target!) }];
    return unit.segments.map((segment) => ({
      unit: unit.id,
      segment: segment.id,
      source: plainText(segment.source),
      target: texts.get(segment.id) ?? '',
    }));
  });
}

async function checkRow(
  strapi: Core.Strapi,
  row: StatusRow,
  locale: string,
  shared: Resources,
): Promise<TranslationQa> {
  const fields = translatableFields(strapi, row.contentType);
  const [source, target] = await Promise.all([
    loadDraft(strapi, row.contentType, row.documentId, row.sourceLocale),
    loadDraft(strapi, row.contentType, row.documentId, locale),
  ]);
  const spell = shared.spell.get(locale);
  const findings: QaFinding[] =
    spell instanceof SpellingUnavailableError
      ? [{ unit: '*', segment: '*', check: 'dictionary', message: `spelling not checked: ${spell.message}` }]
      : [];
  for (const pair of pairs(extractUnits(fields, source), extractUnits(fields, target)))
    findings.push(
      ...checkPair({ unit: pair.unit, segment: pair.segment }, pair.source, pair.target, {
        sourceLocale: row.sourceLocale,
        targetLocale: locale,
        glossary: shared.glossary,
        spell: spell instanceof SpellingUnavailableError ? undefined : spell,
      }),
    );
  return {
    contentType: row.contentType,
    type: row.type,
    documentId: row.documentId,
    title: row.title,
    sourceLocale: row.sourceLocale,
    locale,
    findings,
  };
}

/**
 * QA of every existing translation of `uids` (in `locales`, default all): variants missing
 * altogether are the status report's business, not QA's.
 */
export async function checkTranslations(
  strapi: Core.Strapi,
  uids: readonly TranslatedType[],
  options: { locales?: readonly string[]; documentId?: string } = {},
): Promise<TranslationQa[]> {
  const report = await translationStatus(strapi, uids);
  const targets = report.rows
    .filter((row) => !options.documentId || row.documentId === options.documentId)
    .flatMap((row) =>
      Object.entries(row.locales)
        .filter(
          ([locale, state]) =>
            !state.isSource && state.status !== 'missing' && (!options.locales || options.locales.includes(locale)),
        )
        .map(([locale]) => ({ row, locale })),
    );
  if (targets.length === 0) return [];
  const shared = await resources(
    strapi,
    targets.map((target) => target.locale),
  );
  const results: TranslationQa[] = [];
  for (const { row, locale } of targets) results.push(await checkRow(strapi, row, locale, shared));
  return results;
}
