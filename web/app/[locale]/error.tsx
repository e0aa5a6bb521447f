'use client';

import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import { errorMessagesFor } from '@/lib/i18n/error-messages';
import { defaultLocale, isLocale } from '@medee/contract/locales';

// Shown when rendering a page failed, typically because the CMS is down and
// the page was not cached yet. Next.js answers 500 and caches nothing, so the
// page is rendered afresh once the CMS is back. It wraps (site)/layout.tsx,
// so a failing header/footer read lands here too; hence no site chrome.

export default function LocalizedErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const params = useParams<{ locale: string }>();
  const locale = isLocale(params.locale) ? params.locale : defaultLocale;
  const messages = errorMessagesFor(locale);

  useEffect(() => {
    // Server errors arrive here without their message (only a digest to find them in the server log).
    console.error(error);
  }, [error]);

  return (
    <main id="content" className="site-main">
      <div className="status-page" role="alert">
        <h1>{messages.title}</h1>
        <p>{messages.message}</p>
        <p className="status-page__actions">
          <button type="button" onClick={() => retry()}>
            {messages.retry}
          </button>
          <a href={`/${locale}`}>{messages.backHome}</a>
        </p>
      </div>
    </main>
  );
}
