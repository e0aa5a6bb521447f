/** The site's languages, in the order the language switch lists them. */
export const locales = ['mn', 'zh'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'mn';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The other language, for the language switch (there are exactly two). */
export function otherLocale(locale: Locale): Locale {
  return locale === 'mn' ? 'zh' : 'mn';
}
