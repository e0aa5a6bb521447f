import type { z } from 'zod';
import { env } from '@/lib/env';
import { isLocale, type Locale, type RedirectAnswer } from '@medee/contract';
import { CmsContentError } from './errors';
import {
  strapiAdjacentSchema,
  strapiArticleSearchSchema,
  strapiArticleSchema,
  strapiArticleSummarySchema,
  strapiCategoryListingSchema,
  strapiCategorySchema,
  strapiCertificateSchema,
  strapiCertificateSummarySchema,
  strapiCollectionSchema,
  strapiGlobalSchema,
  strapiLookupSchema,
  strapiRedirectAnswerSchema,
  strapiSingleSchema,
  strapiSitemapBatchSchema,
  strapiSitemapEndsSchema,
  strapiSitemapSummarySchema,
  strapiSlugOnlySchema,
  type StrapiArticle,
  type StrapiArticleSummary,
  type StrapiCategory,
  type StrapiCategoryListing,
  type StrapiCertificate,
  type StrapiCertificateSummary,
  type StrapiGlobal,
  type StrapiMedia,
} from './raw';
import type {
  AdjacentArticles,
  ArticleSearchPage,
  Article,
  ArticleSummary,
  Category,
  CategoryListing,
  Certificate,
  CertificateSummary,
  Image,
  Paginated,
  RichText,
  SiteSettings,
  SitemapBatch,
  SitemapSummary,
  Translation,
} from './types';

// Raw CMS JSON → domain types. Every to*() validates its input against the
// contract in raw.ts and throws CmsContentError naming the offending fields.

function parse<Schema extends z.ZodType>(schema: Schema, json: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new CmsContentError(
      what,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Upload URLs are relative to the CMS ("/uploads/…") unless an S3-style provider made them absolute. */
function absoluteMediaUrl(url: string): string {
  if (URL.canParse(url)) return url;
  return `${env.STRAPI_URL}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** An image with the variant's own text where the editor wrote it (`own`), the file's otherwise. */
function reshapeImage(
  media: StrapiMedia | null | undefined,
  own: { alt?: string | null; caption?: string | null } = {},
): Image | null {
  if (!media) return null;
  return {
    url: absoluteMediaUrl(media.url),
    alt: own.alt?.trim() || media.alternativeText || '',
    caption: own.caption?.trim() || media.caption || null,
    width: media.width,
    height: media.height,
  };
}

function reshapeRichText(blocks: RichText | null | undefined): RichText {
  if (!blocks) return [];
  return blocks.map((block) =>
    block.type === 'image' ? { ...block, image: { ...block.image, url: absoluteMediaUrl(block.image.url) } } : block,
  );
}

const reportedUnknownLocales = new Set<string>();

/** A locale the CMS has but the site does not serve (an editor added it in the admin): said once per process. */
function reportUnknownLocale(locale: string): void {
  if (reportedUnknownLocales.has(locale)) return;
  reportedUnknownLocales.add(locale);
  console.warn(`The CMS has content in locale "${locale}", which the site does not serve; it is ignored.`);
}

/** The other languages the site serves that a document exists in, one entry per language. */
function reshapeTranslations(
  ownLocale: Locale,
  localizations: readonly { locale: string; slug: string }[] | undefined,
): Translation[] {
  const byLocale = new Map<Locale, Translation>();
  for (const { locale, slug } of localizations ?? []) {
    if (!isLocale(locale)) reportUnknownLocale(locale);
    else if (locale !== ownLocale && !byLocale.has(locale)) byLocale.set(locale, { locale, slug });
  }
  return [...byLocale.values()];
}

function reshapeCategory(category: StrapiCategory): Category {
  return { name: category.name, slug: category.slug };
}

function reshapeCategoryListing(category: StrapiCategoryListing): CategoryListing {
  return {
    ...reshapeCategory(category),
    documentId: category.documentId,
    articleCount: category.articles.count,
    translations: reshapeTranslations(category.locale, category.localizations),
  };
}

function reshapeArticleSummary(article: StrapiArticleSummary): ArticleSummary {
  return {
    documentId: article.documentId,
    locale: article.locale,
    slug: article.slug,
    title: article.title,
    summary: article.summary || null,
    postedAt: article.postedAt,
    updatedAt: article.updatedAt,
    category: article.category ? reshapeCategory(article.category) : null,
    cover: reshapeImage(article.cover, { alt: article.coverAlt, caption: article.coverCaption }),
  };
}

function reshapeArticle(article: StrapiArticle): Article {
  return {
    ...reshapeArticleSummary(article),
    body: reshapeRichText(article.body),
    certificates: (article.certificates ?? []).map(reshapeCertificateSummary),
    // The SEO component is optional; its documented fallback is the entry's own title and summary.
    seo: {
      title: article.seo?.metaTitle || article.title,
      description: article.seo?.metaDescription || article.summary || null,
    },
    translations: reshapeTranslations(article.locale, article.localizations),
  };
}

function reshapeCertificateSummary(certificate: StrapiCertificateSummary): CertificateSummary {
  return {
    documentId: certificate.documentId,
    locale: certificate.locale,
    slug: certificate.slug,
    name: certificate.name,
    issuer: certificate.issuer || null,
    issuedOn: certificate.issuedOn,
    level: certificate.level,
  };
}

function reshapeCertificate(certificate: StrapiCertificate): Certificate {
  return {
    ...reshapeCertificateSummary(certificate),
    number: certificate.number || null,
    updatedAt: certificate.updatedAt,
    description: reshapeRichText(certificate.description),
    scan: reshapeImage(certificate.scan, { alt: certificate.scanAlt, caption: certificate.scanCaption }),
    articles: (certificate.articles ?? [])
      .map(({ slug, title, postedAt }) => ({ slug, title, postedAt }))
      .sort((a, b) => b.postedAt.localeCompare(a.postedAt)),
    translations: reshapeTranslations(certificate.locale, certificate.localizations),
  };
}

function reshapeGlobal(global: StrapiGlobal): SiteSettings {
  return {
    siteName: global.siteName,
    companyName: global.companyName,
    footer: global.footer || null,
    address: global.address || null,
    email: global.email || null,
    phone: global.phone || null,
    icpFiling: global.icpFiling || null,
    publicSecurityFiling: global.publicSecurityFiling || null,
    seo: {
      title: global.seo?.metaTitle || global.siteName,
      description: global.seo?.metaDescription || null,
    },
  };
}

// ----------------------------------------------------------- single items ---

export function toArticleSummary(json: unknown): ArticleSummary {
  return reshapeArticleSummary(parse(strapiArticleSummarySchema, json, 'article'));
}

export function toArticle(json: unknown): Article {
  return reshapeArticle(parse(strapiArticleSchema, json, 'article'));
}

export function toCertificate(json: unknown): Certificate {
  return reshapeCertificate(parse(strapiCertificateSchema, json, 'certificate'));
}

export function toCategory(json: unknown): Category {
  return reshapeCategory(parse(strapiCategorySchema, json, 'category'));
}

// ---------------------------------------------------------- API responses ---

function paginated<Raw, Item>(
  response: { data: Raw[]; meta: { pagination: Omit<Paginated<Item>, 'items'> } },
  reshape: (raw: Raw) => Item,
): Paginated<Item> {
  const { page, pageSize, pageCount, total } = response.meta.pagination;
  return { items: response.data.map(reshape), page, pageSize, pageCount, total };
}

/** `GET /api/articles` as lists read it. */
export function toArticleSummaryPage(json: unknown): Paginated<ArticleSummary> {
  const response = parse(strapiCollectionSchema(strapiArticleSummarySchema), json, 'article list');
  return paginated(response, reshapeArticleSummary);
}

/** `GET /api/articles/search` */
export function toArticleSearchPage(json: unknown): ArticleSearchPage {
  const response = parse(strapiArticleSearchSchema, json, 'article search');
  const { pagination, totalCapped } = response.meta;
  const items = response.data.map((article) => ({ ...reshapeArticleSummary(article), highlight: article.highlight }));
  return { ...pagination, items, totalCapped };
}

/** `GET /api/articles?filters[slug][$eq]=…`: the article, or null when no published one has that slug. */
export function toArticleFromLookup(json: unknown): Article | null {
  const response = parse(strapiLookupSchema(strapiArticleSchema), json, 'article lookup');
  const [first] = response.data;
  return first ? reshapeArticle(first) : null;
}

export function toCertificateSummaryList(json: unknown): CertificateSummary[] {
  const response = parse(strapiCollectionSchema(strapiCertificateSummarySchema), json, 'certificate list');
  return response.data.map(reshapeCertificateSummary);
}

export function toCertificateFromLookup(json: unknown): Certificate | null {
  const response = parse(strapiLookupSchema(strapiCertificateSchema), json, 'certificate lookup');
  const [first] = response.data;
  return first ? reshapeCertificate(first) : null;
}

export function toCategoryList(json: unknown): Category[] {
  const response = parse(strapiCollectionSchema(strapiCategorySchema), json, 'category list');
  return response.data.map(reshapeCategory);
}

/** `GET /api/categories?populate[articles][count]=true&populate[localizations]…` */
export function toCategoryListingList(json: unknown): CategoryListing[] {
  const response = parse(strapiCollectionSchema(strapiCategoryListingSchema), json, 'category listing');
  return response.data.map(reshapeCategoryListing);
}

/** A lookup of at most one article reduced to a link (the previous or next article), or null. */
/** `GET /api/articles/adjacent`: the published articles just older and just newer. */
export function toAdjacentArticles(json: unknown): AdjacentArticles {
  const { data } = parse(strapiAdjacentSchema, json, 'adjacent articles');
  return { older: data.older, newer: data.newer };
}

/** `GET /api/sitemap/documents`: one batch of `locale`'s published variants, translations in the site's locales. */
export function toSitemapBatch(locale: Locale, json: unknown): SitemapBatch {
  const response = parse(strapiSitemapBatchSchema, json, 'sitemap batch');
  return {
    documents: response.data.map((document) => ({
      documentId: document.documentId,
      slug: document.slug,
      updatedAt: document.updatedAt,
      translations: reshapeTranslations(locale, document.translations),
    })),
    next: response.meta.next,
  };
}

/** `GET /api/sitemap`: the counts of the locales the site serves (others are dropped). */
export function toSitemapSummary(json: unknown): SitemapSummary {
  const { data } = parse(strapiSitemapSummarySchema, json, 'sitemap summary');
  const locales: SitemapSummary['locales'] = {};
  for (const [locale, summary] of Object.entries(data.locales)) if (isLocale(locale)) locales[locale] = summary;
  return { locales };
}

/** `GET /api/sitemap/ends`. */
export function toSitemapEnds(json: unknown): string[] {
  return parse(strapiSitemapEndsSchema, json, 'sitemap batch ends').data;
}

/** `GET /api/global` (single type). */
export function toGlobal(json: unknown): SiteSettings {
  return reshapeGlobal(parse(strapiSingleSchema(strapiGlobalSchema), json, 'global').data);
}

/** `GET /api/<collection>/<documentId>?fields=slug`: the document's slug. */
export function toDocumentSlug(json: unknown): string {
  return parse(strapiSingleSchema(strapiSlugOnlySchema), json, 'document').data.slug;
}

/** `GET /api/redirects/resolve`: where a path leads now, or null. */
export function toRedirectAnswer(json: unknown): RedirectAnswer | null {
  return parse(strapiRedirectAnswerSchema, json, 'redirect').data;
}
