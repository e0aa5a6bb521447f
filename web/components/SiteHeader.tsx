import Link from 'next/link'
import type { Dictionary } from '@/lib/i18n/dictionaries'
import { localeNames } from '@/lib/i18n/dictionaries'
import { otherLocale, type Locale } from '@/lib/i18n/locales'
import { NavLinks } from './NavLinks.client'

interface SiteHeaderProps {
  locale: Locale
  siteName: string
  dictionary: Dictionary
}

export function SiteHeader({ locale, siteName, dictionary }: SiteHeaderProps) {
  const other = otherLocale(locale)
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={`/${locale}`} className="site-header__brand">
          {siteName}
        </Link>
        <NavLinks
          label={dictionary.nav.label}
          links={[
            { href: `/${locale}`, label: dictionary.nav.home, exact: true },
            { href: `/${locale}/news`, label: dictionary.nav.news, exact: false },
            { href: `/${locale}/certificates`, label: dictionary.nav.certificates, exact: false },
          ]}
        />
        {/* For now the switch goes to the other language's home page. */}
        <Link
          href={`/${other}`}
          className="site-header__language"
          hrefLang={other}
          lang={other}
          aria-label={`${dictionary.languageSwitch.label}: ${localeNames[other]}`}
        >
          {localeNames[other]}
        </Link>
      </div>
    </header>
  )
}
