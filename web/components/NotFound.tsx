import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import { homePath, newsListPath, pathsInEveryLocale } from '@/lib/routes';
import { SitePage } from './SitePage';

/** The localized "page not found" message, inside a page's main landmark. */
export function NotFoundMessage({ locale }: { locale: Locale }) {
  const dictionary = getDictionary(locale);
  return (
    <div className="status-page" data-status="404">
      <p className="status-page__code">404</p>
      <h1>{dictionary.notFound.title}</h1>
      <p>{dictionary.notFound.message}</p>
      <p className="status-page__actions">
        <Link href={homePath(locale)}>{dictionary.notFound.backHome}</Link>
        <Link href={newsListPath(locale)}>{dictionary.nav.news}</Link>
      </p>
    </div>
  );
}

/** The whole 404 page: header (its language switch leads to the other languages' home pages), message. */
export function NotFoundView({ locale }: { locale: Locale }) {
  return (
    <SitePage locale={locale} current={null} languageSwitch={pathsInEveryLocale(homePath)}>
      <NotFoundMessage locale={locale} />
    </SitePage>
  );
}

function SignalNotFound(): never {
  notFound();
}

/**
 * What a page renders instead of calling notFound() itself: the localized 404
 * page in the server HTML, with HTTP status 404.
 *
 * NOTE: in Next 16.4, notFound() thrown while rendering a page yields status
 * 404 but an empty HTML document (`<html id="__next_error__">`): React's
 * server renderer does not run error boundaries, so the not-found boundary is
 * only drawn by client JavaScript (vercel/next.js#62228, #98295; fix proposed
 * in #98583). Thrown inside a Suspense boundary during a prerender — every
 * page here is prerendered on its first request — Next instead sets the
 * status to 404 and keeps the rendered HTML, with the boundary's fallback in
 * place: that fallback is the full 404 page. In the browser the boundary
 * then throws again and (site)/not-found.tsx, which shows the same view,
 * takes over. Remove this once notFound() renders its boundary on the server.
 * Pages using it must be static (no searchParams, cookies or headers): in a
 * dynamic render the status line is sent before the boundary fails.
 */
export function NotFoundPage({ locale }: { locale: Locale }) {
  return (
    <Suspense fallback={<NotFoundView locale={locale} />}>
      <SignalNotFound />
    </Suspense>
  );
}

/** Metadata of a 404 page: its title, never indexed. generateMetadata must not call notFound() (see NotFoundPage). */
export function notFoundMetadata(locale: Locale): Metadata {
  return { title: getDictionary(locale).notFound.title, robots: { index: false, follow: true } };
}
