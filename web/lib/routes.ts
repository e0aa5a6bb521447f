import { defaultLocale, type Locale, locales, sitePaths } from '@medee/contract';

// The site's public URLs, built in one place (the content types' own pages in
// @medee/contract, which the change notices also use). Paths only; absoluteUrl()
// adds SITE_URL where a full URL is needed (canonical, hreflang, feeds, sitemap).

export const homePath = sitePaths.home;
export const articlePath = sitePaths.article;
export const certificatesPath = sitePaths.certificates;
export const certificatePath = sitePaths.certificate;
export const feedPath = sitePaths.feed;

/** The news list: page 1 has no `?page=`, and no category means all of them. */
export function newsListPath(locale: Locale, { page = 1, category }: { page?: number; category?: string } = {}) {
  const query = new URLSearchParams();
  if (category) query.set('category', category);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `${sitePaths.news(locale)}${search ? `?${search}` : ''}`;
}

export function searchPath(locale: Locale, { text, page = 1 }: { text?: string; page?: number } = {}) {
  const query = new URLSearchParams();
  if (text) query.set('q', text);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `/${locale}/search${search ? `?${search}` : ''}`;
}

/** `path` on the public site, e.g. `https://example.com/mn/news`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path}`;
}

/** The address of one page in each language it exists in. */
export type LanguageVariants = Partial<Record<Locale, string>>;

/**
 * hreflang alternates for a page: one per existing language, plus x-default —
 * the default language's variant, or the only variant there is. Pages that
 * exist in every language may name their own x-default (the home page uses
 * `/`, which sends each visitor to their language).
 */
export function hreflangAlternates(variants: LanguageVariants, xDefault?: string): Record<string, string> {
  const alternates: Record<string, string> = {};
  for (const locale of locales) {
    const path = variants[locale];
    if (path) alternates[locale] = path;
  }
  const fallback = variants[defaultLocale] ?? Object.values(alternates)[0];
  const chosen = xDefault ?? fallback;
  if (chosen) alternates['x-default'] = chosen;
  return alternates;
}

/** A page that exists in every language (home, lists, search) at `path` of each. */
export function pathsInEveryLocale(path: (locale: Locale) => string): LanguageVariants {
  return Object.fromEntries(locales.map((locale) => [locale, path(locale)]));
}

/** A document's page in each language it is published in: its translations' slugs through `path`. */
export function translationPaths(
  translations: readonly { locale: Locale; slug: string }[],
  path: (locale: Locale, slug: string) => string,
): LanguageVariants {
  return Object.fromEntries(translations.map(({ locale, slug }) => [locale, path(locale, slug)]));
}
