import type { Metadata } from 'next';
import { CmsErrorBoundary } from '@/components/CmsErrors';
import { notFoundMetadata } from '@/components/NotFound';
import { RedirectOrNotFound } from '@/components/RedirectOrNotFound';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import { NOT_FOUND_SEGMENT } from '@/lib/request-routing';

// Any address below a language that no other route serves (/mn/a/b/c, and
// /<locale>/_not-found[/<original path>], where proxy.ts sends paths outside the languages and
// malformed list queries): a redirect when the CMS has one for the address (old site's URLs such
// as /news/show-123.html), else the localized 404 page with the site's header and footer.

interface UnknownAddressProps {
  params: Promise<{ locale: string; rest: string[] }>;
}

export function generateStaticParams(): { rest: string[] }[] {
  return [];
}

export async function generateMetadata({ params }: UnknownAddressProps): Promise<Metadata> {
  return notFoundMetadata(localeOrNotFound((await params).locale));
}

/** The address the reader asked for, or null for a malformed list query (nothing to look up). */
function requestedPath(locale: string, rest: string[]): string | null {
  if (rest[0] !== NOT_FOUND_SEGMENT) return `/${locale}/${rest.join('/')}`;
  return rest.length > 1 ? `/${rest.slice(1).join('/')}` : null;
}

export default async function UnknownAddress({ params }: UnknownAddressProps) {
  const { locale: segment, rest } = await params;
  const locale = localeOrNotFound(segment);
  return (
    <CmsErrorBoundary locale={locale}>
      <RedirectOrNotFound locale={locale} path={requestedPath(locale, rest)} />
    </CmsErrorBoundary>
  );
}
