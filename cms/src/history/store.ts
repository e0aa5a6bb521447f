import type { Core, UID } from '@strapi/strapi';
import type { Fields } from './fields';

/** The hidden content type versions are kept in (a row per version; see its schema.json). */
export const VERSION_UID = 'api::history-version.history-version' as UID.ContentType;

/** What an action on a document is recorded as. A restore is an update the History panel made. */
export type VersionAction = 'create' | 'update' | 'publish' | 'unpublish' | 'discardDraft' | 'restore';

export interface Version {
  id: number;
  contentType: string;
  document: string;
  locale: string;
  action: VersionAction;
  userId: number | null;
  userName: string | null;
  fields: Fields;
  createdAt: string;
}
export type VersionSummary = Omit<Version, 'fields'>;

export interface Retention {
  /** Versions younger than this many days are kept. */
  days: number;
  /** The newest this many versions of each variant are kept whatever their age. */
  minimum: number;
}

/** HISTORY_RETENTION_DAYS (default 365) and HISTORY_MIN_VERSIONS (default 50); a bad value stops the start. */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): Retention {
  const read = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not "${raw}"`);
    return value;
  };
  return { days: read('HISTORY_RETENTION_DAYS', 365), minimum: read('HISTORY_MIN_VERSIONS', 50) };
}

export async function addVersion(strapi: Core.Strapi, version: Omit<Version, 'id' | 'createdAt'>): Promise<void> {
  await strapi.db.query(VERSION_UID).create({ data: version });
}

/** A variant's versions, newest first, without their fields. */
export function listVersions(strapi: Core.Strapi, document: string, locale: string): Promise<VersionSummary[]> {
  return strapi.db.query(VERSION_UID).findMany({
    where: { document, locale },
    select: ['id', 'contentType', 'document', 'locale', 'action', 'userId', 'userName', 'createdAt'],
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  }) as Promise<VersionSummary[]>;
}

export function findVersion(strapi: Core.Strapi, id: number): Promise<Version | null> {
  return strapi.db.query(VERSION_UID).findOne({ where: { id } }) as Promise<Version | null>;
}

/** Deletes a variant's versions that are both older than the retention period and beyond its newest `minimum`. */
export async function pruneVariant(
  strapi: Core.Strapi,
  document: string,
  locale: string,
  retention: Retention,
): Promise<number> {
  const cutoff = new Date(Date.now() - retention.days * 86_400_000);
  // The oldest version that is kept for being among the newest `minimum` (ids grow with time).
  const [boundary] = (await strapi.db.query(VERSION_UID).findMany({
    where: { document, locale },
    select: ['id'],
    orderBy: { id: 'desc' },
    offset: Math.max(retention.minimum - 1, 0),
    limit: 1,
  })) as Array<{ id: number }>;
  if (!boundary) return 0;
  const idBound = retention.minimum === 0 ? { $lte: boundary.id } : { $lt: boundary.id };
  const { count } = await strapi.db
    .query(VERSION_UID)
    .deleteMany({ where: { document, locale, createdAt: { $lt: cutoff }, id: idBound } });
  return count;
}

/** The daily prune: every variant that has versions older than the retention period. */
export async function pruneAll(strapi: Core.Strapi, retention: Retention): Promise<number> {
  const cutoff = new Date(Date.now() - retention.days * 86_400_000);
  // Through the query layer, which stores and compares dates the same way on SQLite and PostgreSQL.
  const old = (await strapi.db
    .query(VERSION_UID)
    .findMany({ where: { createdAt: { $lt: cutoff } }, select: ['document', 'locale'] })) as Array<{
    document: string;
    locale: string;
  }>;
  const variants = new Map(old.map((row) => [`${row.document}\u0000${row.locale}`, row]));
  let removed = 0;
  for (const { document, locale } of variants.values())
    removed += await pruneVariant(strapi, document, locale, retention);
  return removed;
}
