import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { env } from '@/lib/env'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import '../globals.css'

// This is the root layout (there is no app/layout.tsx): it owns <html> so that
// `lang` is the page's language. It reads nothing from the CMS, so a CMS
// outage cannot take it down; the CMS-backed header and footer live in
// (site)/layout.tsx, below the localized error boundary ([locale]/error.tsx).

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
}

// Every page is rendered per request, because its scripts carry the response's CSP nonce
// (proxy.ts): a page cached once would carry a stale nonce and its scripts would be blocked.
// The CMS reads are still served from Next's data cache by tag (lib/strapi/transport.ts), so
// the CMS sees no more requests than before and an outage still leaves pages readable.
// force-dynamic also means no page is rendered at build time: the build needs no CMS.
export const dynamic = 'force-dynamic'

export default async function LocaleRootLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ locale: string }>
}) {
  // proxy.ts already sends unknown languages to the localized 404 page; this
  // keeps the type narrow and stays a gate should a request bypass it.
  const locale = localeOrNotFound((await params).locale)
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  )
}
