import type { Metadata } from 'next'
import { UnknownAddressDocument, unknownAddressTitle } from '@/components/UnknownAddressDocument'
import './globals.css'

// When app/[locale]/layout.tsx rejects the language segment (/xx, /xx/news),
// the root layout itself is what failed, so the nearest not-found boundary is
// this one, above it — global-not-found.tsx only covers unmatched URLs
// (vercel/next.js#86095). It must therefore bring its own <html>.

export const metadata: Metadata = { title: unknownAddressTitle }

export default function LanguageNotFound() {
  return <UnknownAddressDocument />
}
