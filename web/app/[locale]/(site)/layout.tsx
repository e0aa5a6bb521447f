import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import type { ReactNode } from 'react'
import { PreviewBanner } from '@/components/PreviewBanner.client'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import { getGlobal } from '@/lib/strapi'

// The page chrome. It sits in a route group below app/[locale]/ rather than in
// the root layout because it reads the CMS: if that read fails, the error is
// caught by app/[locale]/error.tsx (which wraps this layout) instead of
// replacing the whole document with app/global-error.tsx.

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
    openGraph: { siteName, locale },
  }
}

export default async function SiteLayout({ children, params }: SiteLayoutProps) {
  const locale = localeOrNotFound((await params).locale)
  const dictionary = getDictionary(locale)
  const settings = await getGlobal(locale)
  const siteName = settings?.siteName ?? dictionary.fallbackSiteName
  // Off while prerendering, so published pages never carry the banner.
  const { isEnabled: previewing } = await draftMode()

  return (
    <>
      {previewing ? <PreviewBanner message={dictionary.preview.banner} exitLabel={dictionary.preview.exit} /> : null}
      <a className="skip-link" href="#content">
        {dictionary.skipToContent}
      </a>
      <SiteHeader locale={locale} siteName={siteName} dictionary={dictionary} />
      <main id="content" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} siteName={siteName} dictionary={dictionary} />
    </>
  )
}
