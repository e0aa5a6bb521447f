import { z } from 'zod';
import type { BlocksContent } from '@strapi/blocks-react-renderer';
import { CERTIFICATE_LEVELS, isLocale, REDIRECT_STATUS } from '@medee/contract';

// The CMS contract: the shapes Strapi 5's REST API answers with (flattened v5
// format), as far as the site reads them. Fields the site does not use are
// not listed and are dropped while parsing. The Strapi* types are inferred
// from these schemas so the two cannot drift apart.

const nonEmptyString = z.string().min(1);
const calendarDate = z.iso.date();
// Strapi stores timestamps in UTC and answers `2024-03-12T08:15:00.000Z`.
const timestamp = z.iso.datetime();
const localeSchema = z.string().refine(isLocale, 'a locale the site serves');

// ---------------------------------------------------------------- blocks ---

type RootBlock = BlocksContent[number];
type InlineNode = Extract<RootBlock, { type: 'paragraph' }>['children'][number];
type ListBlock = Extract<RootBlock, { type: 'list' }>;
type ListItem = Exclude<ListBlock['children'][number], ListBlock>;

const textNode = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

const inlineNode: z.ZodType<InlineNode> = z.union([
  textNode,
  z.object({ type: z.literal('link'), url: z.string(), children: z.array(textNode) }),
]);

const listItem: z.ZodType<ListItem> = z.object({
  type: z.literal('list-item'),
  children: z.array(inlineNode),
});

const listBlock: z.ZodType<ListBlock> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    children: z.array(z.union([listItem, listBlock])),
  }),
);

const imageBlock = z.object({
  type: z.literal('image'),
  image: z.object({
    name: z.string(),
    alternativeText: z.string().nullish(),
    url: nonEmptyString,
    caption: z.string().nullish(),
    width: z.number(),
    height: z.number(),
    // null for files Strapi makes no resized versions of (e.g. SVG).
    formats: z
      .record(z.string(), z.unknown())
      .nullish()
      .transform((formats) => formats ?? undefined),
    hash: z.string(),
    ext: z.string(),
    mime: z.string(),
    size: z.number(),
    previewUrl: z.string().nullish(),
    provider: z.string(),
    provider_metadata: z.unknown().nullish(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  children: z.tuple([z.object({ type: z.literal('text'), text: z.literal('') })]),
});

const rootBlock: z.ZodType<RootBlock> = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNode) }),
  z.object({ type: z.literal('quote'), children: z.array(inlineNode) }),
  z.object({ type: z.literal('code'), children: z.array(inlineNode) }),
  z.object({
    type: z.literal('heading'),
    level: z.literal([1, 2, 3, 4, 5, 6]),
    children: z.array(inlineNode),
  }),
  listBlock,
  imageBlock,
]);

export const strapiBlocksSchema = z.array(rootBlock);

// ------------------------------------------------------------- components ---

export const strapiMediaSchema = z.object({
  url: nonEmptyString,
  alternativeText: z.string().nullish(),
  caption: z.string().nullish(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type StrapiMedia = z.infer<typeof strapiMediaSchema>;

export const strapiSeoSchema = z.object({
  metaTitle: z.string().nullish(),
  metaDescription: z.string().nullish(),
});
export type StrapiSeo = z.infer<typeof strapiSeoSchema>;

// Any code: a locale an editor added in the CMS reaches the site in `localizations`; map.ts drops the ones it does not serve.
const strapiLocalizationSchema = z.object({ locale: z.string().min(1), slug: nonEmptyString });

// --------------------------------------------------------- content types ---

export const strapiCategorySchema = z.object({
  id: z.number().int(),
  documentId: nonEmptyString,
  name: nonEmptyString,
  slug: nonEmptyString,
});
export type StrapiCategory = z.infer<typeof strapiCategorySchema>;

/** A category with its translations and the number of published articles of its locale (`populate[articles][count]`). */
export const strapiCategoryListingSchema = strapiCategorySchema.extend({
  locale: localeSchema,
  localizations: z.array(strapiLocalizationSchema).optional(),
  articles: z.object({ count: z.number().int().min(0) }),
});
export type StrapiCategoryListing = z.infer<typeof strapiCategoryListingSchema>;

/** A certificate as populated inside an article. */
export const strapiCertificateSummarySchema = z.object({
  id: z.number().int(),
  documentId: nonEmptyString,
  locale: localeSchema,
  name: nonEmptyString,
  slug: nonEmptyString,
  issuer: z.string().nullish(),
  issuedOn: calendarDate,
  level: z.enum(CERTIFICATE_LEVELS),
});
export type StrapiCertificateSummary = z.infer<typeof strapiCertificateSummarySchema>;

/** An article as lists read it: no body, no certificates. */
export const strapiArticleSummarySchema = z.object({
  id: z.number().int(),
  documentId: nonEmptyString,
  locale: localeSchema,
  title: nonEmptyString,
  slug: nonEmptyString,
  summary: z.string().nullish(),
  postedAt: calendarDate,
  updatedAt: timestamp,
  cover: strapiMediaSchema.nullish(),
  /** The cover's text in this language (the media library keeps one per file). */
  coverAlt: z.string().nullish(),
  coverCaption: z.string().nullish(),
  category: strapiCategorySchema.nullish(),
});
export type StrapiArticleSummary = z.infer<typeof strapiArticleSummarySchema>;

export const strapiArticleSchema = strapiArticleSummarySchema.extend({
  body: strapiBlocksSchema.nullish(),
  certificates: z.array(strapiCertificateSummarySchema).optional(),
  seo: strapiSeoSchema.nullish(),
  localizations: z.array(strapiLocalizationSchema).optional(),
});
export type StrapiArticle = z.infer<typeof strapiArticleSchema>;

/** An article as populated inside a certificate, or as the previous/next article. */
export const strapiArticleLinkSchema = z.object({
  title: nonEmptyString,
  slug: nonEmptyString,
  postedAt: calendarDate,
});

export const strapiCertificateSchema = strapiCertificateSummarySchema.extend({
  number: z.string().nullish(),
  updatedAt: timestamp,
  description: strapiBlocksSchema.nullish(),
  scan: strapiMediaSchema.nullish(),
  /** The scan's text in this language (the media library keeps one per file). */
  scanAlt: z.string().nullish(),
  scanCaption: z.string().nullish(),
  articles: z.array(strapiArticleLinkSchema).optional(),
  localizations: z.array(strapiLocalizationSchema).optional(),
});
export type StrapiCertificate = z.infer<typeof strapiCertificateSchema>;

/** `GET /api/articles/adjacent` (cms/src/adjacent.ts): the article page's older and newer links. */
export const strapiAdjacentSchema = z.object({
  data: z.object({ older: strapiArticleLinkSchema.nullable(), newer: strapiArticleLinkSchema.nullable() }),
});

/** `GET /api/sitemap/documents` (cms/src/sitemap): one keyset batch of published variants. */
export const strapiSitemapBatchSchema = z.object({
  data: z.array(
    z.object({
      documentId: nonEmptyString,
      slug: nonEmptyString,
      updatedAt: timestamp,
      translations: z.array(strapiLocalizationSchema),
    }),
  ),
  meta: z.object({ next: nonEmptyString.nullable() }),
});

const sitemapGroupSchema = z.object({ count: z.number().int().min(0), updatedAt: timestamp.nullable() });

/** `GET /api/sitemap/ends`: the documentId ending each full batch of one locale and type but the last. */
export const strapiSitemapEndsSchema = z.object({ data: z.array(nonEmptyString) });

/** `GET /api/sitemap`: per locale (any the CMS has), counts. */
export const strapiSitemapSummarySchema = z.object({
  data: z.object({
    locales: z.record(
      z.string(),
      z.object({
        articles: sitemapGroupSchema,
        certificates: sitemapGroupSchema,
        categories: z.array(
          z.object({
            documentId: nonEmptyString,
            slug: nonEmptyString,
            articleCount: z.number().int().min(0),
            updatedAt: timestamp.nullable(),
          }),
        ),
      }),
    ),
  }),
});

export const strapiGlobalSchema = z.object({
  siteName: nonEmptyString,
  companyName: nonEmptyString,
  footer: z.string().nullish(),
  address: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  icpFiling: z.string().nullish(),
  publicSecurityFiling: z.string().nullish(),
  seo: strapiSeoSchema.nullish(),
});
export type StrapiGlobal = z.infer<typeof strapiGlobalSchema>;

/** Any document read by documentId for its address only (the preview entry route). */
export const strapiSlugOnlySchema = z.object({ slug: nonEmptyString });

/** `GET /api/redirects/resolve?path=…`: where a path leads, or null (cms/src/redirects/resolve.ts). */
export const strapiRedirectAnswerSchema = z.object({
  data: z
    .object({
      location: z.string().startsWith('/'),
      status: z.union([z.literal(REDIRECT_STATUS.permanent), z.literal(REDIRECT_STATUS.temporary)]),
    })
    .nullable(),
});

// ------------------------------------------------------------- envelopes ---

export const strapiPaginationSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});

/** `GET /api/<collection>` */
export function strapiCollectionSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    meta: z.object({ pagination: strapiPaginationSchema }),
  });
}

const matchRangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

/** `GET /api/articles/search`: article summaries with where each matched (cms/src/search). */
export const strapiArticleSearchSchema = z.object({
  data: z.array(
    strapiArticleSummarySchema.extend({
      highlight: z.object({
        title: z.array(matchRangeSchema),
        snippet: z
          .object({ text: z.string(), ranges: z.array(matchRangeSchema), cutStart: z.boolean(), cutEnd: z.boolean() })
          .nullable(),
      }),
    }),
  ),
  meta: z.object({ pagination: strapiPaginationSchema, totalCapped: z.boolean() }),
});

/**
 * `GET /api/<collection>` read with `pagination[withCount]=false` (a lookup of at most one entry):
 * Strapi then leaves out `total` and `pageCount`, so only the entries are read.
 */
export function strapiLookupSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item) });
}

/** `GET /api/<single type>` */
export function strapiSingleSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ data: item });
}
