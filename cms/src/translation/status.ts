import type { Core } from '@strapi/strapi';
import {
  defaultLocale,
  localeCodes,
  populateOf,
  slugSource,
  translatableFields,
  TYPE_NAMES,
  type TranslatedType,
} from './content';
import { findRecords } from './tracking';
import { sourceHash } from './units';

/**
 * Per document and locale:
 * - missing: no variant in that locale;
 * - draft: a variant that was never published (or was unpublished);
 * - published: a published variant (its draft may hold newer, unpublished edits);
 * - outdated: a translation saved against source text that has changed since.
 * The source variant itself is draft or published, never outdated.
 */
export type LocaleStatus = 'missing' | 'draft' | 'published' | 'outdated';

export interface LocaleState {
  status: LocaleStatus;
  /** Whether a published version exists (also for an outdated translation). */
  published: boolean;
  isSource: boolean;
  title: string | null;
  updatedAt: string | null;
  /** When the basis of an outdated or current translation was recorded. */
  translatedAt: string | null;
  /** A translator has work here: the translation is missing, outdated or only a draft (not on the site). */
  needsWork: boolean;
}

export interface StatusRow {
  contentType: TranslatedType;
  type: string;
  documentId: string;
  /** The source variant's title (or name). */
  title: string;
  sourceLocale: string;
  locales: Record<string, LocaleState>;
}

export interface StatusReport {
  locales: string[];
  rows: StatusRow[];
}

/** The admin API's answer: the report and, per type, the locales the user may create and update variants in. */
export interface StatusAnswer extends StatusReport {
  may: Partial<Record<TranslatedType, { create: string[]; update: string[] }>>;
}

type Row = Record<string, unknown> & { documentId: string; locale: string; updatedAt?: string | Date | null };

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null;

/** Translation status of every document of `uids` in every locale, computed from the database as it is now. */
export async function translationStatus(strapi: Core.Strapi, uids: readonly TranslatedType[]): Promise<StatusReport> {
  const locales = await localeCodes(strapi);
  const fallbackSource = await defaultLocale(strapi);
  const rows: StatusRow[] = [];

  for (const uid of uids) {
    const fields = translatableFields(strapi, uid);
    const titleField = slugSource(strapi, uid)?.titleField ?? fields[0]?.path ?? 'id';
    const drafts: Row[] = await strapi.db
      .query(uid)
      .findMany({ where: { publishedAt: null }, populate: populateOf(fields), orderBy: { id: 'asc' } });
    const published: Row[] = await strapi.db
      .query(uid)
      .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'locale'] });
    const records = new Map((await findRecords(strapi, uid)).map((record) => [record.document, record]));
    const publishedKeys = new Set(published.map((row) => `${row.documentId}:${row.locale}`));

    const byDocument = new Map<string, Map<string, Row>>();
    for (const draft of drafts) {
      if (!byDocument.has(draft.documentId)) byDocument.set(draft.documentId, new Map());
      byDocument.get(draft.documentId)!.set(draft.locale, draft);
    }

    for (const [documentId, variants] of byDocument) {
      const record = records.get(documentId);
      const sourceLocale =
        record && variants.has(record.sourceLocale)
          ? record.sourceLocale
          : variants.has(fallbackSource)
            ? fallbackSource
            : [...variants.keys()][0]!;
      const source = variants.get(sourceLocale)!;
      const currentHash = sourceHash(fields, source);

      const states: Record<string, LocaleState> = {};
      for (const locale of locales) {
        const variant = variants.get(locale);
        if (!variant) {
          states[locale] = {
            status: 'missing',
            published: false,
            isSource: false,
            title: null,
            updatedAt: null,
            translatedAt: null,
            needsWork: true,
          };
          continue;
        }
        const isPublished = publishedKeys.has(`${documentId}:${locale}`);
        const basis = record?.basis?.[locale];
        // No basis (a record written before this translation existed): nobody checked it against this source.
        const outdated =
          locale !== sourceLocale && (!basis || basis.from !== sourceLocale || basis.hash !== currentHash);
        const status: LocaleStatus = outdated ? 'outdated' : isPublished ? 'published' : 'draft';
        states[locale] = {
          status,
          published: isPublished,
          isSource: locale === sourceLocale,
          title: typeof variant[titleField] === 'string' ? (variant[titleField] as string) : null,
          updatedAt: iso(variant.updatedAt),
          translatedAt: basis?.at ?? null,
          needsWork: locale !== sourceLocale && status !== 'published',
        };
      }
      rows.push({
        contentType: uid,
        type: TYPE_NAMES[uid],
        documentId,
        title: typeof source[titleField] === 'string' ? (source[titleField] as string) : documentId,
        sourceLocale,
        locales: states,
      });
    }
  }
  rows.sort(
    (a, b) =>
      a.type.localeCompare(b.type) || a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId),
  );
  return { locales, rows };
}
