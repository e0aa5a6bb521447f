import type { ReactNode } from 'react';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import type { LanguageVariants } from '@/lib/routes';
import { getGlobal } from '@/lib/strapi';
import { SiteHeader, type Section } from './SiteHeader';

interface SitePageProps {
  locale: Locale;
  current: Section | null;
  languageSwitch: LanguageVariants;
  searchText?: string;
  children: ReactNode;
}

/**
 * The header and the main landmark around a page's content. Pages render it
 * themselves, rather than the layout, because the language switch depends on
 * the page: the same article under its other slug, the same list page.
 */
export async function SitePage({ locale, current, languageSwitch, searchText, children }: SitePageProps) {
  const dictionary = getDictionary(locale);
  const settings = await getGlobal(locale);
  return (
    <>
      <SiteHeader
        locale={locale}
        siteName={settings?.siteName ?? dictionary.fallbackSiteName}
        dictionary={dictionary}
        current={current}
        languageSwitch={languageSwitch}
        searchText={searchText}
      />
      <main id="content" className="site-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
