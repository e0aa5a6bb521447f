import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import { localeNames } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';

/** Where the language switch leads: the same page in `locale`, or null where it has no published version. */
export interface LanguageSwitchTarget {
  locale: Locale;
  href: string | null;
}

export function LanguageSwitch({ target, dictionary }: { target: LanguageSwitchTarget; dictionary: Dictionary }) {
  const name = localeNames[target.locale];
  if (!target.href) {
    // Not a link to a page that would only say "not found": the reader sees
    // at once that this page has no version in that language.
    return (
      <p className="site-header__language site-header__language--unavailable" data-language-switch="unavailable">
        <span lang={target.locale}>{name}</span>
        <span className="site-header__language-note">{dictionary.languageSwitch.unavailable}</span>
      </p>
    );
  }
  return (
    <Link
      href={target.href}
      className="site-header__language"
      hrefLang={target.locale}
      lang={target.locale}
      data-language-switch="available"
      aria-label={`${dictionary.languageSwitch.label}: ${name}`}
    >
      {name}
    </Link>
  );
}
