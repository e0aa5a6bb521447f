'use client';

import { Fragment } from 'react';
import { errorMessagesFor } from '@/lib/i18n/error-messages';
import { defaultLocale, locales } from '@medee/contract/locales';
import './globals.css';

// Last resort, for a failure in the root layout itself (which reads no CMS
// data, so this should not happen). It replaces the whole document, and the
// language is unknown here, so it speaks every site language.

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang={defaultLocale}>
      <body>
        <main className="site-main">
          <div className="status-page" role="alert">
            <h1>
              {locales.map((locale, index) => (
                <Fragment key={locale}>
                  {index > 0 ? ' · ' : null}
                  <span lang={locale}>{errorMessagesFor(locale).title}</span>
                </Fragment>
              ))}
            </h1>
            {locales.map((locale) => (
              <p key={locale} lang={locale}>
                {errorMessagesFor(locale).message}
              </p>
            ))}
            <p className="status-page__actions">
              <button type="button" onClick={() => retry()}>
                {locales.map((locale) => errorMessagesFor(locale).retry).join(' / ')}
              </button>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
