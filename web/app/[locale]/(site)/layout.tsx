import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/SiteFooter'
import { env } from '@/lib/env'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import { absoluteUrl, feedPath } from '@/lib/routes'
import { getGlobal } from '@/lib/strapi'

// The page chrome. It sits in a route group below app/[locale]/ rather than in
// the root layout because it reads the CMS: if that read fails, the error is
// caught by app/[locale]/error.tsx (which wraps this layout) instead of
// replacing the whole document with app/global-error.tsx. The header is
// rendered by each page (components/SitePage.tsx): its language switch
// depends on the page.

interface SiteLayoutProps {
  children: ReactNode
  params: Promise<{ locale: string }>
}

export async function generateMetadata({ params }: Pick<SiteLayoutProps, 'params'>): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale)
  const settings = await getGlobal(locale)
  const siteName = settings?.siteName ?? getDictionary(locale).fallbackSiteName
  return {
    title: { template: `%s | ${siteName}`, default: settings?.seo.title ?? siteName },
    description: settings?.seo.description ?? undefined,
    openGraph: { siteName, locale, type: 'website' },
    twitter: { card: 'summary_large_image' },
    // Staging and previews (SITE_INDEXING=false) stay out of search engines.
    ...(env.SITE_INDEXING ? {} : { robots: { index: false, follow: false } }),
  }
}

export default async function SiteLayout({ children, params }: SiteLayoutProps) {
  const locale = localeOrNotFound((await params).locale)
  const dictionary = getDictionary(locale)
  const settings = await getGlobal(locale)
  const siteName = settings?.siteName ?? dictionary.fallbackSiteName

  return (
    <>
      {/* Feed autodiscovery; React places <link> elements in the document head. */}
      <link rel="alternate" type="application/rss+xml" href={absoluteUrl(env.SITE_URL, feedPath(locale))} title={dictionary.feed.title(siteName)} />
      <a className="skip-link" href="#content">
        {dictionary.skipToContent}
      </a>
      {children}
      <SiteFooter settings={settings} siteName={siteName} dictionary={dictionary} locale={locale} />
    </>
  )
}
