import { Fragment } from 'react';
import { defaultLocale, localeDefinition, locales } from '@medee/contract';
import { getDictionary } from '@/lib/i18n/dictionaries';

/**
 * A complete HTML document, in every site language, for addresses outside
 * any language (/xx, /mn/a/b/c): no layout applies there, so there is no
 * chrome and no CMS data, and the visitor picks a language.
 */
export function UnknownAddressDocument() {
  return (
    <html lang={defaultLocale}>
      <body>
        <main className="site-main">
          <div className="status-page">
            <p className="status-page__code">404</p>
            <h1>
              {locales.map((locale, index) => (
                <Fragment key={locale}>
                  {index > 0 ? ' · ' : null}
                  <span lang={locale}>{getDictionary(locale).notFound.title}</span>
                </Fragment>
              ))}
            </h1>
            {locales.map((locale) => {
              const dictionary = getDictionary(locale);
              return (
                <p key={locale} lang={locale}>
                  {dictionary.notFound.message}{' '}
                  <a href={`/${locale}`} hrefLang={locale}>
                    {localeDefinition(locale).nativeName}: {dictionary.notFound.backHome}
                  </a>
                </p>
              );
            })}
          </div>
        </main>
      </body>
    </html>
  );
}

export const unknownAddressTitle = locales.map((locale) => getDictionary(locale).notFound.title).join(' · ');
