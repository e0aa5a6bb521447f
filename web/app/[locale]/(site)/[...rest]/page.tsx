import type { Metadata } from 'next';
import { CmsErrorBoundary } from '@/components/CmsErrors';
import { NotFoundPage, notFoundMetadata } from '@/components/NotFound';
import { localeOrNotFound } from '@/lib/i18n/locale-param';

// Any address below a language that no other route serves (/mn/a/b/c, and
// /<locale>/_not-found, where proxy.ts sends unknown languages and malformed
// list queries): the localized 404 page with the site's header and footer.

interface UnknownAddressProps {
  params: Promise<{ locale: string; rest: string[] }>;
}

export function generateStaticParams(): { rest: string[] }[] {
  return [];
}

export async function generateMetadata({ params }: UnknownAddressProps): Promise<Metadata> {
  return notFoundMetadata(localeOrNotFound((await params).locale));
}

export default async function UnknownAddress({ params }: UnknownAddressProps) {
  const locale = localeOrNotFound((await params).locale);
  return (
    <CmsErrorBoundary locale={locale}>
      <NotFoundPage locale={locale} />
    </CmsErrorBoundary>
  );
}
