import { SLUG_MAX_LENGTH } from '@medee/contract';
import type { Core, UID } from '@strapi/strapi';
import { defaultLocale, slugSource } from './content';
import { followsTitle, slugify, uniqueSlug } from './slugify';

type Json = Record<string, unknown>;
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Slugs already used in `locale` by other documents (drafts and published versions alike). */
async function takenSlugs(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  slugField: string,
  base: string,
  locale: string,
  documentId?: string,
) {
  const rows: Json[] = await strapi.db.query(uid).findMany({
    where: {
      locale,
      [slugField]: { $startsWith: base },
      ...(documentId ? { documentId: { $ne: documentId } } : {}),
    },
    select: [slugField],
  });
  return new Set(rows.map((row) => String(row[slugField])));
}

/**
 * A readable slug for `title`, unique in `locale` among other documents of `uid`; null when the
 * title has nothing readable (empty, or only punctuation), so that no slug is made of the type's
 * name: a draft may wait for its title, and publishing asks for one.
 */
export async function generateSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  title: unknown,
  locale: string,
  documentId?: string,
): Promise<string | null> {
  const source = slugSource(strapi, uid);
  if (!source) return null;
  const base = slugify(typeof title === 'string' ? title : '', source.maxLength ?? SLUG_MAX_LENGTH);
  if (!base) return null;
  return uniqueSlug(base, await takenSlugs(strapi, uid, source.slugField, base, locale, documentId));
}

/**
 * Slugs for content types with a uid field (article, certificate, category):
 * - on create (including a new locale created through update), an empty slug is generated from
 *   the title: Mongolian transliterated, Chinese in pinyin, unique per locale (-2, -3 …);
 * - on update, a slug that comes in empty is regenerated only while the variant was never
 *   published; once published, the existing slug is kept, so links never change silently.
 * - a slug that came from the title (the admin fills it in as the editor types) but is taken by
 *   another document in the locale gets a suffix (-2, -3 …) when saved.
 * A slug the editor typed is left as it is (Strapi answers 400 when it is taken).
 */
export function registerSlugGeneration(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!uid.startsWith('api::') || (action !== 'create' && action !== 'update')) return next();
    const source = slugSource(strapi, uid);
    if (!source) return next();
    const params = (context.params ?? {}) as { documentId?: string; locale?: string; data?: Json };
    const data = params.data;
    if (!data) return next();
    const locale = params.locale && params.locale !== '*' ? params.locale : await defaultLocale(strapi);

    let existing: Json | null = null;
    if (action === 'update' && params.documentId) {
      existing = await strapi.db.query(uid).findOne({
        where: { documentId: params.documentId, locale, publishedAt: null },
        // firstPublishedAt exists only when Strapi's first-published-at feature is on.
        select: [
          source.slugField,
          source.titleField,
          ...('firstPublishedAt' in strapi.contentType(uid).attributes ? ['firstPublishedAt'] : []),
        ],
      });
    }
    const slug = data[source.slugField];
    const title = data[source.titleField] ?? existing?.[source.titleField];
    if (!isEmpty(slug)) {
      if (typeof slug !== 'string' || slug === existing?.[source.slugField]) return next();
      if (!followsTitle(slug, title, source.maxLength)) return next();
      const base = slugify(String(title), source.maxLength);
      const taken = await takenSlugs(strapi, uid, source.slugField, base, locale, params.documentId);
      if (taken.has(slug)) data[source.slugField] = uniqueSlug(base, taken);
      return next();
    }
    if (existing) {
      if (!(source.slugField in data)) return next();
      const everPublished =
        !!existing.firstPublishedAt ||
        (await strapi.db
          .query(uid)
          .count({ where: { documentId: params.documentId, locale, publishedAt: { $notNull: true } } })) > 0;
      if (everPublished && !isEmpty(existing[source.slugField])) {
        data[source.slugField] = existing[source.slugField];
        return next();
      }
    }
    data[source.slugField] = await generateSlug(strapi, uid, title, locale, params.documentId);
    return next();
  });
}

/**
 * The admin asks the content-manager's uid service for a slug when a new form opens and when the
 * editor clicks Regenerate; the stock service drops Cyrillic and Hanzi, and makes `article` of an
 * empty title. This gives it the same slugs as the middleware: none until the title has one.
 * (As the title is typed, src/admin/slug-follower.tsx derives the slug in the browser.)
 */
export function registerAdminSlugSuggestions(strapi: Core.Strapi): void {
  strapi.get('services').extend('plugin::content-manager.uid', (service: Json) => {
    const original = service.generateUIDField as (args: Json) => Promise<string>;
    return Object.assign(Object.create(Object.getPrototypeOf(service)), service, {
      async generateUIDField(
        this: unknown,
        args: { contentTypeUID: UID.ContentType; field: string; data: Json; locale?: string },
      ) {
        const source = slugSource(strapi, args.contentTypeUID);
        if (!args.contentTypeUID.startsWith('api::') || !source || source.slugField !== args.field)
          return original.call(service, args);
        const locale = args.locale ?? (await defaultLocale(strapi));
        const documentId = typeof args.data?.documentId === 'string' ? args.data.documentId : undefined;
        return (
          (await generateSlug(strapi, args.contentTypeUID, args.data?.[source.titleField], locale, documentId)) ?? ''
        );
      },
    });
  });
}
