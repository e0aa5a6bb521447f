import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { defaultLocale } from '../translation/content';
import { readFields } from './fields';
import { addVersion, pruneVariant, type Retention, type VersionAction } from './store';

/** The types whose saves and publishes are kept: what editors write. */
export const HISTORY_TYPES = [
  'api::article.article',
  'api::certificate.certificate',
  'api::category.category',
  'api::global.global',
] as const;
export const isHistoryType = (uid: string): uid is (typeof HISTORY_TYPES)[number] =>
  (HISTORY_TYPES as readonly string[]).includes(uid);

const RECORDED: ReadonlySet<string> = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft']);

/** Set while the History panel restores a version, so its update is recorded as a restore. */
export const restoring = new AsyncLocalStorage<true>();

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}
type Json = Record<string, unknown> | null | undefined;

/** Who made the request: the signed-in admin user, or nobody (the seed, the scheduler, a script). */
function author(strapi: Core.Strapi): { userId: number | null; userName: string | null } {
  const state = strapi.requestContext.get()?.state;
  const user = state?.user as AdminUser | undefined;
  if (state?.route?.info?.type !== 'admin' || !user) return { userId: null, userName: null };
  const name = user.username || [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || null;
  return { userId: user.id, userName: name };
}

/** The locale variants an action wrote: from its result when it says, else from its parameters. */
async function writtenLocales(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  params: { locale?: string | string[] },
  result: Json,
): Promise<string[]> {
  if (typeof result?.locale === 'string') return [result.locale];
  const entries = (result?.entries ?? []) as Array<{ locale?: string }>;
  const fromEntries = entries.map((entry) => entry.locale).filter((locale): locale is string => !!locale);
  if (fromEntries.length > 0) return [...new Set(fromEntries)];
  if (Array.isArray(params.locale)) return params.locale;
  if (params.locale && params.locale !== '*') return [params.locale];
  if (params.locale === '*') {
    const rows = (await strapi.db
      .query(uid)
      .findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Array<{ locale: string }>;
    return rows.map((row) => row.locale);
  }
  return [await defaultLocale(strapi)];
}

/**
 * Document Service middleware: after every create, update, publish, unpublish and discard of an
 * editor's type, a version of each locale variant written, whoever wrote it (admin, API, import,
 * scheduler), then that variant's prune. Keeping history never fails the write itself.
 */
export function registerHistoryCapture(strapi: Core.Strapi, retention: Retention): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!isHistoryType(uid) || !RECORDED.has(action)) return next();
    const result = await next();
    const written = result as Json;
    try {
      const params = (context.params ?? {}) as { documentId?: string; locale?: string | string[] };
      const documentId = (typeof written?.documentId === 'string' && written.documentId) || params.documentId;
      if (!documentId) return result;
      const recorded: VersionAction = restoring.getStore() ? 'restore' : (action as VersionAction);
      const who = author(strapi);
      for (const locale of await writtenLocales(strapi, uid, documentId, params, written)) {
        const fields = await readFields(strapi, uid, documentId, locale);
        if (!fields) continue;
        await addVersion(strapi, { contentType: uid, document: documentId, locale, action: recorded, ...who, fields });
        await pruneVariant(strapi, documentId, locale, retention);
      }
    } catch (error) {
      strapi.log.error(`History: the ${action} of a ${uid} was saved but not recorded: ${String(error)}`);
    }
    return result;
  });
}
