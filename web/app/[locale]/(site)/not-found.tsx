import type { Metadata } from 'next'
import Link from 'next/link'
import { locale as localeSegment } from 'next/root-params'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { defaultLocale, isLocale } from '@/lib/i18n/locales'

// Shown, inside the site chrome, when a page calls notFound(): an unknown
// article or certificate slug, a malformed or too large ?page=, an unknown
// ?category=. Not-found files get no params; the locale comes from the root
// parameter instead, already vetted by the root layout.

async function currentLocale() {
  const segment: unknown = await localeSegment()
  return isLocale(segment) ? segment : defaultLocale
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: getDictionary(await currentLocale()).notFound.title }
}

export default async function NotFound() {
  const locale = await currentLocale()
  const dictionary = getDictionary(locale)
  return (
    <div className="status-page">
      <p className="status-page__code">404</p>
      <h1>{dictionary.notFound.title}</h1>
      <p>{dictionary.notFound.message}</p>
      <p className="status-page__actions">
        <Link href={`/${locale}`}>{dictionary.notFound.backHome}</Link>
        <Link href={`/${locale}/news`}>{dictionary.nav.news}</Link>
      </p>
    </div>
  )
}
