import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import { certificatesPath, homePath, type LanguageVariants, newsListPath, searchPath } from '@/lib/routes';
import { MAX_SEARCH_LENGTH } from '@/lib/search';
import { LanguageSwitch } from './LanguageSwitch';

/** The section of the site a page belongs to, marked as current in the navigation. */
export type Section = 'home' | 'news' | 'certificates' | 'search';

interface SiteHeaderProps {
  locale: Locale;
  siteName: string;
  dictionary: Dictionary;
  current: Section | null;
  /** This page in each language it exists in, for the language switch. */
  languageSwitch: LanguageVariants;
  /** The search text to show in the search field (on the results page). */
  searchText?: string;
}

// A server component: the page that renders it knows its section, so marking
// the current link needs no client code.
export function SiteHeader({ locale, siteName, dictionary, current, languageSwitch, searchText }: SiteHeaderProps) {
  const links: { section: Section; href: string; label: string }[] = [
    { section: 'home', href: homePath(locale), label: dictionary.nav.home },
    { section: 'news', href: newsListPath(locale), label: dictionary.nav.news },
    { section: 'certificates', href: certificatesPath(locale), label: dictionary.nav.certificates },
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={homePath(locale)} className="site-header__brand">
          {siteName}
        </Link>
        <nav aria-label={dictionary.nav.label} className="site-nav">
          <ul>
            {links.map((link) => (
              <li key={link.section}>
                <Link href={link.href} aria-current={link.section === current ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {/* biome-ignore lint/a11y/useSemanticElements: the form is the search landmark; <search> around it would add a second element for the same role */}
        <form role="search" action={searchPath(locale)} method="get" className="site-search">
          <label htmlFor="site-search-q" className="visually-hidden">
            {dictionary.search.label}
          </label>
          <input
            id="site-search-q"
            type="search"
            name="q"
            defaultValue={searchText}
            maxLength={MAX_SEARCH_LENGTH}
            className="site-search__input"
            placeholder={dictionary.search.label}
          />
          <button type="submit" className="site-search__button">
            {dictionary.search.submit}
          </button>
        </form>
        <LanguageSwitch locale={locale} variants={languageSwitch} dictionary={dictionary} />
      </div>
    </header>
  );
}
