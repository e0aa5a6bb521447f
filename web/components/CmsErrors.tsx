import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import { homePath } from '@/lib/routes';
import { CmsContentError, CmsError } from '@/lib/strapi/errors';

/** The localized "temporarily unavailable" page content: no details, never a stack trace. */
export function CmsErrorMessage({ locale }: { locale: Locale }) {
  const dictionary = getDictionary(locale);
  return (
    <main id="content" className="site-main" tabIndex={-1}>
      <div className="status-page" role="alert" data-status="500">
        <h1>{dictionary.error.title}</h1>
        <p>{dictionary.error.message}</p>
        <p className="status-page__actions">
          <a href={homePath(locale)}>{dictionary.error.backHome}</a>
        </p>
      </div>
    </main>
  );
}

/**
 * Wraps what a page reads from the CMS. If a read fails, the server HTML
 * shows the localized error message, the response is a 500 and nothing is
 * cached, so the page is rendered afresh once the CMS is back.
 *
 * NOTE: as with notFound() (components/NotFound.tsx), an error thrown outside
 * any Suspense boundary leaves Next 16.4 with an empty HTML document and the
 * error boundary (app/[locale]/error.tsx) drawn by client code only. Inside a
 * boundary, a prerender keeps the fallback in the HTML, answers 500 and does
 * not cache the result; in the browser the boundary fails again and
 * error.tsx, which says the same, takes over. Only for prerendered (static)
 * pages: a dynamic render has sent its 200 before the boundary fails.
 */
export function CmsErrorBoundary({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <Suspense fallback={<CmsErrorMessage locale={locale} />}>{children}</Suspense>;
}

/**
 * generateMetadata must not throw either (it runs outside every boundary):
 * when the CMS fails, this gives the error page's title instead. The page
 * itself fails in its CmsErrorBoundary, so the response is still a 500 and
 * this metadata is never cached.
 */
export async function metadataUnlessCmsFails(locale: Locale, build: () => Promise<Metadata>): Promise<Metadata> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof CmsError || error instanceof CmsContentError) {
      return { title: getDictionary(locale).error.title, robots: { index: false, follow: false } };
    }
    throw error;
  }
}
