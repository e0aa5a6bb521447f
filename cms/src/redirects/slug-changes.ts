import type { Core, UID } from '@strapi/strapi';
import { documentPagePath, isLocale, REDIRECT_UID } from '@medee/contract';
import { findRedirect, TARGET_FIELD_NAMES, TARGET_FIELDS } from './resolve';

const WRITES = new Set(['create', 'update', 'publish']);
const FIELD_OF = new Map<string, (typeof TARGET_FIELD_NAMES)[number]>(
  TARGET_FIELD_NAMES.map((field) => [TARGET_FIELDS[field], field]),
);

/** The published page path of each locale of a document. */
async function publishedPages(strapi: Core.Strapi, uid: UID.ContentType, documentId: string) {
  const rows: Array<{ locale: string; slug: unknown }> = await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['locale', 'slug'],
  });
  const pages = new Map<string, string>();
  for (const { locale, slug } of rows) {
    const path = isLocale(locale) && typeof slug === 'string' ? documentPagePath(uid, locale, slug) : null;
    if (path) pages.set(locale, path);
  }
  return pages;
}

/**
 * Automatic redirects. When a publish moves a variant to another slug, its old page redirects,
 * permanently, to the document's variant — not to the new path: the lookup reads the document's
 * current slug, so after A→B→C both A and B lead straight to C, and an unpublished or deleted
 * document's old pages answer 404 again (the redirect stays and works once it is back). Any
 * redirect from a page that is now published is removed: a slug another document takes stops
 * redirecting. Written in the publish's transaction, so both commit together.
 */
export function registerSlugRedirects(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const field = FIELD_OF.get(context.uid);
    if (!field || !WRITES.has(context.action)) return next();
    const uid = context.uid as UID.ContentType;
    const knownId = (context.params as { documentId?: unknown } | undefined)?.documentId;
    return strapi.db.transaction(async () => {
      const before = typeof knownId === 'string' ? await publishedPages(strapi, uid, knownId) : new Map();
      const result = await next();
      const documentId =
        typeof knownId === 'string' ? knownId : (result as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') return result;
      const after = await publishedPages(strapi, uid, documentId);
      const redirects = strapi.db.query(REDIRECT_UID);
      for (const [locale, path] of after) {
        await redirects.deleteMany({ where: { fromPath: path } });
        const old = before.get(locale);
        if (!old || old === path) continue;
        // The draft row: it keeps its id across publishes (the published row is replaced).
        const draft = await strapi.db
          .query(uid)
          .findOne({ where: { documentId, locale, publishedAt: null }, select: ['id'] });
        if (!draft) continue;
        const data = {
          toPath: null,
          permanent: true,
          automatic: true,
          ...Object.fromEntries(TARGET_FIELD_NAMES.map((name) => [name, name === field ? draft.id : null])),
        };
        const existing = await findRedirect(strapi, old);
        if (existing) await redirects.update({ where: { id: existing.id }, data });
        // Not D&P, so always published (Strapi's Document Service sets this itself).
        else await redirects.create({ data: { fromPath: old, publishedAt: new Date(), ...data } });
      }
      return result;
    });
  });
}
