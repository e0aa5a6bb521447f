import { z } from 'zod';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { cacheTags } from '@/lib/strapi/tags';

// A change notice from the CMS (cms/src/publishing/changes.ts): every published
// variant of one document before and after an action. Turned here into exactly
// the cache tags whose reads may now answer differently.

const variantState = z.object({ slug: z.string().min(1).nullable() }).nullable();

export const siteChangeSchema = z.object({
  id: z.string().min(1),
  event: z.string().min(1),
  uid: z.string().min(1),
  documentId: z.string().min(1),
  variants: z
    .array(z.object({ locale: z.string().min(1), before: variantState, after: variantState, changed: z.boolean() }))
    .max(20),
});

export type SiteChange = z.infer<typeof siteChangeSchema>;

type Variant = SiteChange['variants'][number];

const slugsOf = (variant: Variant): string[] =>
  [variant.before?.slug, variant.after?.slug].filter((slug): slug is string => typeof slug === 'string');

/** Did this variant appear, disappear or move to another slug — what other locales' pages link to? */
const linkChanged = (variant: Variant): boolean =>
  variant.changed && (!variant.before || !variant.after || variant.before.slug !== variant.after.slug);

/**
 * The cache tags a change makes stale (names from tags.ts):
 * - a changed article / certificate: its locale's lists and its page under the
 *   old and the new slug (so a renamed, unpublished or deleted one is gone),
 *   and the sitemap (also when only a translation moved: it lists alternates);
 * - an unchanged variant whose translation appeared, disappeared or changed slug:
 *   its own page, whose language links point to the translation;
 * - a changed category: its locale's categories (lists and article pages show them);
 * - a changed global: its locale's settings.
 * Locales the site does not serve and unknown types give nothing.
 */
export function tagsForChange(change: SiteChange): string[] {
  const tags = new Set<string>();
  const variants = change.variants.filter((variant): variant is Variant & { locale: Locale } =>
    isLocale(variant.locale),
  );
  for (const variant of variants) {
    const { locale } = variant;
    const translationMoved = change.variants.some((other) => other.locale !== locale && linkChanged(other));
    switch (change.uid) {
      case 'api::article.article':
        if (variant.changed) {
          tags.add(cacheTags.articles(locale));
          for (const slug of slugsOf(variant)) tags.add(cacheTags.article(locale, slug));
        } else if (translationMoved && variant.after?.slug) {
          tags.add(cacheTags.article(locale, variant.after.slug));
        }
        // The sitemap lists every page with its translations' URLs (xhtml:link alternates).
        if (variant.changed || translationMoved) tags.add(cacheTags.sitemap());
        break;
      case 'api::certificate.certificate':
        if (variant.changed) {
          tags.add(cacheTags.certificates(locale));
          for (const slug of slugsOf(variant)) tags.add(cacheTags.certificate(locale, slug));
        } else if (translationMoved && variant.after?.slug) {
          tags.add(cacheTags.certificate(locale, variant.after.slug));
        }
        if (variant.changed || translationMoved) tags.add(cacheTags.sitemap());
        break;
      case 'api::category.category':
        if (variant.changed) tags.add(cacheTags.categories(locale));
        break;
      case 'api::global.global':
        if (variant.changed) tags.add(cacheTags.global(locale));
        break;
    }
  }
  return [...tags].sort();
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
      case 'api::article.article':
        for (const slug of slugsOf(variant)) paths.add(`/${locale}/news/${encodeURIComponent(slug)}`);
        paths.add(`/${locale}/news`);
        paths.add(`/${locale}`);
        paths.add(`/${locale}/feed.xml`);
        paths.add('/sitemap.xml');
        break;
      case 'api::certificate.certificate':
        for (const slug of slugsOf(variant)) paths.add(`/${locale}/certificates/${encodeURIComponent(slug)}`);
        paths.add(`/${locale}/certificates`);
        paths.add(`/${locale}`);
        break;
      case 'api::category.category':
        paths.add(`/${locale}/news`);
        break;
      case 'api::global.global':
        paths.add(`/${locale}`);
        break;
    }
  }
  return [...paths];
}
