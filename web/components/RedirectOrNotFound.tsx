import { permanentRedirect, redirect } from 'next/navigation';
import { type Locale, REDIRECT_STATUS, redirectLocation } from '@medee/contract';
import { getRedirect } from '@/lib/strapi';
import { NotFoundPage } from './NotFound';

/**
 * What a page renders where it would answer 404: first asks the CMS whether `path` redirects (a
 * renamed slug, an editor's redirect) and answers with that redirect's status and Location, else
 * the 404 page. Only here, never on a page that exists, so the lookup costs nothing on the way
 * to a page. Like NotFoundPage, it relies on the page being prerendered: the redirect is then a
 * real 308/307 with a Location header, cached with the page under the `redirects` tag.
 */
export async function RedirectOrNotFound({ locale, path }: { locale: Locale; path: string | null }) {
  const answer = path ? await getRedirect(path) : null;
  if (answer) {
    const location = redirectLocation(answer.location);
    if (answer.status === REDIRECT_STATUS.permanent) permanentRedirect(location);
    redirect(location);
  }
  return <NotFoundPage locale={locale} />;
}
