// Chromium's built-in Intl has no Mongolian dates: with the interface in Mongolian, list columns
// read "Tuesday, June 10, 2025" and the edit view "2 minutes ago". Browsers that lack Mongolian
// get FormatJS's DateTimeFormat and RelativeTimeFormat, with the data of our three interface
// languages (the polyfills replace the built-in formatters for every language they format).

async function polyfillDateTimeFormat() {
  // The polyfill formats in UTC unless told the browser's zone: dates and times in the admin were
  // shown in UTC, and the date-time picker (which builds its times with the browser's Date) moved
  // a typed 18:59 in Ulaanbaatar to 11:51.
  const browserZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  await import('@formatjs/intl-datetimeformat/polyfill-force.js');
  await Promise.all([
    import('@formatjs/intl-datetimeformat/locale-data/en.js'),
    import('@formatjs/intl-datetimeformat/locale-data/mn.js'),
    import('@formatjs/intl-datetimeformat/locale-data/zh.js'),
    import('@formatjs/intl-datetimeformat/add-golden-tz.js'),
  ]);
  (Intl.DateTimeFormat as unknown as { __setDefaultTimeZone(zone: string): void }).__setDefaultTimeZone(browserZone);
}

async function polyfillRelativeTimeFormat() {
  await import('@formatjs/intl-relativetimeformat/polyfill-force.js');
  await Promise.all([
    import('@formatjs/intl-relativetimeformat/locale-data/en.js'),
    import('@formatjs/intl-relativetimeformat/locale-data/mn.js'),
    import('@formatjs/intl-relativetimeformat/locale-data/zh.js'),
  ]);
}

/**
 * Started when the admin registers, long before the first date is formatted (that needs the
 * user's session and a document from the API); react-intl builds its formatters on first use.
 */
export function polyfillMongolianDates(): Promise<unknown> {
  return Promise.all([
    Intl.DateTimeFormat.supportedLocalesOf('mn').length === 0 ? polyfillDateTimeFormat() : null,
    Intl.RelativeTimeFormat.supportedLocalesOf('mn').length === 0 ? polyfillRelativeTimeFormat() : null,
  ]);
}
