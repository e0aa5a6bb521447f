import type { Core, UID } from '@strapi/strapi';
import {
  documentPagePath,
  isLocale,
  normalizeRedirectPath,
  REDIRECT_MAX_HOPS,
  REDIRECT_STATUS,
  REDIRECT_UID,
  type RedirectAnswer,
} from '@medee/contract';

/** The redirect's target relations, one per content type with pages; an editor fills one at most. */
export const TARGET_FIELDS = {
  article: 'api::article.article',
  certificate: 'api::certificate.certificate',
  category: 'api::category.category',
} as const satisfies Record<string, UID.ContentType>;
type TargetField = keyof typeof TARGET_FIELDS;
export const TARGET_FIELD_NAMES = Object.keys(TARGET_FIELDS) as TargetField[];

interface Link {
  documentId: string;
  locale: string | null;
}
export interface RedirectRow {
  id: number;
  fromPath: string;
  toPath: string | null;
  permanent: boolean;
  article?: Link | null;
  certificate?: Link | null;
  category?: Link | null;
}

const LINK = { select: ['documentId', 'locale'] };

/** One redirect by its (normalized) from path: a read on the from_path index plus one per relation. */
export async function findRedirect(strapi: Core.Strapi, fromPath: string): Promise<RedirectRow | null> {
  return strapi.db.query(REDIRECT_UID).findOne({
    where: { fromPath },
    select: ['id', 'fromPath', 'toPath', 'permanent'],
    populate: Object.fromEntries(TARGET_FIELD_NAMES.map((field) => [field, LINK])),
  });
}

/**
 * The page a document's variant has now, or null when that variant is not published (an
 * unpublished or deleted document's old addresses then answer the site's 404).
 */
export async function currentPagePath(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  { documentId, locale }: Link,
): Promise<string | null> {
  if (!locale || !isLocale(locale)) return null;
  const published: { slug?: unknown } | null = await strapi.db.query(uid).findOne({
    where: { documentId, locale, publishedAt: { $notNull: true } },
    select: ['slug'],
  });
  return typeof published?.slug === 'string' ? documentPagePath(uid, locale, published.slug) : null;
}

/** Where a redirect leads in one step: its path, or its document's current page (null: nowhere now). */
export async function redirectTarget(strapi: Core.Strapi, row: RedirectRow): Promise<string | null> {
  if (row.toPath) return row.toPath;
  for (const field of TARGET_FIELD_NAMES) {
    const link = row[field];
    if (link) return currentPagePath(strapi, TARGET_FIELDS[field], link);
  }
  return null;
}

/**
 * Where a request for `path` goes, in one hop: manual redirects to a path that redirects again
 * are followed here (at most REDIRECT_MAX_HOPS), and automatic ones name the document, whose
 * current slug is read, so A→B→C answers C for both A and B. Temporary anywhere on the way makes
 * the answer temporary. Null when nothing redirects, the target is gone, or the way loops.
 */
export async function resolveRedirect(strapi: Core.Strapi, input: string): Promise<RedirectAnswer | null> {
  const normalized = normalizeRedirectPath(input);
  if (!normalized.ok) return null;
  const seen = new Set<string>([normalized.path]);
  let permanent = true;
  let location: string | null = null;
  let current = normalized.path;
  for (let hop = 0; hop < REDIRECT_MAX_HOPS; hop++) {
    const row = await findRedirect(strapi, current);
    if (!row) break;
    permanent &&= row.permanent !== false;
    const next = await redirectTarget(strapi, row);
    if (next === null || seen.has(next)) return null;
    seen.add(next);
    location = next;
    current = next;
  }
  return location === null
    ? null
    : { location, status: permanent ? REDIRECT_STATUS.permanent : REDIRECT_STATUS.temporary };
}
