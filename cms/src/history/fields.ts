import type { Core, UID } from '@strapi/strapi';

/**
 * The field values of one locale variant as a version keeps them: scalars and blocks as stored,
 * components without their row ids, relations by documentId, media by file id with the file's
 * hash and name (a backup restored into a fresh database may give files new ids; the hash finds
 * them again). Only what the
 * variant itself owns is kept: the inverse side of a relation (a category's articles) belongs to
 * the other documents' versions.
 */

// biome-ignore lint/suspicious/noExplicitAny: field values are data of any attribute type
export type Json = any;
export type Fields = Record<string, Json>;

interface Attribute {
  type: string;
  multiple?: boolean;
  repeatable?: boolean;
  relation?: string;
  target?: string;
  mappedBy?: string;
  private?: boolean;
}

/** Kept by Strapi itself on every row; not content an editor writes. */
const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'locale',
  'localizations',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
]);

/** A file as a version refers to it. */
export interface MediaRef {
  id: number;
  hash: string;
  name: string;
}

const attributesOf = (strapi: Core.Strapi, uid: UID.ContentType) =>
  strapi.contentType(uid).attributes as unknown as Record<string, Attribute>;

const isManyRelation = (attribute: Attribute) => /ToMany$/i.test(attribute.relation ?? '');

/** The attributes a version keeps, by name. */
export function versionedAttributes(strapi: Core.Strapi, uid: UID.ContentType): Record<string, Attribute> {
  const kept: Record<string, Attribute> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (SYSTEM_FIELDS.has(name) || attribute.type === 'password') continue;
    if (attribute.type === 'relation' && (attribute.mappedBy || !attribute.target?.startsWith('api::'))) continue;
    kept[name] = attribute;
  }
  return kept;
}

/** `populate` that loads what versionedAttributes keeps, and no more than needed of it. */
function populateFor(attributes: Record<string, Attribute>): Record<string, Json> {
  const populate: Record<string, Json> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'relation') populate[name] = { select: ['documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['id', 'hash', 'name'] };
    else if (attribute.type === 'component' || attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
}

/** A component's values without the row ids Strapi gives it (a restore writes new rows). */
function withoutIds(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (!value || typeof value !== 'object') return value;
  const out: Fields = {};
  for (const [key, item] of Object.entries(value)) if (key !== 'id') out[key] = withoutIds(item);
  return out;
}

function versionValue(attribute: Attribute, value: Json): Json {
  switch (attribute.type) {
    case 'relation':
      if (isManyRelation(attribute))
        return ((value ?? []) as Array<{ documentId: string }>).map((item) => item.documentId);
      return value?.documentId ?? null;
    case 'media': {
      const file = ({ id, hash, name }: MediaRef) => ({ id, hash, name });
      if (attribute.multiple) return ((value ?? []) as MediaRef[]).map(file);
      return value ? file(value) : null;
    }
    case 'component':
    case 'dynamiczone':
      return withoutIds(value ?? null);
    default:
      return value ?? null;
  }
}

/** The stored draft (or, with `published`, the published version) of a variant as version fields; null when it has none. */
export async function readFields(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string | null,
  published = false,
): Promise<Fields | null> {
  const attributes = versionedAttributes(strapi, uid);
  const where: Json = { documentId, publishedAt: published ? { $notNull: true } : null };
  if (locale) where.locale = locale;
  const row = await strapi.db.query(uid).findOne({ where, populate: populateFor(attributes) });
  if (!row) return null;
  const fields: Fields = {};
  for (const [name, attribute] of Object.entries(attributes)) fields[name] = versionValue(attribute, row[name]);
  return fields;
}

/**
 * A version's fields as Document Service data for a restore. A related document or a file that
 * has been deleted since is left out: the rest of the version still comes back.
 */
export async function restoreData(strapi: Core.Strapi, uid: UID.ContentType, fields: Fields): Promise<Fields> {
  const attributes = versionedAttributes(strapi, uid);
  const data: Fields = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!(name in fields)) continue;
    const value = fields[name];
    if (attribute.type === 'relation') {
      const wanted: string[] = Array.isArray(value) ? value : value ? [value] : [];
      const existing = wanted.length
        ? new Set(
            (
              await strapi.db
                .query(attribute.target as UID.ContentType)
                .findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] })
            ).map((row: { documentId: string }) => row.documentId),
          )
        : new Set<string>();
      const kept = wanted.filter((id) => existing.has(id));
      data[name] = isManyRelation(attribute) ? { set: kept } : { set: kept.slice(0, 1) };
    } else if (attribute.type === 'media') {
      const wanted: MediaRef[] = Array.isArray(value) ? value : value ? [value] : [];
      const kept: number[] = [];
      for (const ref of wanted) {
        const file =
          (await strapi.db.query('plugin::upload.file').findOne({ where: { hash: ref.hash }, select: ['id'] })) ??
          (await strapi.db.query('plugin::upload.file').findOne({ where: { id: ref.id }, select: ['id'] }));
        if (file) kept.push(file.id);
      }
      data[name] = attribute.multiple ? kept : (kept[0] ?? null);
    } else data[name] = value;
  }
  return data;
}
