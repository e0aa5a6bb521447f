import { notFound } from 'next/navigation';
import { isLocale, type Locale } from '@medee/contract';

/**
 * Turns the `[locale]` URL segment into a Locale, answering 404 for anything
 * else. app/[locale]/layout.tsx is the gate: it runs this for every page.
 * Pages and generateMetadata call it too, only to get the narrowed type —
 * Next.js renders a layout and its page concurrently, so a page cannot rely
 * on the layout having rejected `/xx` before the page itself runs.
 */
export function localeOrNotFound(segment: string): Locale {
  if (!isLocale(segment)) notFound();
  return segment;
}
