import type { Core, UID } from '@strapi/strapi';
import {
  isTranslatedType,
  loadDraft,
  localeCodes,
  translatableFields,
  TYPE_NAMES,
  type TranslatedType,
} from './content';
import { translationStatus, type StatusRow } from './status';
import { confirmTranslation } from './tracking';
import {
  buildTargetData,
  codesOf,
  extractUnits,
  inlineCodeProblems,
  plainText,
  sameSourceContent,
  sourceHash,
  type InlineNode,
  type ParsedInlineNode,
  type Unit,
} from './units';
import { type GlossaryTerm, matchTerms } from './glossary';
import { loadGlossary } from './glossary-store';
import { lookupMemory } from './memory';
import {
  buildXliff,
  type ParsedXliff,
  parseXliff,
  XliffFormatError,
  type XliffFile,
  type XliffGlossEntry,
  type XliffSegment,
  type XliffUnit,
} from './xliff';

export type ExportSelection = 'missing' | 'outdated' | 'all';

export interface ExportOptions {
  source: string;
  target: string;
  only: ExportSelection;
  uids: readonly TranslatedType[];
}

/** Thrown for a request that cannot be served as asked (unknown locale …); the message says why. */
export class TranslationRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationRequestError';
  }
}

const fileIdOf = (uid: TranslatedType, documentId: string) => `${TYPE_NAMES[uid]}-${documentId}`;
const originalOf = (uid: TranslatedType, documentId: string) => `${uid}/${documentId}`;

async function checkLocales(strapi: Core.Strapi, source: string, target: string): Promise<void> {
  const locales = await localeCodes(strapi);
  for (const locale of [source, target]) {
    if (!locales.includes(locale))
      throw new TranslationRequestError(`Unknown locale "${locale}" (locales: ${locales.join(', ')})`);
  }
  if (source === target) throw new TranslationRequestError('Source and target locale must differ');
}

/**
 * Renumbers a target's codes to the source's ids when both use the same codes in the same order
 * per kind; null when they cannot be matched (the translator then starts from an empty target).
 */
export function alignTarget(source: InlineNode[], target: InlineNode[]): InlineNode[] | null {
  const sourceIds = new Map<string, string[]>();
  for (const [id, code] of codesOf(source)) sourceIds.set(code.kind, [...(sourceIds.get(code.kind) ?? []), id]);
  const used = new Map<string, number>();
  let ok = true;
  const renumber = (nodes: InlineNode[]): InlineNode[] =>
    nodes.map((node) => {
      if (node.type === 'text') return node;
      const index = used.get(node.kind) ?? 0;
      used.set(node.kind, index + 1);
      const id = sourceIds.get(node.kind)?.[index];
      if (!id) ok = false;
      return { ...node, id: id ?? node.id, children: renumber(node.children) };
    });
  const aligned = renumber(target);
  const counts = [...sourceIds].every(([kind, ids]) => (used.get(kind) ?? 0) === ids.length);
  return ok && counts && inlineCodeProblems(source, aligned).length === 0 ? aligned : null;
}

/** Per unit: memory matches of its segments (the best three each) and the glossary terms in its source. */
async function unitModules(
  strapi: Core.Strapi,
  glossary: GlossaryTerm[],
  units: Unit[],
  source: string,
  target: string,
): Promise<Map<string, Pick<XliffUnit, 'matches' | 'glossary'>>> {
  const modules = new Map<string, Pick<XliffUnit, 'matches' | 'glossary'>>();
  for (const unit of units) {
    const texts = unit.segments.map((segment) => plainText(segment.source));
    const found = await lookupMemory(strapi, source, target, texts);
    const matches = unit.segments.flatMap((segment, i) =>
      (found[i] ?? []).map((match) => ({
        segment: segment.id,
        score: match.score,
        source: match.source,
        target: plainText(match.target),
      })),
    );
    const terms = new Map<string, XliffGlossEntry>();
    for (const text of texts)
      for (const term of matchTerms(glossary, text, source, target))
        terms.set(term.source, { term: term.source, translation: term.target, definition: term.note ?? undefined });
    modules.set(unit.id, { matches, glossary: [...terms.values()] });
  }
  return modules;
}

function exportFile(
  uid: TranslatedType,
  row: StatusRow,
  sourceUnits: Unit[],
  targetUnits: Unit[],
  target: string,
  modules: Map<string, Pick<XliffUnit, 'matches' | 'glossary'>>,
): XliffFile {
  const targets = new Map(targetUnits.map((unit) => [unit.id, new Map(unit.segments.map((s) => [s.id, s.source]))]));
  return {
    id: fileIdOf(uid, row.documentId),
    original: originalOf(uid, row.documentId),
    notes: [`${TYPE_NAMES[uid]} “${row.title}”; ${target}: ${row.locales[target]?.status ?? 'missing'}`],
    units: sourceUnits.map((unit) => {
      const existing = targets.get(unit.id);
      // A blocks field is prefilled only when the translation has the same segments as the source.
      const sameShape =
        existing !== undefined &&
        existing.size === unit.segments.length &&
        unit.segments.every((s) => existing.has(s.id));
      return {
        id: unit.id,
        name: unit.id,
        ...modules.get(unit.id),
        segments: unit.segments.map((segment): XliffSegment => {
          const prefill = sameShape ? alignTarget(segment.source, existing.get(segment.id)!) : null;
          return prefill ? { ...segment, target: prefill } : segment;
        }),
      };
    }),
  };
}

/** An XLIFF 2.0 file with one <file> per selected document whose original is in `source`. */
export async function exportXliff(
  strapi: Core.Strapi,
  options: ExportOptions,
): Promise<{ xliff: string; documents: number }> {
  await checkLocales(strapi, options.source, options.target);
  const report = await translationStatus(strapi, options.uids);
  const files: XliffFile[] = [];
  const glossary = await loadGlossary(strapi);
  for (const row of report.rows) {
    if (row.sourceLocale !== options.source) continue;
    const status = row.locales[options.target]?.status;
    if (options.only !== 'all' && status !== options.only) continue;
    const fields = translatableFields(strapi, row.contentType);
    const source = await loadDraft(strapi, row.contentType, row.documentId, options.source);
    const target = await loadDraft(strapi, row.contentType, row.documentId, options.target);
    const sourceUnits = extractUnits(fields, source);
    if (sourceUnits.length === 0) continue;
    const modules = await unitModules(strapi, glossary, sourceUnits, options.source, options.target);
    files.push(exportFile(row.contentType, row, sourceUnits, extractUnits(fields, target), options.target, modules));
  }
  return { xliff: buildXliff({ srcLang: options.source, trgLang: options.target, files }), documents: files.length };
}

// --- Import ---------------------------------------------------------------------------------

export interface UnitProblem {
  file: string;
  unit?: string;
  segment?: string;
  problem: string;
}
export interface ImportedDocument {
  file: string;
  contentType: TranslatedType;
  documentId: string;
  title: string;
  action: 'created' | 'updated' | 'unchanged' | 'skipped (no targets)';
  units: string[];
}
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  srcLang?: string;
  trgLang?: string;
  documents: ImportedDocument[];
  problems: UnitProblem[];
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Says whether the importing user may write `data` into this variant; a refusal is reported, not thrown. */
  mayWrite?: (
    uid: TranslatedType,
    locale: string,
    existing: Record<string, unknown> | null,
    fields: string[],
  ) => boolean;
}

interface PlannedWrite {
  uid: TranslatedType;
  documentId: string;
  data: Record<string, unknown>;
  existing: Record<string, unknown> | null;
  document: ImportedDocument;
}

type Problem = (problem: Omit<UnitProblem, 'file'>) => void;

/** The file parsed, with known and different locales; null with the problems reported when not. */
async function readImportFile(strapi: Core.Strapi, text: string, report: ImportReport): Promise<ParsedXliff | null> {
  let parsed: ParsedXliff;
  try {
    parsed = parseXliff(text);
  } catch (error) {
    if (!(error instanceof XliffFormatError)) throw error;
    report.problems.push(...error.problems.map((problem) => ({ file: '(xliff)', problem })));
    return null;
  }
  report.srcLang = parsed.srcLang;
  report.trgLang = parsed.trgLang;
  try {
    await checkLocales(strapi, parsed.srcLang, parsed.trgLang);
  } catch (error) {
    if (!(error instanceof TranslationRequestError)) throw error;
    report.problems.push({ file: '(xliff)', problem: error.message });
    return null;
  }
  return parsed;
}

interface ImportTarget {
  uid: TranslatedType;
  documentId: string;
  fields: ReturnType<typeof translatableFields>;
  source: Record<string, unknown>;
  existing: Record<string, unknown> | null;
}

/** The document a <file>'s original names, with its source variant and its target variant if any. */
async function findImportTarget(
  strapi: Core.Strapi,
  file: ParsedXliff['files'][number],
  { srcLang, trgLang }: ParsedXliff,
  problem: Problem,
): Promise<ImportTarget | null> {
  const match = /^(api::[a-z0-9-]+\.[a-z0-9-]+)\/([A-Za-z0-9]+)$/.exec(file.original);
  if (!match || !isTranslatedType(match[1]!)) {
    problem({
      problem: `original "${file.original}" does not name a translated document (expected api::article.article/<documentId>)`,
    });
    return null;
  }
  const uid = match[1] as TranslatedType;
  const documentId = match[2]!;
  const source = await loadDraft(strapi, uid, documentId, srcLang);
  if (!source) {
    problem({ problem: `unknown document: no ${TYPE_NAMES[uid]} ${documentId} with a ${srcLang} variant` });
    return null;
  }
  const existing = await loadDraft(strapi, uid, documentId, trgLang);
  return { uid, documentId, fields: translatableFields(strapi, uid), source, existing };
}

/**
 * The translated segments of a <file> per unit, checked against the current source: the same
 * units and segments with the same text, intact inline codes, each unit translated whole or not
 * at all. Every mismatch is reported through `problem`.
 */
function checkedTranslations(
  file: ParsedXliff['files'][number],
  currentUnits: Map<string, Unit>,
  srcLang: string,
  problem: Problem,
): Map<string, Map<string, ParsedInlineNode[]>> {
  const translations = new Map<string, Map<string, ParsedInlineNode[]>>();
  const fileUnits = new Set(file.units.map((unit) => unit.id));
  for (const unit of file.units) {
    const current = currentUnits.get(unit.id);
    if (!current) {
      problem({ unit: unit.id, problem: `source changed: the ${srcLang} variant has no "${unit.id}" text any more` });
      continue;
    }
    const currentSegments = new Map(current.segments.map((segment) => [segment.id, segment]));
    const fileSegments = new Set(unit.segments.map((segment) => segment.id));
    for (const segment of current.segments) {
      if (!fileSegments.has(segment.id))
        problem({
          unit: unit.id,
          segment: segment.id,
          problem: 'source changed: this segment was added to the source after the export',
        });
    }
    const targets = new Map<string, ParsedInlineNode[]>();
    for (const segment of unit.segments) {
      for (const p of segment.problems) problem({ unit: unit.id, segment: segment.id, problem: p });
      const currentSegment = currentSegments.get(segment.id);
      if (!currentSegment) {
        problem({
          unit: unit.id,
          segment: segment.id,
          problem: 'source changed: the source has no such segment any more',
        });
        continue;
      }
      if (!sameSourceContent(segment.source, currentSegment.source)) {
        problem({
          unit: unit.id,
          segment: segment.id,
          problem: `source changed since the export: the ${srcLang} text now differs from this file's <source>`,
        });
        continue;
      }
      if (segment.target === null) continue;
      for (const p of inlineCodeProblems(currentSegment.source, segment.target)) {
        problem({ unit: unit.id, segment: segment.id, problem: `broken inline codes: ${p}` });
      }
      targets.set(segment.id, segment.target);
    }
    if (targets.size > 0 && targets.size < current.segments.length) {
      const missing = current.segments.filter((segment) => !targets.has(segment.id)).map((segment) => segment.id);
      problem({
        unit: unit.id,
        problem: `incomplete: segment(s) ${missing.join(', ')} have no target; translate the whole unit or none of it`,
      });
    }
    if (targets.size > 0) translations.set(unit.id, targets);
  }
  for (const unit of currentUnits.values()) {
    if (!fileUnits.has(unit.id))
      problem({
        unit: unit.id,
        problem: `source changed: "${unit.id}" was added to the ${srcLang} variant after the export`,
      });
  }
  return translations;
}

/**
 * The report's entry for one checked <file> and, when it has targets and the user may write
 * them, the write it plans; a refusal is reported through `problem`.
 */
function planImport(
  file: ParsedXliff['files'][number],
  target: ImportTarget,
  translations: Map<string, Map<string, ParsedInlineNode[]>>,
  trgLang: string,
  options: ImportOptions,
  problem: Problem,
): { document: ImportedDocument; plan: PlannedWrite | null } {
  const { uid, documentId, fields, source, existing } = target;
  const title =
    typeof source.title === 'string' ? source.title : typeof source.name === 'string' ? source.name : documentId;
  const document: ImportedDocument = {
    file: file.id,
    contentType: uid,
    documentId,
    title,
    action: 'skipped (no targets)',
    units: [...translations.keys()],
  };
  if (translations.size === 0) return { document, plan: null };
  const data = buildTargetData(fields, source, existing, translations);
  const writtenFields = fields.filter((field) => translations.has(field.path)).map((field) => field.path);
  if (options.mayWrite && !options.mayWrite(uid, trgLang, existing, writtenFields)) {
    problem({
      problem: `forbidden: you may not ${existing ? 'update' : 'create'} the ${trgLang} variant of this ${TYPE_NAMES[uid]}`,
    });
    return { document, plan: null };
  }
  return { document, plan: { uid, documentId, data, existing, document } };
}

/**
 * Writes the planned drafts in the target locale and marks them current, setting each document's
 * action; a dry run only sets the actions. A write whose text equals the variant's is
 * 'unchanged' unless the variant was outdated (then confirming it is the change).
 */
async function writePlans(strapi: Core.Strapi, plans: PlannedWrite[], trgLang: string, dryRun: boolean) {
  const status = await translationStatus(strapi, [...new Set(plans.map((plan) => plan.uid))]);
  const outdated = new Set(
    status.rows.filter((row) => row.locales[trgLang]?.status === 'outdated').map((row) => row.documentId),
  );
  const write = async () => {
    for (const plan of plans) {
      const fields = translatableFields(strapi, plan.uid);
      const unchanged =
        plan.existing !== null &&
        !outdated.has(plan.documentId) &&
        sourceHash(fields, plan.existing) === sourceHash(fields, { ...plan.existing, ...plan.data });
      if (unchanged) {
        plan.document.action = 'unchanged';
        continue;
      }
      plan.document.action = plan.existing ? 'updated' : 'created';
      if (dryRun) continue;
      // update() writes the draft; for a missing locale it creates the variant with the shared fields copied.
      await strapi
        .documents(plan.uid as UID.ContentType)
        .update({ documentId: plan.documentId, locale: trgLang, data: plan.data } as never);
      // The file's sources were checked against the current source: this translation is current,
      // even where its text did not change.
      await confirmTranslation(strapi, plan.uid, plan.documentId, trgLang);
    }
  };
  if (dryRun) await write();
  else await strapi.db.transaction(write);
}

/**
 * Validates the whole file first — format, locales, document ids, unchanged source text, inline
 * codes, complete units, permissions — and reports every problem per unit. Only a file without
 * problems is written, in one transaction, into the target locale's drafts (never published).
 */
export async function importXliff(
  strapi: Core.Strapi,
  text: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { ok: false, dryRun: options.dryRun === true, documents: [], problems: [] };
  const parsed = await readImportFile(strapi, text, report);
  if (!parsed) return report;

  const plans: PlannedWrite[] = [];
  for (const file of parsed.files) {
    const problem: Problem = (p) => report.problems.push({ file: file.id, ...p });
    const target = await findImportTarget(strapi, file, parsed, problem);
    if (!target) continue;
    const before = report.problems.length;
    const currentUnits = new Map(extractUnits(target.fields, target.source).map((unit) => [unit.id, unit]));
    const translations = checkedTranslations(file, currentUnits, parsed.srcLang, problem);
    if (report.problems.length > before) continue;
    const { document, plan } = planImport(file, target, translations, parsed.trgLang, options, problem);
    report.documents.push(document);
    if (plan) plans.push(plan);
  }

  if (report.problems.length > 0) {
    report.documents = [];
    return report;
  }
  await writePlans(strapi, plans, parsed.trgLang, report.dryRun);
  report.ok = true;
  return report;
}
