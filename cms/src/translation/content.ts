import type { Core, UID } from '@strapi/strapi';
import type { FieldSpec } from './units';

/** The content translators track: status, outdated detection and XLIFF cover these types. */
export const TRANSLATED_TYPES = ['api::article.article', 'api::certificate.certificate'] as const;
export type TranslatedType = (typeof TRANSLATED_TYPES)[number];
export const TYPE_NAMES: Record<TranslatedType, string> = {
  'api::article.article': 'article',
  'api::certificate.certificate': 'certificate',
};
export const isTranslatedType = (uid: string): uid is TranslatedType =>
  (TRANSLATED_TYPES as readonly string[]).includes(uid);

type Attribute = {
  type: string;
  component?: string;
  repeatable?: boolean;
  targetField?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Json = Record<string, unknown>;

const isLocalized = (attribute: Attribute) => attribute.pluginOptions?.i18n?.localized === true;
const TEXT_TYPES = new Set(['string', 'text']);

/**
 * The translatable fields of a content type, read from its schema: localized string, text and
 * blocks attributes, and the string/text fields of its localized single components (seo). Slugs
 * (uid) are derived, not translated.
 */
export function translatableFields(strapi: Core.Strapi, uid: UID.ContentType): FieldSpec[] {
  const fields: FieldSpec[] = [];
  const attributes = strapi.contentType(uid).attributes as Record<string, Attribute>;
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!isLocalized(attribute)) continue;
    if (TEXT_TYPES.has(attribute.type)) fields.push({ path: name, kind: 'plain' });
    else if (attribute.type === 'blocks') fields.push({ path: name, kind: 'blocks' });
    else if (attribute.type === 'component' && !attribute.repeatable && attribute.component) {
      const component = strapi.components[attribute.component as UID.Component];
      for (const [field, inner] of Object.entries((component?.attributes ?? {}) as Record<string, Attribute>)) {
        if (TEXT_TYPES.has(inner.type)) fields.push({ path: `${name}.${field}`, kind: 'plain' });
      }
    }
  }
  return fields;
}

export interface SlugSource {
  slugField: string;
  titleField: string;
  maxLength?: number;
}

/**
 * The field a type's slug is made from (the uid attribute's targetField), e.g. title or name, read
 * from the type's attributes; the admin reads them from the content manager's copy of the schema.
 */
export function slugSourceIn(attributes: Readonly<Record<string, unknown>> = {}): SlugSource | null {
  for (const [name, attribute] of Object.entries(attributes as Record<string, Attribute & { maxLength?: number }>)) {
    if (attribute.type === 'uid' && attribute.targetField)
      return { slugField: name, titleField: attribute.targetField, maxLength: attribute.maxLength };
  }
  return null;
}

/** The field a type's slug is made from, e.g. title or name. */
export function slugSource(strapi: Core.Strapi, uid: UID.ContentType): SlugSource | null {
  return slugSourceIn(strapi.contentType(uid).attributes);
}

/** `populate` for the components the translatable fields live in. */
export function populateOf(fields: readonly FieldSpec[]): Record<string, true> {
  const populate: Record<string, true> = {};
  for (const field of fields) if (field.path.includes('.')) populate[field.path.split('.')[0]!] = true;
  return populate;
}

/** The draft (latest) version of one locale variant, with its components, or null. */
export async function loadDraft(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string,
): Promise<Json | null> {
  return strapi.db.query(uid).findOne({
    where: { documentId, locale, publishedAt: null },
    populate: populateOf(translatableFields(strapi, uid)),
  });
}

export function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  return strapi
    .plugin('i18n')
    .service('locales')
    .find()
    .then((locales: Array<{ code: string }>) => locales.map((locale) => locale.code).sort());
}

export function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return strapi.plugin('i18n').service('locales').getDefaultLocale();
}
