import type { Core, UID } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from '@medee/contract';

const TRACKED_TYPES: ReadonlySet<string> = new Set(PUBLIC_CONTENT_TYPES);

function publishedEntries(action: string, params: { status?: unknown }, result: unknown): Array<{ id: number }> {
  if (!result || typeof result !== 'object') return [];
  if (action === 'publish')
    return ((result as { entries?: Array<{ id: number }> }).entries ?? []).filter((entry) => entry?.id);
  if ((action === 'update' || action === 'create') && params.status === 'published' && 'id' in result)
    return [result as { id: number }];
  return [];
}

/**
 * A shared (non-localized) field — post date, cover, certificate number — is one value in every
 * locale's published version once any locale publishes it.
 *
 * NOTE: Strapi's i18n middleware copies shared fields into the other locales' *published*
 * versions only when it sees them differ between some row of the document and the newly
 * published one. The Content Manager saves and publishes in one go (update, then publish), and
 * the update has already copied the new value into every draft, so i18n sees no difference and
 * the other locales' published pages keep the old date until they are published again. This
 * middleware makes the copy after every publish, with i18n's own service. Remove it when
 * i18n syncs published versions on publish (tests/site-changes.test.ts, "shared field", fails
 * without it).
 */
export function registerSharedFieldsSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!TRACKED_TYPES.has(context.uid)) return result;
    const entries = publishedEntries(context.action, (context.params ?? {}) as { status?: unknown }, result);
    if (entries.length === 0) return result;

    const i18nTypes = strapi.plugin('i18n').service('content-types');
    const schema = strapi.contentType(context.uid as UID.ContentType);
    if (!i18nTypes.isLocalizedContentType(schema)) return result;
    const populate = i18nTypes.getNestedPopulateOfNonLocalizedAttributes(context.uid);
    const localizations = strapi.plugin('i18n').service('localizations');
    for (const { id } of entries) {
      const entry = await strapi.db.query(context.uid as UID.ContentType).findOne({ where: { id }, populate });
      if (entry?.publishedAt) await localizations.syncNonLocalizedAttributes(entry, schema);
    }
    return result;
  });
}
