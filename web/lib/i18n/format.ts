import { type Locale, localeDefinition } from '@medee/contract';

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormatters = new Map<Locale, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeDefinition(locale).tag, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * Formats a CMS calendar date (`YYYY-MM-DD`, no time zone) for display:
 * mn → "2022 оны 1-р сарын 29", zh → "2022年1月29日".
 *
 * The date is read and printed in UTC so that the day never shifts with the
 * server's time zone.
 */
export function formatPostDate(locale: Locale, isoDate: string): string {
  const match = calendarDate.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2022-02-30 over to March; reject it instead of printing a wrong day.
  if (!date || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`formatPostDate expects a calendar date YYYY-MM-DD, got "${isoDate}"`);
  }
  return dateFormatter(locale).format(date);
}
