import type { Core } from '@strapi/strapi';
import {
  isSitemapType,
  SITEMAP_MAX_BATCH,
  SITEMAP_MIN_EVERY,
  SITEMAP_TYPES,
  type SitemapType,
  sitemapBatch,
  sitemapEnds,
  sitemapSummary,
} from '../../../sitemap';

interface Context {
  query: Record<string, unknown>;
  body: unknown;
  badRequest(message: string): void;
}

// Strapi's documentIds are 24 lowercase letters and digits; locales are codes like `mn` or `zh-Hans`.
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

/** A whole number in [min, max] from a query value, or null. */
function boundedInteger(value: unknown, min: number, max: number): number | null {
  if (typeof value !== 'string' || !/^\d{1,7}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

const optional = (value: unknown, pattern: RegExp): string | undefined | null =>
  value === undefined ? undefined : typeof value === 'string' && pattern.test(value) ? value : null;

/** The type and locale a read names, or what is wrong with them. */
function typeAndLocale(query: Record<string, unknown>): { type: SitemapType; locale: string } | string {
  const { type, locale } = query;
  if (!isSitemapType(type)) return `type: one of ${Object.keys(SITEMAP_TYPES).join(', ')}`;
  if (typeof locale !== 'string' || !LOCALE.test(locale)) return 'locale: one locale code';
  return { type, locale };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/sitemap → { data: { locales: { <locale>: { articles, certificates, categories } } } }. */
  async summary(ctx: Context) {
    ctx.body = { data: { locales: await sitemapSummary(strapi) } };
  },

  /** GET /api/sitemap/ends?type=articles&locale=mn&every=1000 → { data: [documentId…] }. */
  async ends(ctx: Context) {
    const where = typeAndLocale(ctx.query);
    if (typeof where === 'string') return ctx.badRequest(where);
    const every = boundedInteger(ctx.query.every, SITEMAP_MIN_EVERY, SITEMAP_MAX_BATCH);
    if (every === null)
      return ctx.badRequest(`every: a whole number from ${SITEMAP_MIN_EVERY} to ${SITEMAP_MAX_BATCH}`);
    ctx.body = { data: await sitemapEnds(strapi, where.type, where.locale, every) };
  },

  /**
   * GET /api/sitemap/documents?type=articles&locale=mn&after=<id>&through=<id>&limit=1000
   * → { data: [{ documentId, slug, updatedAt, translations: [{ locale, slug }] }], meta: { next } }.
   */
  async documents(ctx: Context) {
    const where = typeAndLocale(ctx.query);
    if (typeof where === 'string') return ctx.badRequest(where);
    const after = optional(ctx.query.after, DOCUMENT_ID);
    const through = optional(ctx.query.through, DOCUMENT_ID);
    if (after === null || through === null) return ctx.badRequest('after, through: documentIds when given');
    const limit =
      ctx.query.limit === undefined ? SITEMAP_MAX_BATCH : boundedInteger(ctx.query.limit, 1, SITEMAP_MAX_BATCH);
    if (limit === null) return ctx.badRequest(`limit: a whole number from 1 to ${SITEMAP_MAX_BATCH}`);
    const batch = await sitemapBatch(strapi, { ...where, after, through, limit });
    ctx.body = { data: batch.documents, meta: { next: batch.next } };
  },
});
