import type { Core, UID } from '@strapi/strapi';
import {
  defaultLocale,
  isTranslatedType,
  loadDraft,
  populateOf,
  translatableFields,
  type TranslatedType,
} from './content';
import { rememberTranslation } from './memory';
import { extractUnits, sourceHash, type Unit } from './units';

/**
 * Outdated tracking. Each translated document has one record (a row of the internal
 * translation-record type, hidden from the admin and the API):
 *
 * - `sourceLocale`: the locale the document was written in — its first variant. Every other
 *   variant is a translation of it.
 * - `basis[locale]`: for each translation, the hash of the source's translatable text (units.ts)
 *   at the moment that translation was last saved.
 *
 * A translation is outdated when the source's current draft hashes differently from its basis.
 * The source is hashed live, so any source edit — in the admin, the API, an import, a "discard
 * draft" — is seen without hooking each of them; only saving a translation moves its basis.
 *
 * Why a separate table and not a hidden field on article/certificate: a field would be copied
 * by the admin's "fill in from another locale", travel through publish / discard-draft, be sent
 * back by the edit form, and need `private` care on every content-API response. A record per
 * document is written only here, and survives publishing untouched.
 */
export const RECORD_UID = 'api::translation-record.translation-record' as UID.ContentType;

export interface Basis {
  /** sha256 of the source's translatable text when this translation was last saved. */
  hash: string;
  /** The source locale that hash belongs to. */
  from: string;
  at: string;
  /**
   * The source's translatable text itself at that moment (absent in records from before it was
   * kept), so an outdated translation can show what changed since (source-diff.ts).
   */
  units?: Unit[];
}
export interface TranslationRecord {
  id: number;
  contentType: string;
  document: string;
  sourceLocale: string;
  basis: Record<string, Basis> | null;
}

export function findRecords(strapi: Core.Strapi, uid: TranslatedType): Promise<TranslationRecord[]> {
  return strapi.db.query(RECORD_UID).findMany({ where: { contentType: uid } }) as Promise<TranslationRecord[]>;
}

export function findRecord(strapi: Core.Strapi, uid: string, documentId: string): Promise<TranslationRecord | null> {
  return strapi.db
    .query(RECORD_UID)
    .findOne({ where: { contentType: uid, document: documentId } }) as Promise<TranslationRecord | null>;
}

async function saveRecord(strapi: Core.Strapi, record: Omit<TranslationRecord, 'id'> & { id?: number }): Promise<void> {
  const { id, ...data } = record;
  if (id === undefined) await strapi.db.query(RECORD_UID).create({ data });
  else await strapi.db.query(RECORD_UID).update({ where: { id }, data });
}

async function draftLocales(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<string[]> {
  const rows: Array<{ locale: string }> = await strapi.db
    .query(uid)
    .findMany({ where: { documentId, publishedAt: null }, select: ['locale'], orderBy: { id: 'asc' } });
  return rows.map((row) => row.locale);
}

/** The source's text as a translation's basis: its hash and its units; null when there is no such variant. */
async function currentSource(
  strapi: Core.Strapi,
  uid: TranslatedType,
  documentId: string,
  locale: string,
): Promise<{ hash: string; units: Unit[] } | null> {
  const source = await loadDraft(strapi, uid, documentId, locale);
  if (!source) return null;
  const fields = translatableFields(strapi, uid);
  return { hash: sourceHash(fields, source), units: extractUnits(fields, source) };
}

/**
 * A record for a document that has none (content from before this feature, or restored from a
 * backup): the default locale is the source when it exists, else the oldest variant; every
 * existing translation is taken as up to date with it.
 */
async function adopt(strapi: Core.Strapi, uid: TranslatedType, documentId: string): Promise<TranslationRecord | null> {
  const locales = await draftLocales(strapi, uid, documentId);
  if (locales.length === 0) return null;
  const sourceLocale = adoptedSource(locales, await defaultLocale(strapi));
  await saveRecord(
    strapi,
    adoptionRecord(uid, documentId, locales, sourceLocale, await currentSource(strapi, uid, documentId, sourceLocale)),
  );
  return findRecord(strapi, uid, documentId);
}

/** The default locale when the document has it, else its oldest variant (`locales` oldest first). */
function adoptedSource(locales: readonly string[], preferred: string): string {
  return locales.includes(preferred) ? preferred : locales[0]!;
}

/** The record of an adopted document: every translation taken as up to date with the source's text `hash`. */
function adoptionRecord(
  uid: TranslatedType,
  documentId: string,
  locales: readonly string[],
  sourceLocale: string,
  source: { hash: string; units: Unit[] } | null,
): Omit<TranslationRecord, 'id'> {
  const at = new Date().toISOString();
  const basis: Record<string, Basis> = {};
  for (const locale of locales)
    if (locale !== sourceLocale && source) basis[locale] = { ...source, from: sourceLocale, at };
  return { contentType: uid, document: documentId, sourceLocale, basis };
}

/**
 * After a variant was written: a first variant becomes the source; a translation whose text
 * changed (or that was just created) records the source text it now corresponds to.
 */
async function recordWrite(
  strapi: Core.Strapi,
  uid: TranslatedType,
  documentId: string,
  locale: string,
  textChanged: boolean,
): Promise<void> {
  const record = await findRecord(strapi, uid, documentId);
  if (!record) {
    const locales = await draftLocales(strapi, uid, documentId);
    if (locales.length <= 1) {
      await saveRecord(strapi, { contentType: uid, document: documentId, sourceLocale: locale, basis: {} });
      return;
    }
    await adopt(strapi, uid, documentId);
    return;
  }
  if (record.sourceLocale === locale || !textChanged) return;
  await confirmTranslation(strapi, uid, documentId, locale, record);
}

/**
 * Records that the `locale` translation corresponds to the source's current text: on a text
 * change, on an import (whose source was checked), or when a translator confirms it unchanged.
 */
export async function confirmTranslation(
  strapi: Core.Strapi,
  uid: TranslatedType,
  documentId: string,
  locale: string,
  known?: TranslationRecord,
): Promise<void> {
  const record = known ?? (await findRecord(strapi, uid, documentId)) ?? (await adopt(strapi, uid, documentId));
  if (!record || record.sourceLocale === locale) return;
  const source = await currentSource(strapi, uid, documentId, record.sourceLocale);
  if (source === null) {
    // The source variant is gone: the variant just written is the document's text now.
    await saveRecord(strapi, { ...record, sourceLocale: locale, basis: {} });
    return;
  }
  const basis = {
    ...(record.basis ?? {}),
    [locale]: { ...source, from: record.sourceLocale, at: new Date().toISOString() },
  };
  await saveRecord(strapi, { ...record, basis });
  await rememberTranslation(strapi, uid, documentId, record.sourceLocale, locale);
}

/** After a variant (or the whole document) was deleted. */
async function recordDelete(strapi: Core.Strapi, uid: TranslatedType, documentId: string): Promise<void> {
  const record = await findRecord(strapi, uid, documentId);
  if (!record) return;
  const locales = await draftLocales(strapi, uid, documentId);
  if (locales.length === 0) {
    await strapi.db.query(RECORD_UID).delete({ where: { id: record.id } });
    return;
  }
  const basis = Object.fromEntries(Object.entries(record.basis ?? {}).filter(([locale]) => locales.includes(locale)));
  if (locales.includes(record.sourceLocale)) {
    await saveRecord(strapi, { ...record, basis });
    return;
  }
  // The source was deleted: the oldest remaining variant takes over as the original.
  const sourceLocale = locales[0]!;
  delete basis[sourceLocale];
  await saveRecord(strapi, { ...record, sourceLocale, basis });
}

/** Document Service middleware keeping the records in step with every write, whoever makes it. */
export function registerTranslationTracking(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!isTranslatedType(uid) || !['create', 'update', 'delete'].includes(action)) return next();
    const params = (context.params ?? {}) as { documentId?: string; locale?: string };
    const fields = translatableFields(strapi, uid);
    // The text before an update. Saves that leave it as it was (publishing from the admin saves
    // the form first, shared-field edits) do not make an outdated translation current.
    const locale = params.locale && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
    const before =
      action === 'update' && params.documentId ? await loadDraft(strapi, uid, params.documentId, locale) : null;
    const result = await next();

    if (action === 'delete') {
      if (params.documentId) await recordDelete(strapi, uid, params.documentId);
      return result;
    }
    const written = result as { documentId?: string; locale?: string } | null;
    const documentId = written?.documentId;
    if (!documentId) return result;
    const writtenLocale = written?.locale ?? locale;
    const after = before ? await loadDraft(strapi, uid, documentId, writtenLocale) : null;
    const textChanged = !before || sourceHash(fields, before) !== sourceHash(fields, after);
    await recordWrite(strapi, uid, documentId, writtenLocale, textChanged);
    return result;
  });
}

/** Documents adopted per round trip: one query loads their source drafts, one writes their records. */
const ADOPT_BATCH = 200;

/**
 * Gives every existing document a record, as adopt() does one by one, in batches: it runs in
 * bootstrap, and content loaded in bulk (`strapi import`, a migration) can be tens of thousands
 * of documents that a health check would otherwise wait minutes for. Cheap when all have one.
 */
export async function adoptUntrackedDocuments(strapi: Core.Strapi, uids: readonly TranslatedType[]): Promise<number> {
  let adopted = 0;
  const preferred = await defaultLocale(strapi);
  for (const uid of uids) {
    const fields = translatableFields(strapi, uid);
    const tracked = new Set(
      (
        (await strapi.db.query(RECORD_UID).findMany({ where: { contentType: uid }, select: ['document'] })) as Array<{
          document: string;
        }>
      ).map((r) => r.document),
    );
    const rows: Array<{ documentId: string; locale: string }> = await strapi.db
      .query(uid)
      .findMany({ where: { publishedAt: null }, select: ['documentId', 'locale'], orderBy: { id: 'asc' } });
    // Each untracked document's locales, oldest variant first (as draftLocales gives them).
    const localesOf = new Map<string, string[]>();
    for (const { documentId, locale } of rows) {
      if (tracked.has(documentId)) continue;
      localesOf.set(documentId, [...(localesOf.get(documentId) ?? []), locale]);
    }
    const untracked = [...localesOf].map(([documentId, locales]) => ({
      documentId,
      locales,
      sourceLocale: adoptedSource(locales, preferred),
    }));
    for (let start = 0; start < untracked.length; start += ADOPT_BATCH) {
      const batch = untracked.slice(start, start + ADOPT_BATCH);
      const sources: Array<Record<string, unknown> & { documentId: string; locale: string }> = await strapi.db
        .query(uid)
        .findMany({
          where: {
            publishedAt: null,
            $or: batch.map(({ documentId, sourceLocale }) => ({ documentId, locale: sourceLocale })),
          },
          populate: populateOf(fields),
        });
      const sourceOf = new Map(sources.map((source) => [`${source.documentId}\n${source.locale}`, source]));
      const records = batch.map(({ documentId, locales, sourceLocale }) => {
        const source = sourceOf.get(`${documentId}\n${sourceLocale}`);
        return adoptionRecord(
          uid,
          documentId,
          locales,
          sourceLocale,
          source ? { hash: sourceHash(fields, source), units: extractUnits(fields, source) } : null,
        );
      });
      await strapi.db.query(RECORD_UID).createMany({ data: records });
      adopted += records.length;
    }
  }
  return adopted;
}
