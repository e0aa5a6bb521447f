import { type Locale, localeDefinition, locales } from '@medee/contract';
import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import { type LanguageVariants, newsListPath } from '@/lib/routes';

/**
 * The language menu: every other language, each leading to this page in that language where it
 * is published there, else to that language's news list with a short note (never to a page that
 * would only say "not found"). A closed <details> keeps the header one row high whatever the
 * number of languages, and needs no script.
 */
export function LanguageSwitch({
  locale,
  variants,
  dictionary,
}: {
  locale: Locale;
  /** The address of this page in each language it exists in. */
  variants: LanguageVariants;
  dictionary: Dictionary;
}) {
  const others = locales.filter((each) => each !== locale);
  if (others.length === 0) return null;
  return (
    <details className="language-switch">
      {/* The name read out starts with the visible text's words' purpose, and contains them (WCAG 2.5.3). */}
      <summary className="language-switch__summary">
        <span aria-hidden="true">🌐 </span>
        <span className="visually-hidden">{dictionary.languageSwitch.label}: </span>
        {localeDefinition(locale).nativeName}
      </summary>
      <ul className="language-switch__menu">
        {others.map((other) => {
          const href = variants[other];
          const name = localeDefinition(other).nativeName;
          return (
            <li key={other}>
              {href ? (
                <Link href={href} hrefLang={other} lang={other} data-language-switch="available">
                  {name}
                </Link>
              ) : (
                <Link href={newsListPath(other)} data-language-switch="unavailable">
                  <span lang={other}>{name}</span>
                  <span className="language-switch__note">{dictionary.languageSwitch.unavailable}</span>
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
