import { formatPostDate } from '@/lib/i18n/format';
import type { Locale } from '@medee/contract';
import type { CalendarDate as CalendarDateValue } from '@/lib/strapi';

/** A CMS date as a <time> element: machine-readable attribute, localized text. */
export function CalendarDate({ locale, date }: { locale: Locale; date: CalendarDateValue }) {
  return <time dateTime={date}>{formatPostDate(locale, date)}</time>;
}
