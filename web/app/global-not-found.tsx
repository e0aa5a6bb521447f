import type { Metadata } from 'next'
import { UnknownAddressDocument, unknownAddressTitle } from '@/components/UnknownAddressDocument'
import './globals.css'

// Any URL that matches no route, e.g. /mn/a/b/c (enabled by
// experimental.globalNotFound in next.config.ts).

export const metadata: Metadata = { title: unknownAddressTitle }

export default function GlobalNotFound() {
  return <UnknownAddressDocument />
}
// Rendered per request like every page, so its scripts carry the response's CSP nonce (proxy.ts).
export const dynamic = 'force-dynamic'
