import type { Core, UID } from '@strapi/strapi';
import { loadDraft, translatableFields, TYPE_NAMES, type TranslatedType } from './content';
import { alignTarget } from './exchange';
import { type GlossaryTerm, matchTerms, type TermMatch } from './glossary';
import { loadGlossary } from './glossary-store';
import { lookupMemory } from './memory';
import { diffSource, type DiffPart, type SegmentChange, type SegmentDiff } from './source-diff';
import { translationStatus, type LocaleStatus } from './status';
import { fromTagged, toTagged } from './tagged';
import { confirmTranslation, findRecord } from './tracking';
import {
  buildTargetData,
  codesOf,
  type CodeKind,
  extractUnits,
  type InlineNode,
  inlineCodeProblems,
  type ParsedInlineNode,
  plainText,
  type Unit,
} from './units';

/**
 * The Translate screen's data (GET /translations/workbench) and its save (PUT): the document's
 * source and target segment by segment, with what changed in the source since the target was
 * confirmed, translation-memory matches and glossary terms per segment.
 */

export interface WorkbenchMatch {
  score: number;
  source: string;
  /** Tagged text (tagged.ts) with the codes renumbered to this segment's source, or plain text when they do not fit. */
  target: string;
}

export interface WorkbenchSegment {
  unit: string;
  segment: string;
  /** Tagged source text and the kind of each of its codes. */
  source: string;
  codes: Record<string, CodeKind>;
  /** The target as saved, or prefilled from an exact memory match; null when empty. */
  target: string | null;
  /** The target is an exact memory match, not saved yet. */
  prefilled: boolean;
  /** Change since the target was confirmed ('same' when it is current or there is no target). */
  change: Exclude<SegmentChange, 'removed'>;
  /** The target segment was made from source text that has changed since: check it. */
  review: boolean;
  /** For a changed segment: the old source text and a word diff old → new. */
  before?: string;
  parts?: DiffPart[];
  matches: WorkbenchMatch[];
  terms: TermMatch[];
}

export interface Workbench {
  contentType: TranslatedType;
  type: string;
  documentId: string;
  title: string;
  sourceLocale: string;
  targetLocale: string;
  status: LocaleStatus;
  /** Whether the source text the target was confirmed against is known (records from before it was kept lack it). */
  diffKnown: boolean;
  segments: WorkbenchSegment[];
  /** Source segments deleted since the target was confirmed. */
  removed: SegmentDiff[];
}

/** Thrown for a request that names no such document or locale; the route answers 404. */
export class WorkbenchNotFound extends Error {}

const key = (unit: string, segment: string) => `${unit}\n${segment}`;

/** The target's codes as the current source numbers them, or its text alone when they cannot be matched. */
const fitted = (source: InlineNode[], target: InlineNode[]) => {
  const aligned = alignTarget(source, target);
  return toTagged(aligned ?? [{ type: 'text', text: plainText(target) }]);
};

export async function loadWorkbench(
  strapi: Core.Strapi,
  uid: TranslatedType,
  documentId: string,
  targetLocale: string,
  glossary?: GlossaryTerm[],
): Promise<Workbench> {
  const row = (await translationStatus(strapi, [uid])).rows.find((r) => r.documentId === documentId);
  if (!row) throw new WorkbenchNotFound(`No ${TYPE_NAMES[uid]} ${documentId}`);
  const state = row.locales[targetLocale];
  if (!state) throw new WorkbenchNotFound(`Unknown locale "${targetLocale}"`);
  if (state.isSource)
    throw new WorkbenchNotFound(`${targetLocale} is the source of this ${TYPE_NAMES[uid]}; pick another locale`);
  const fields = translatableFields(strapi, uid);
  const sourceUnits = extractUnits(fields, await loadDraft(strapi, uid, documentId, row.sourceLocale));
  const targetUnits = extractUnits(fields, await loadDraft(strapi, uid, documentId, targetLocale));
  const targets = new Map(targetUnits.flatMap((u) => u.segments.map((s) => [key(u.id, s.id), s.source] as const)));

  // The source the target was made from; without a stored one, the target is taken as made from the current source.
  const basis = (await findRecord(strapi, uid, documentId))?.basis?.[targetLocale];
  const then: Unit[] | undefined = basis?.from === row.sourceLocale ? basis.units : undefined;
  const outdated = state.status === 'outdated';
  const diff = diffSource(outdated && then ? then : sourceUnits, sourceUnits);
  const byAfter = new Map(diff.filter((d) => d.after).map((d) => [key(d.unit, d.after!), d]));

  const flat = sourceUnits.flatMap((unit) => unit.segments.map((segment) => ({ unit, segment })));
  const texts = flat.map(({ segment }) => plainText(segment.source));
  const matches = await lookupMemory(strapi, row.sourceLocale, targetLocale, texts);
  const terms = glossary ?? (await loadGlossary(strapi));

  const segments = flat.map(({ unit, segment }, index): WorkbenchSegment => {
    const entry = byAfter.get(key(unit.id, segment.id));
    const change = (entry?.change ?? 'same') as WorkbenchSegment['change'];
    const saved = entry?.before ? targets.get(key(unit.id, entry.before)) : undefined;
    const segmentMatches = (matches[index] ?? []).map((match) => ({
      score: match.score,
      source: match.source,
      target: fitted(segment.source, match.target),
    }));
    const exact = segmentMatches.find((match) => match.score === 100);
    const prefilled = !saved && exact !== undefined;
    return {
      unit: unit.id,
      segment: segment.id,
      source: toTagged(segment.source),
      codes: Object.fromEntries([...codesOf(segment.source)].map(([id, code]) => [id, code.kind])),
      target: saved ? fitted(segment.source, saved) : prefilled ? exact.target : null,
      prefilled,
      change,
      review: saved !== undefined && change === 'changed',
      ...(change === 'changed' ? { before: entry?.beforeText, parts: entry?.parts } : {}),
      matches: segmentMatches,
      terms: matchTerms(terms, texts[index]!, row.sourceLocale, targetLocale),
    };
  });
  return {
    contentType: uid,
    type: TYPE_NAMES[uid],
    documentId,
    title: row.title,
    sourceLocale: row.sourceLocale,
    targetLocale,
    status: state.status,
    diffKnown: !outdated || then !== undefined,
    segments,
    removed: diff.filter((d) => d.change === 'removed'),
  };
}

export interface SaveProblem {
  unit: string;
  segment?: string;
  problem: string;
}

/**
 * The target variant's data from the screen's segments (tagged text per unit and segment id of
 * the current source): every problem, or the data to write. A unit is written whole or not at all
 * (an untranslated paragraph would otherwise keep the source's text).
 */
export function plannedTarget(
  fields: ReturnType<typeof translatableFields>,
  source: Record<string, unknown>,
  existing: Record<string, unknown> | null,
  segments: ReadonlyArray<{ unit: string; segment: string; target: string }>,
): { data: Record<string, unknown>; units: string[]; problems: SaveProblem[] } {
  const units = new Map(extractUnits(fields, source).map((unit) => [unit.id, unit]));
  const translations = new Map<string, Map<string, ParsedInlineNode[]>>();
  const problems: SaveProblem[] = [];
  for (const { unit, segment, target } of segments) {
    const sourceSegment = units.get(unit)?.segments.find((s) => s.id === segment);
    if (!sourceSegment) {
      problems.push({ unit, segment, problem: 'the source has no such segment (reload the page)' });
      continue;
    }
    if (target.trim() === '') continue;
    const parsed = fromTagged(target);
    const codeProblems = [...parsed.problems, ...inlineCodeProblems(sourceSegment.source, parsed.nodes)];
    for (const problem of codeProblems) problems.push({ unit, segment, problem });
    if (!translations.has(unit)) translations.set(unit, new Map());
    translations.get(unit)!.set(segment, parsed.nodes);
  }
  for (const [unit, translated] of translations) {
    const missing = units.get(unit)!.segments.filter((s) => !translated.has(s.id));
    if (missing.length > 0)
      problems.push({
        unit,
        problem: `segment(s) ${missing.map((s) => s.id).join(', ')} are empty: translate all of ${unit} or none of it`,
      });
  }
  if (problems.length > 0) return { data: {}, units: [], problems };
  return { data: buildTargetData(fields, source, existing, translations), units: [...translations.keys()], problems };
}

/** Writes the target draft (never publishes) and records it as confirmed against the current source. */
export async function saveWorkbench(
  strapi: Core.Strapi,
  uid: TranslatedType,
  documentId: string,
  locale: string,
  data: Record<string, unknown>,
): Promise<void> {
  await strapi.db.transaction(async () => {
    await strapi.documents(uid as UID.ContentType).update({ documentId, locale, data } as never);
    await confirmTranslation(strapi, uid, documentId, locale);
  });
}
