import type { BlocksContent } from '@strapi/blocks-react-renderer';
import type { CertificateLevel, Locale, SearchHighlight } from '@medee/contract';

// What pages work with. Produced only by the to*() functions in map.ts, which
// validate the CMS responses first; nothing here mirrors Strapi's wire format.

export type { CertificateLevel };

/** A calendar date as the CMS stores it: `YYYY-MM-DD`, no time zone. */
export type CalendarDate = string;

/** An instant as the CMS stores it: ISO 8601 in UTC, e.g. `2024-03-12T08:15:00.000Z`. */
export type Timestamp = string;

/** Rich text from a Strapi "blocks" field, with media URLs made absolute. */
export type RichText = BlocksContent;

export interface Image {
  /** Absolute URL (relative CMS upload paths are resolved against STRAPI_URL). */
  url: string;
  /**
   * The variant's own alternative text, else the media library's; empty when neither is given:
   * the image is then decorative.
   */
  alt: string;
  /** The variant's own caption, else the media library's, else null. */
  caption: string | null;
  width: number;
  height: number;
}

export interface Seo {
  title: string;
  description: string | null;
}

/** The same document in another language, for the language switch and hreflang. */
export interface Translation {
  locale: Locale;
  slug: string;
}

export interface Category {
  name: string;
  slug: string;
}

/** A category as the category navigation shows it: with its published articles in this locale. */
export interface CategoryListing extends Category {
  documentId: string;
  /** Published articles of this locale in the category. */
  articleCount: number;
  /** The same category in the other languages (its slug differs per locale). */
  translations: Translation[];
}

export interface ArticleSummary {
  documentId: string;
  locale: Locale;
  slug: string;
  title: string;
  summary: string | null;
  postedAt: CalendarDate;
  /** When this variant was last changed in the CMS: sitemap lastmod, dateModified, feed dates. */
  updatedAt: Timestamp;
  category: Category | null;
  cover: Image | null;
}

export interface Article extends ArticleSummary {
  body: RichText;
  certificates: CertificateSummary[];
  seo: Seo;
  translations: Translation[];
}

export interface CertificateSummary {
  documentId: string;
  locale: Locale;
  slug: string;
  name: string;
  issuer: string | null;
  issuedOn: CalendarDate;
  level: CertificateLevel;
}

/** The articles right before and after one article, in its locale, by post date. */
export interface AdjacentArticles {
  /** The next older article, or null for the oldest. */
  older: ArticleLink | null;
  /** The next newer article, or null for the newest. */
  newer: ArticleLink | null;
}

/** One published variant of a document, as the sitemap lists it. */
export interface SitemapDocument {
  documentId: string;
  slug: string;
  updatedAt: Timestamp;
  translations: Translation[];
}

/** A locale's published articles or certificates, counted (GET /api/sitemap). */
export interface SitemapGroup {
  count: number;
  /** The newest change among them, null when there are none. */
  updatedAt: Timestamp | null;
}

/** A published category of one locale with its published articles there, counted. */
export interface SitemapCategory {
  documentId: string;
  slug: string;
  articleCount: number;
  updatedAt: Timestamp | null;
}

export interface SitemapLocaleSummary {
  articles: SitemapGroup;
  certificates: SitemapGroup;
  categories: SitemapCategory[];
}

/** What the sitemap index is built from: counts, no documents. Locales without content are absent. */
export interface SitemapSummary {
  locales: Partial<Record<Locale, SitemapLocaleSummary>>;
}

/** One keyset batch; `next` is where to go on when the range held more than was asked for. */
export interface SitemapBatch {
  documents: SitemapDocument[];
  next: string | null;
}

export interface Certificate extends CertificateSummary {
  number: string | null;
  updatedAt: Timestamp;
  description: RichText;
  scan: Image | null;
  articles: ArticleLink[];
  translations: Translation[];
}

export interface ArticleLink {
  slug: string;
  title: string;
  postedAt: CalendarDate;
}

export interface SiteSettings {
  siteName: string;
  companyName: string;
  footer: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  /** China's ICP filing number (鲁ICP备12345678号-1), shared by every locale; only the zh footer shows it. */
  icpFiling: string | null;
  /** The public-security filing number (鲁公网安备 37021202000123号), likewise. */
  publicSecurityFiling: string | null;
  seo: Seo;
}

/** A search result: the article and where the search text occurs in it (@medee/contract SearchHighlight). */
export interface ArticleSearchResult extends ArticleSummary {
  highlight: SearchHighlight;
}

export interface ArticleSearchPage extends Paginated<ArticleSearchResult> {
  /** More matched than the CMS counts (SEARCH_MAX_RESULTS): `total` reads as "at least". */
  totalCapped: boolean;
}

export interface Paginated<T> {
  items: T[];
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}
