import { type Locale, localeDefinition } from '@medee/contract';

/**
 * The admin's interface languages besides English (src/admin/app.tsx offers them on the login page
 * and in the profile). Here, not under src/admin/, because the server creates users in them.
 */
export const INTERFACE_LANGUAGES = ['mn', 'zh-Hans'] as const;

/** The interface language a translator of `locale` starts in: the one named by its tag (zh-Hans) or code (mn), else English. */
export function interfaceLanguageFor(locale: Locale): string {
  const { tag, code } = localeDefinition(locale);
  return (INTERFACE_LANGUAGES as readonly string[]).find((language) => language === tag || language === code) ?? 'en';
}
