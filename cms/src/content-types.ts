/** The content types the site reads. The public role and the site's token may read these, and only these. */
export const PUBLIC_COLLECTION_TYPES = [
  'api::article.article',
  'api::certificate.certificate',
  'api::category.category',
] as const;
export const PUBLIC_SINGLE_TYPES = ['api::global.global'] as const;
export const PUBLIC_CONTENT_TYPES = [...PUBLIC_COLLECTION_TYPES, ...PUBLIC_SINGLE_TYPES] as const;

export const LOCALES = ['mn', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'mn';
