import type { Metadata } from 'next';
import { UnknownAddressDocument, unknownAddressTitle } from '@/components/UnknownAddressDocument';
import './globals.css';

// Last line of defence. Unknown languages never reach app/[locale]/layout.tsx
// (proxy.ts answers them with the localized 404 page of
// app/[locale]/(site)/[...rest]), and every path below a language matches a
// route, so this is only drawn if that layout rejects a segment anyway. The
// root layout is then what failed, so this boundary sits above it and must
// bring its own <html>.

export const metadata: Metadata = { title: unknownAddressTitle };

export default function LanguageNotFound() {
  return <UnknownAddressDocument />;
}
