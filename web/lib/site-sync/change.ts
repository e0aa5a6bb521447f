import { cacheTags, contentTypeUids, isLocale, type Locale, REDIRECT_UID, sitePaths } from '@medee/contract';
import type { SiteChange, VariantChange } from '@medee/contract/change';

// A change notice from the CMS (its schema: @medee/contract siteChangeSchema):
// every published variant of one document before and after an action. Turned
// here into exactly the cache tags whose reads may now answer differently.

type Variant = VariantChange;

const slugsOf = (variant: Variant): string[] =>
  [variant.before?.slug, variant.after?.slug].filter((slug): slug is string => typeof slug === 'string');

/** The types whose pages redirects lead to (and from, once renamed). */
const PAGED_TYPES: ReadonlySet<string> = new Set([
  contentTypeUids.article,
  contentTypeUids.certificate,
  contentTypeUids.category,
]);

/** Did this variant appear, disappear or move to another slug — what other locales' pages link to? */
const linkChanged = (variant: Variant): boolean =>
  variant.changed && (!variant.before || !variant.after || variant.before.slug !== variant.after.slug);

/**
 * The cache tags a change makes stale (names from tags.ts):
 * - a changed article / certificate: its locale's lists and its page under the
 *   old and the new slug (so a renamed, unpublished or deleted one is gone),
 *   and its locale's sitemap parts of that type (also when only a translation moved: they list
 *   alternates);
 * - an unchanged variant whose translation appeared, disappeared or changed slug:
 *   its own page, whose language links point to the translation;
 * - a changed category: its locale's categories (lists and article pages show them) and the
 *   sitemap's list parts;
 * - a changed global: its locale's settings;
 * - a redirect written or deleted, or a page of an article, certificate or category that appeared,
 *   disappeared or moved (its old addresses now redirect, or no longer): the redirect lookups.
 * Locales the site does not serve and unknown types give nothing.
 */
export function tagsForChange(change: SiteChange): string[] {
  const tags = new Set<string>();
  if (change.uid === REDIRECT_UID) return [cacheTags.redirects()];
  if (PAGED_TYPES.has(change.uid) && change.variants.some((v) => isLocale(v.locale) && linkChanged(v)))
    tags.add(cacheTags.redirects());
  const variants = change.variants.filter((variant): variant is Variant & { locale: Locale } =>
    isLocale(variant.locale),
  );
  for (const variant of variants) {
    const { locale } = variant;
    const translationMoved = change.variants.some((other) => other.locale !== locale && linkChanged(other));
    switch (change.uid) {
      case contentTypeUids.article:
        if (variant.changed) {
          tags.add(cacheTags.articles(locale));
          for (const slug of slugsOf(variant)) tags.add(cacheTags.article(locale, slug));
        } else if (translationMoved && variant.after?.slug) {
          tags.add(cacheTags.article(locale, variant.after.slug));
        }
        // The sitemap lists every page with its translations' URLs (xhtml:link alternates): this
        // locale's article parts change when its own variant or a translation does.
        if (variant.changed || translationMoved) tags.add(cacheTags.sitemap('articles', locale));
        break;
      case contentTypeUids.certificate:
        if (variant.changed) {
          tags.add(cacheTags.certificates(locale));
          for (const slug of slugsOf(variant)) tags.add(cacheTags.certificate(locale, slug));
        } else if (translationMoved && variant.after?.slug) {
          tags.add(cacheTags.certificate(locale, variant.after.slug));
        }
        if (variant.changed || translationMoved) tags.add(cacheTags.sitemap('certificates', locale));
        break;
      case contentTypeUids.category:
        if (variant.changed) {
          tags.add(cacheTags.categories(locale));
          // Category pages are in the sitemap's list parts, with their translations as alternates.
          tags.add(cacheTags.sitemap('categories', locale));
        }
        break;
      case contentTypeUids.global:
        if (variant.changed) tags.add(cacheTags.global(locale));
        break;
    }
  }
  return [...tags].sort();
}

/**
 * Of tagsForChange, the ones to expire at once rather than serve stale while a fresh render is
 * made: the page under a slug a variant left (it now redirects or is gone) and the redirect
 * lookups. NOTE: Next 16.4 stores a page that a background revalidation turned into a redirect
 * with its 308 status but without its Location header; a blocking render (what an expired tag
 * gives) stores both. Remove once Next keeps the header.
 */
export function tagsToExpire(change: SiteChange): Set<string> {
  const expire = new Set<string>();
  if (!PAGED_TYPES.has(change.uid) && change.uid !== REDIRECT_UID) return expire;
  if (change.uid === REDIRECT_UID || change.variants.some((v) => isLocale(v.locale) && linkChanged(v)))
    expire.add(cacheTags.redirects());
  for (const variant of change.variants) {
    const left = variant.before?.slug;
    if (!isLocale(variant.locale) || !left || variant.after?.slug === left) continue;
    if (change.uid === contentTypeUids.article) expire.add(cacheTags.article(variant.locale, left));
    if (change.uid === contentTypeUids.certificate) expire.add(cacheTags.certificate(variant.locale, left));
  }
  return expire;
}

/**
 * The pages a reader (or the editor who just published) is most likely to open
 * next: the changed article's or certificate's page under each slug, its list
 * and the home page of its locale. The revalidation route requests them once
 * right away, so the stale-while-revalidate render happens then instead of on
 * a reader's first visit.
 */
export function pathsToRefresh(change: SiteChange): string[] {
  const paths = new Set<string>();
  for (const variant of change.variants) {
    if (!variant.changed || !isLocale(variant.locale)) continue;
    const { locale } = variant;
    switch (change.uid) {
      case contentTypeUids.article:
        for (const slug of slugsOf(variant)) paths.add(sitePaths.article(locale, slug));
        paths.add(sitePaths.news(locale));
        paths.add(sitePaths.home(locale));
        paths.add(sitePaths.feed(locale));
        paths.add(sitePaths.sitemap());
        break;
      case contentTypeUids.certificate:
        for (const slug of slugsOf(variant)) paths.add(sitePaths.certificate(locale, slug));
        paths.add(sitePaths.certificates(locale));
        paths.add(sitePaths.home(locale));
        break;
      case contentTypeUids.category:
        paths.add(sitePaths.news(locale));
        break;
      case contentTypeUids.global:
        paths.add(sitePaths.home(locale));
        break;
    }
  }
  return [...paths];
}
