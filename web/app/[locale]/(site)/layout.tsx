import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { PreviewBanner } from '@/components/PreviewBanner.client';
import { SiteFooter } from '@/components/SiteFooter';
import { env } from '@/lib/env';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import type { Locale } from '@medee/contract';
import { currentPreviewScope } from '@/lib/preview/session';
import { getGlobal } from '@/lib/strapi';

// The page chrome. It sits in a route group below app/[locale]/ rather than in
// the root layout because it reads the CMS: if that read fails, the error is
// caught by app/[locale]/error.tsx (which wraps this layout) instead of
// replacing the whole document with app/global-error.tsx. The header is
// rendered by each page (components/SitePage.tsx): its language switch
// depends on the page.

interface SiteLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Pick<SiteLayoutProps, 'params'>): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale);
  // A failed read fails the page (in its CmsErrorBoundary) anyway; the
  // metadata then falls back to the dictionary instead of failing outside
  // every boundary.
  const settings = await getGlobal(locale).catch(() => null);
  const siteName = settings?.siteName ?? getDictionary(locale).fallbackSiteName;
  return {
    title: { template: `%s | ${siteName}`, default: settings?.seo.title ?? siteName },
    description: settings?.seo.description ?? undefined,
    openGraph: { siteName, locale, type: 'website' },
    twitter: { card: 'summary_large_image' },
    // Staging and previews (SITE_INDEXING=false) stay out of search engines.
    ...(env.SITE_INDEXING ? {} : { robots: { index: false, follow: false } }),
  };
}

/** The footer with the CMS's site settings; throws if they cannot be read (see the Suspense below). */
async function FooterWithSettings({ locale }: { locale: Locale }) {
  const settings = await getGlobal(locale);
  const dictionary = getDictionary(locale);
  return (
    <SiteFooter
      settings={settings}
      siteName={settings?.siteName ?? dictionary.fallbackSiteName}
      dictionary={dictionary}
      locale={locale}
    />
  );
}

export default async function SiteLayout({ children, params }: SiteLayoutProps) {
  const locale = localeOrNotFound((await params).locale);
  const dictionary = getDictionary(locale);
  // Only in a valid preview of a draft, never while prerendering: published pages never carry the banner.
  const previewing = (await currentPreviewScope())?.status === 'draft';

  return (
    <>
      {previewing ? <PreviewBanner message={dictionary.preview.banner} exitLabel={dictionary.preview.exit} /> : null}
      <a className="skip-link" href="#content">
        {dictionary.skipToContent}
      </a>
      {children}
      {/* A failed settings read shows the footer without them and makes the
          response a 500 that is not cached (see components/CmsErrors.tsx). */}
      <Suspense
        fallback={
          <SiteFooter settings={null} siteName={dictionary.fallbackSiteName} dictionary={dictionary} locale={locale} />
        }
      >
        <FooterWithSettings locale={locale} />
      </Suspense>
    </>
  );
}
