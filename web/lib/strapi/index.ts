import 'server-only'

import { cache } from 'react'
import type { Locale } from '@/lib/i18n/locales'
import { CmsError } from './errors'
import {
  toArticleFromLookup,
  toArticleSummaryPage,
  toCategoryList,
  toCertificateFromLookup,
  toCertificateSummaryList,
  toGlobal,
} from './map'
import { cacheTags } from './tags'
import { strapiFetch } from './transport'
import type {
  Article,
  ArticleSummary,
  Category,
  Certificate,
  CertificateSummary,
  Paginated,
  SiteSettings,
} from './types'

// One function per thing a page needs. Each is wrapped in React cache() so a
// page and its generateMetadata share one read per request.

export { CmsContentError, CmsError, CmsUnavailableError } from './errors'
export { cacheTags } from './tags'
export type * from './types'

/** Articles per page of the news list. */
export const ARTICLES_PAGE_SIZE = 10

// Strapi's default maximum page size; the site has far fewer certificates and categories.
const WHOLE_COLLECTION = { page: 1, pageSize: 100 } as const

const mediaFields = ['url', 'alternativeText', 'width', 'height']
const articleSummaryFields = ['title', 'slug', 'summary', 'postedAt', 'locale']
const certificateSummaryFields = ['name', 'slug', 'issuer', 'issuedOn', 'level', 'locale']
const translationFields = ['locale', 'slug']
const newestFirst = ['postedAt:desc', 'id:desc']

const articleSummaryPopulate = {
  category: { fields: ['name', 'slug'] },
  cover: { fields: mediaFields },
}

// Slugs come from URLs, so from anyone. The CMS answers 400 to a value it refuses (over 1 kB,
// control characters); asking it with such a slug would turn a wrong address into a 500.
// No real slug comes near this length.
const MAX_SLUG_LENGTH = 200

/** Whether `slug` could name something in the CMS; when not, there is nothing to look up. */
export function isPlausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && !/[\u0000-\u001f\u007f]/.test(slug)
}

function articleListQuery(locale: Locale, page: number, pageSize: number, categorySlug?: string) {
  return {
    locale,
    sort: newestFirst,
    fields: articleSummaryFields,
    populate: articleSummaryPopulate,
    ...(categorySlug ? { filters: { category: { slug: { $eq: categorySlug } } } } : {}),
    pagination: { page, pageSize },
  }
}

/** The newest `limit` published articles in `locale`, for the home page. */
export const getLatestArticles = cache(async (locale: Locale, limit: number): Promise<ArticleSummary[]> => {
  const json = await strapiFetch('/api/articles', articleListQuery(locale, 1, limit), {
    tags: [cacheTags.articles(locale), cacheTags.categories(locale)],
  })
  return toArticleSummaryPage(json).items
})

/**
 * One page (1-based, ARTICLES_PAGE_SIZE per page) of published articles in
 * `locale`, newest first, optionally only those in the category `categorySlug`.
 * A page past the end comes back with no items; `pageCount` tells the caller.
 */
export const getPublishedArticlesPage = cache(
  async (locale: Locale, page: number, categorySlug?: string): Promise<Paginated<ArticleSummary>> => {
    if (!Number.isSafeInteger(page) || page < 1) {
      throw new RangeError(`getPublishedArticlesPage: page must be a positive integer, got ${page}`)
    }
    if (categorySlug !== undefined && !isPlausibleSlug(categorySlug)) {
      return { items: [], page, pageSize: ARTICLES_PAGE_SIZE, pageCount: 0, total: 0 }
    }
    const json = await strapiFetch('/api/articles', articleListQuery(locale, page, ARTICLES_PAGE_SIZE, categorySlug), {
      tags: [cacheTags.articles(locale), cacheTags.categories(locale)],
    })
    return toArticleSummaryPage(json)
  },
)

/** The published article with this slug in `locale`, or null if there is none. */
export const getArticleBySlug = cache(async (locale: Locale, slug: string): Promise<Article | null> => {
  if (!isPlausibleSlug(slug)) return null
  const json = await strapiFetch(
    '/api/articles',
    {
      locale,
      filters: { slug: { $eq: slug } },
      populate: {
        ...articleSummaryPopulate,
        certificates: { fields: certificateSummaryFields, sort: ['issuedOn:desc'] },
        seo: true,
        localizations: { fields: translationFields },
      },
      pagination: { page: 1, pageSize: 1 },
    },
    {
      tags: [cacheTags.article(locale, slug), cacheTags.certificates(locale), cacheTags.categories(locale)],
    },
  )
  return toArticleFromLookup(json)
})

/** All published certificates in `locale`, most recently issued first. */
export const getCertificates = cache(async (locale: Locale): Promise<CertificateSummary[]> => {
  const json = await strapiFetch(
    '/api/certificates',
    {
      locale,
      sort: ['issuedOn:desc', 'id:desc'],
      fields: certificateSummaryFields,
      pagination: WHOLE_COLLECTION,
    },
    { tags: [cacheTags.certificates(locale)] },
  )
  return toCertificateSummaryList(json)
})

/** The published certificate with this slug in `locale`, with its articles, or null if there is none. */
export const getCertificateBySlug = cache(async (locale: Locale, slug: string): Promise<Certificate | null> => {
  if (!isPlausibleSlug(slug)) return null
  const json = await strapiFetch(
    '/api/certificates',
    {
      locale,
      filters: { slug: { $eq: slug } },
      populate: {
        scan: { fields: mediaFields },
        articles: { fields: ['title', 'slug', 'postedAt'] },
        localizations: { fields: translationFields },
      },
      pagination: { page: 1, pageSize: 1 },
    },
    { tags: [cacheTags.certificate(locale, slug), cacheTags.articles(locale)] },
  )
  return toCertificateFromLookup(json)
})

/** All published news categories in `locale`, by name. */
export const getCategories = cache(async (locale: Locale): Promise<Category[]> => {
  const json = await strapiFetch(
    '/api/categories',
    { locale, sort: ['name:asc'], fields: ['name', 'slug'], pagination: WHOLE_COLLECTION },
    { tags: [cacheTags.categories(locale)] },
  )
  return toCategoryList(json)
})

/**
 * The site settings (the CMS's `global` single type) in `locale`, or null
 * while none is published for that locale — Strapi answers 404 then.
 */
export const getGlobal = cache(async (locale: Locale): Promise<SiteSettings | null> => {
  let json: unknown
  try {
    json = await strapiFetch('/api/global', { locale, populate: { seo: true } }, { tags: [cacheTags.global(locale)] })
  } catch (error) {
    if (error instanceof CmsError && error.status === 404) return null
    throw error
  }
  return toGlobal(json)
})
