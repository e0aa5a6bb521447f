import { defaultLocale, type Locale } from '@medee/contract/locales';

// The error page's words (dictionaries/<locale>/error.json), apart from the other UI strings:
// the error boundaries are client components, and importing the whole dictionary there would
// ship every string of every language to every browser.

export interface ErrorMessages {
  title: string;
  message: string;
  retry: string;
  backHome: string;
}

/** A language's error messages; the default language's where it has none (a test locale pack's). */
export function errorMessagesFor(locale: Locale): ErrorMessages {
  try {
    return require(`./dictionaries/${locale}/error.json`) as ErrorMessages;
  } catch {
    return require(`./dictionaries/${defaultLocale}/error.json`) as ErrorMessages;
  }
}
