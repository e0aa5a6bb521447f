import { randomUUID } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES, REDIRECT_UID } from '@medee/contract';
import type { SiteChange, VariantChange } from '@medee/contract/change';

/** Actions that can change published versions; reads, clones and draft discards cannot. */
const WRITE_ACTIONS: Readonly<Record<string, string>> = {
  create: 'entry.create',
  update: 'entry.update',
  publish: 'entry.publish',
  unpublish: 'entry.unpublish',
  delete: 'entry.delete',
};
const TRACKED_TYPES: ReadonlySet<string> = new Set(PUBLIC_CONTENT_TYPES);

// Fields that change on every publish although the content does not.
const VOLATILE_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
]);
const IGNORED_ATTRIBUTES = new Set(['createdBy', 'updatedBy', 'localizations']);

interface PublishedVariant {
  slug: string | null;
  fingerprint: string;
}

type Attribute = { type: string };

/** Relations and media by documentId, components with their fields: what a published version shows. */
function fingerprintPopulate(attributes: Record<string, Attribute>): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (IGNORED_ATTRIBUTES.has(name)) continue;
    if (attribute.type === 'relation' || attribute.type === 'media') populate[name] = { select: ['documentId'] };
    else if (attribute.type === 'component' || attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
}

/** Drops volatile fields, sorts keys and relation lists: equal content gives equal JSON. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    const allLinks = items.every((item) => item !== null && typeof item === 'object' && 'documentId' in item);
    return allLinks
      ? items.sort((a, b) =>
          String((a as { documentId: unknown }).documentId).localeCompare(
            String((b as { documentId: unknown }).documentId),
          ),
        )
      : items;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (!VOLATILE_FIELDS.has(key) && !IGNORED_ATTRIBUTES.has(key))
        out[key] = normalize((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

async function publishedVariants(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<Map<string, PublishedVariant>> {
  const contentType = strapi.contentType(uid);
  const attributes = contentType.attributes as Record<string, Attribute>;
  const slugField = Object.keys(attributes).find((name) => attributes[name]?.type === 'uid');
  const rows: Array<Record<string, unknown>> = await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    populate: fingerprintPopulate(attributes),
  });
  const variants = new Map<string, PublishedVariant>();
  for (const row of rows) {
    const locale = typeof row.locale === 'string' ? row.locale : '';
    variants.set(locale, {
      slug: slugField && typeof row[slugField] === 'string' ? (row[slugField] as string) : null,
      fingerprint: JSON.stringify(normalize(row)),
    });
  }
  return variants;
}

/** The change between two snapshots, or null when no published version changed. */
export function diffVariants(
  before: Map<string, PublishedVariant>,
  after: Map<string, PublishedVariant>,
): VariantChange[] | null {
  const locales = [...new Set([...before.keys(), ...after.keys()])].sort();
  const variants = locales.map((locale): VariantChange => {
    const old = before.get(locale);
    const now = after.get(locale);
    return {
      locale,
      before: old ? { slug: old.slug } : null,
      after: now ? { slug: now.slug } : null,
      changed: !old || !now || old.fingerprint !== now.fingerprint,
    };
  });
  return variants.some((variant) => variant.changed) ? variants : null;
}

function resultDocumentId(result: unknown): string | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const { documentId, entries } = result as { documentId?: unknown; entries?: Array<{ documentId?: unknown }> };
  if (typeof documentId === 'string') return documentId;
  const fromEntries = entries?.[0]?.documentId;
  return typeof fromEntries === 'string' ? fromEntries : undefined;
}

/**
 * Document Service middleware: around every write to the site's content types, snapshots the
 * document's published versions (all locales) before and after, and hands the difference to
 * `notify` once the transaction is committed — never for a draft-only save. It runs outside
 * the i18n plugin's middleware (registered earlier), so the "after" snapshot includes the
 * non-localized fields i18n copies into the other locales.
 */
export function registerSiteChanges(strapi: Core.Strapi, notify: (change: SiteChange) => void): void {
  const announce = (change: SiteChange) =>
    // Only what was committed may be announced: the site reads it back at once.
    strapi.db.transaction(({ onCommit }) => {
      onCommit(() => notify(change));
    });
  strapi.documents.use(async (context, next) => {
    const event = WRITE_ACTIONS[context.action];
    if (event && context.uid === REDIRECT_UID) {
      // Redirects have no variants: the site refreshes its redirect lookups as a whole.
      const result = await next();
      const documentId = resultDocumentId(result) ?? (context.params as { documentId?: string }).documentId;
      if (documentId) {
        const createdAt = new Date().toISOString();
        await announce({ id: randomUUID(), event, createdAt, uid: REDIRECT_UID, documentId, variants: [] });
      }
      return result;
    }
    if (!event || !TRACKED_TYPES.has(context.uid)) return next();
    const uid = context.uid as UID.ContentType;
    const params = (context.params ?? {}) as { documentId?: unknown };
    const knownId = typeof params.documentId === 'string' ? params.documentId : undefined;

    let before: Map<string, PublishedVariant> | undefined;
    try {
      before = knownId ? await publishedVariants(strapi, uid, knownId) : new Map();
    } catch (error) {
      strapi.log.warn(`Site changes: could not read ${uid} ${knownId} before ${context.action}: ${String(error)}`);
    }
    const result = await next();
    const documentId = knownId ?? resultDocumentId(result);
    if (!before || !documentId) return result;

    try {
      const variants = diffVariants(before, await publishedVariants(strapi, uid, documentId));
      if (variants) {
        const change: SiteChange = {
          id: randomUUID(),
          event,
          createdAt: new Date().toISOString(),
          uid,
          model: strapi.contentType(uid).modelName,
          documentId,
          variants,
        };
        await announce(change);
      }
    } catch (error) {
      strapi.log.warn(`Site changes: could not compare ${uid} ${documentId} after ${context.action}: ${String(error)}`);
    }
    return result;
  });
}
