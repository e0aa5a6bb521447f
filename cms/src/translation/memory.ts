import type { Core } from '@strapi/strapi';
import { loadDraft, translatableFields, TRANSLATED_TYPES, type TranslatedType } from './content';
import { MemoryIndex, type MemoryMatch, normalizeSegment } from './memory-index';
import { translationStatus } from './status';
import { extractUnits, type InlineNode, plainText, type Unit } from './units';

/**
 * Translation memory: every confirmed segment pair, in both directions (a confirmed mn↔zh pair
 * serves mn→zh and zh→mn work), in a table of its own:
 *
 *   medee_translation_memory(id, source_locale, target_locale, source_text, target, updated_at)
 *   unique (source_locale, target_locale, source_text)
 *
 * It is a plain table, not a content type: nobody edits it in the admin, and Strapi's schema sync
 * would not give it the unique index the upsert needs. `target` is the inline content (JSON) so
 * accepted matches keep their bold and links. Pairs are added when a translation is confirmed
 * (saved, imported, or checked unchanged); the first start fills it from the content as it is.
 *
 * Lookups go to an in-memory trigram index per locale pair (memory-index.ts). Each lookup first
 * reads the table's highest id, so rows written by another process (npm start runs a cluster)
 * are loaded before the answer; a replaced pair is deleted and inserted, so it gets a new id.
 */
export const MEMORY_TABLE = 'medee_translation_memory';

type Knex = Core.Strapi['db']['connection'];

type Row = { id: number; source_locale: string; target_locale: string; source_text: string; target: string };

export interface SegmentPair {
  sourceLocale: string;
  targetLocale: string;
  source: InlineNode[];
  target: InlineNode[];
}

/** Per Strapi instance: the indexes per locale pair and the highest row id loaded into them. */
const loaded = new WeakMap<Core.Strapi, { indexes: Map<string, MemoryIndex<InlineNode[]>>; upTo: number }>();

const pairKey = (source: string, target: string) => `${source}\n${target}`;

/** The table in the configured schema, through `knex` (a transaction or the connection). */
function table(strapi: Core.Strapi, knex: Knex = strapi.db.connection) {
  const schema = strapi.db.getSchemaName();
  return schema ? knex(MEMORY_TABLE).withSchema(schema) : knex(MEMORY_TABLE);
}

/** Creates the table on first start; true when it was created (and so is to be filled). */
async function ensureTable(strapi: Core.Strapi): Promise<boolean> {
  const schema = strapi.db.getSchemaName();
  const builder = schema ? strapi.db.connection.schema.withSchema(schema) : strapi.db.connection.schema;
  if (await builder.hasTable(MEMORY_TABLE)) return false;
  await builder.createTable(MEMORY_TABLE, (table) => {
    table.increments('id');
    table.string('source_locale', 35).notNullable();
    table.string('target_locale', 35).notNullable();
    table.text('source_text').notNullable();
    table.text('target').notNullable();
    table.timestamp('updated_at').notNullable();
    table.unique(['source_locale', 'target_locale', 'source_text'], { indexName: `${MEMORY_TABLE}_pair_source` });
  });
  return true;
}

/** Stores pairs (both directions), replacing the target of a source already stored. */
export async function rememberPairs(strapi: Core.Strapi, pairs: readonly SegmentPair[]): Promise<number> {
  const rows = new Map<string, Omit<Row, 'id'>>();
  for (const pair of pairs) {
    const source = normalizeSegment(plainText(pair.source));
    const target = normalizeSegment(plainText(pair.target));
    if (source === '' || target === '') continue;
    for (const [a, b, text, content] of [
      [pair.sourceLocale, pair.targetLocale, source, pair.target],
      [pair.targetLocale, pair.sourceLocale, target, pair.source],
    ] as const) {
      rows.set(`${a}\n${b}\n${text}`, {
        source_locale: a,
        target_locale: b,
        source_text: text,
        target: JSON.stringify(content),
      });
    }
  }
  if (rows.size === 0) return 0;
  const updatedAt = new Date();
  const all = [...rows.values()];
  // Joins the caller's transaction (an import writes in one), so SQLite's single connection is not waited on.
  await strapi.db.transaction(async ({ trx }) => {
    for (let start = 0; start < all.length; start += 100) {
      const batch = all.slice(start, start + 100);
      for (const row of batch)
        await table(strapi, trx)
          .where({ source_locale: row.source_locale, target_locale: row.target_locale, source_text: row.source_text })
          .delete();
      await table(strapi, trx).insert(batch.map((row) => ({ ...row, updated_at: updatedAt })));
    }
  });
  return all.length;
}

/**
 * The segment pairs of a translation that matches its source segment for segment (same units,
 * same segment ids, as a translation made here or imported has).
 */
export function alignedPairs(
  sourceLocale: string,
  targetLocale: string,
  sourceUnits: readonly Unit[],
  targetUnits: readonly Unit[],
): SegmentPair[] {
  const targets = new Map(targetUnits.map((unit) => [unit.id, new Map(unit.segments.map((s) => [s.id, s.source]))]));
  const pairs: SegmentPair[] = [];
  for (const unit of sourceUnits) {
    const target = targets.get(unit.id);
    if (!target || target.size !== unit.segments.length) continue;
    for (const segment of unit.segments) {
      const translated = target.get(segment.id);
      if (translated) pairs.push({ sourceLocale, targetLocale, source: segment.source, target: translated });
    }
  }
  return pairs;
}

/** Adds a confirmed translation's segment pairs. */
export async function rememberTranslation(
  strapi: Core.Strapi,
  uid: TranslatedType,
  documentId: string,
  sourceLocale: string,
  targetLocale: string,
): Promise<void> {
  const fields = translatableFields(strapi, uid);
  const source = await loadDraft(strapi, uid, documentId, sourceLocale);
  const target = await loadDraft(strapi, uid, documentId, targetLocale);
  await rememberPairs(
    strapi,
    alignedPairs(sourceLocale, targetLocale, extractUnits(fields, source), extractUnits(fields, target)),
  );
}

/** Creates the table and, when new, fills it from every up-to-date translation. */
export async function bootstrapMemory(strapi: Core.Strapi): Promise<void> {
  if (!(await ensureTable(strapi))) return;
  let stored = 0;
  const report = await translationStatus(strapi, TRANSLATED_TYPES);
  for (const row of report.rows) {
    for (const [locale, state] of Object.entries(row.locales)) {
      if (state.isSource || state.status === 'missing' || state.status === 'outdated') continue;
      const fields = translatableFields(strapi, row.contentType);
      const source = await loadDraft(strapi, row.contentType, row.documentId, row.sourceLocale);
      const target = await loadDraft(strapi, row.contentType, row.documentId, locale);
      stored += await rememberPairs(
        strapi,
        alignedPairs(row.sourceLocale, locale, extractUnits(fields, source), extractUnits(fields, target)),
      );
    }
  }
  strapi.log.info(`Translation memory: ${stored} segment pairs from the existing content`);
}

/** Loads rows written since the last lookup (by this or another process) into the indexes. */
async function refresh(strapi: Core.Strapi) {
  const state = loaded.get(strapi) ?? { indexes: new Map<string, MemoryIndex<InlineNode[]>>(), upTo: 0 };
  loaded.set(strapi, state);
  const max = ((await table(strapi).max({ max: 'id' })) as Array<{ max: number | null }>)[0]?.max;
  if (!max || Number(max) <= state.upTo) return state;
  const rows = (await table(strapi)
    .where('id', '>', state.upTo)
    .orderBy('id', 'asc')
    .select('id', 'source_locale', 'target_locale', 'source_text', 'target')) as Row[];
  for (const row of rows) {
    const key = pairKey(row.source_locale, row.target_locale);
    if (!state.indexes.has(key)) state.indexes.set(key, new MemoryIndex());
    state.indexes.get(key)!.add(row.source_text, JSON.parse(row.target) as InlineNode[]);
    state.upTo = Math.max(state.upTo, row.id);
  }
  return state;
}

/** Exact and fuzzy matches for one source segment, best first. */
export async function lookupMemory(
  strapi: Core.Strapi,
  sourceLocale: string,
  targetLocale: string,
  texts: readonly string[],
): Promise<Array<Array<MemoryMatch<InlineNode[]>>>> {
  const index = (await refresh(strapi)).indexes.get(pairKey(sourceLocale, targetLocale));
  return texts.map((text) => index?.lookup(text) ?? []);
}
