import type { Metadata } from 'next';
import { locale as localeSegment } from 'next/root-params';
import { NotFoundView, notFoundMetadata } from '@/components/NotFound';
import { defaultLocale, isLocale } from '@medee/contract';

// The not-found boundary of the site's pages. Pages do not call notFound()
// themselves (see components/NotFound.tsx); this boundary takes over in the
// browser when their 404 signal reaches it, and shows the same view. Not-found
// files get no params; the locale comes from the root parameter instead.

async function currentLocale() {
  const segment: unknown = await localeSegment();
  return isLocale(segment) ? segment : defaultLocale;
}

export async function generateMetadata(): Promise<Metadata> {
  return notFoundMetadata(await currentLocale());
}

export default async function NotFound() {
  return <NotFoundView locale={await currentLocale()} />;
}
