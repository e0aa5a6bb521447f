import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import '../globals.css';

// This is the root layout (there is no app/layout.tsx): it owns <html> so that
// `lang` is the page's language. It reads nothing from the CMS, so a CMS
// outage cannot take it down; the CMS-backed header and footer live in
// (site)/layout.tsx, below the localized error boundary ([locale]/error.tsx).

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
};

// No page is rendered at build time — the build must not need a running CMS.
// An empty list (rather than no generateStaticParams at all) keeps the pages
// static: each one is rendered on its first request, then served from the
// cache until its CMS tags are revalidated or CMS_REVALIDATE_SECONDS pass.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export default async function LocaleRootLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  // proxy.ts already sends unknown languages to the localized 404 page; this
  // keeps the type narrow and stays a gate should a request bypass it.
  const locale = localeOrNotFound((await params).locale);
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
