import { negotiateLocale } from '@/lib/i18n/negotiate';
import { redirectWithinSite } from '@/lib/security/redirect';

// `/` has no page of its own: send the visitor to their language's home.
export function GET(request: Request): Response {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  return redirectWithinSite(`/${locale}`, {
    // The answer depends on the visitor's language, so a shared cache must not hand it to everyone.
    Vary: 'Accept-Language',
    'Cache-Control': 'private, no-store',
  });
}
