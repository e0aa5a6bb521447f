import { LOCALE_CODE_PATTERN, LOCALE_TAG_PATTERN, type LocaleDefinition } from './locale-definition';

// No zod here: browser bundles load this module (the error pages), and zod's eval probe would
// trip the site's Content-Security-Policy. Locale packs are checked with zod on the servers.

export type { LocaleDefinition };

/** A locale code the site and the CMS serve (one of `locales`). */
export type Locale = string;

/** The languages, in the order the language switch lists them. Adding one: an entry here, its site dictionary, its seed data. */
const BUILT_IN: readonly LocaleDefinition[] = [
  {
    code: 'mn',
    tag: 'mn-Cyrl',
    nativeName: 'Монгол',
    englishName: 'Mongolian',
    isDefault: true,
    direction: 'ltr',
    writingMode: 'horizontal-tb',
  },
  {
    code: 'zh',
    tag: 'zh-Hans',
    nativeName: '中文',
    englishName: 'Chinese',
    isDefault: false,
    direction: 'ltr',
    writingMode: 'horizontal-tb',
  },
];

/**
 * Test-only locale packs (MEDEE_LOCALE_PACKS) add locales at run time on the servers. Required
 * through the package's own exports, whose "browser" condition gives browser bundles a stub
 * without node:fs.
 */
function packDefinitions(): LocaleDefinition[] {
  if (typeof process === 'undefined' || !process.env?.MEDEE_LOCALE_PACKS) return [];
  const { localePacks } = require('@medee/contract/locale-packs') as typeof import('./locale-packs');
  return localePacks().map((pack) => pack.locale);
}

/** Checks a list of locales: unique codes and env names, exactly one default. */
export function checkLocaleDefinitions(definitions: readonly LocaleDefinition[]): readonly LocaleDefinition[] {
  const parsed = [...definitions];
  for (const { code, tag } of parsed) {
    if (!LOCALE_CODE_PATTERN.test(code)) throw new Error(`locale code "${code}" is not a BCP 47 language code`);
    if (!LOCALE_TAG_PATTERN.test(tag)) throw new Error(`locale ${code}: tag "${tag}" needs its script, e.g. mn-Cyrl`);
  }
  const defaults = parsed.filter((definition) => definition.isDefault);
  if (defaults.length !== 1) throw new Error(`exactly one default locale expected, got ${defaults.length}`);
  const envNames = new Set<string>();
  for (const { code } of parsed) {
    if (envNames.has(localeEnvName(code))) throw new Error(`locale ${code} is listed twice (or clashes by env name)`);
    envNames.add(localeEnvName(code));
  }
  return Object.freeze(parsed);
}

export const localeDefinitions: readonly LocaleDefinition[] = checkLocaleDefinitions([
  ...BUILT_IN,
  ...packDefinitions(),
]);

export const locales: readonly Locale[] = Object.freeze(localeDefinitions.map((definition) => definition.code));

export const defaultLocale: Locale = (localeDefinitions.find((definition) => definition.isDefault) as LocaleDefinition)
  .code;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && locales.includes(value);
}

export function localeDefinition(code: Locale): LocaleDefinition {
  const definition = localeDefinitions.find((candidate) => candidate.code === code);
  if (!definition) throw new Error(`unknown locale ${code}`);
  return definition;
}

/**
 * The part of an environment variable name derived from a locale code: upper case, anything but
 * letters and digits as "_" (mn-Mong → MN_MONG), so the name works in every shell and in Docker.
 */
export function localeEnvName(code: Locale): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The demo translator's login of a locale: CMS_TRANSLATOR_MN_EMAIL / _PASSWORD, CMS_TRANSLATOR_MN_MONG_EMAIL, … */
export function translatorEnvNames(code: Locale): { email: string; password: string } {
  const prefix = `CMS_TRANSLATOR_${localeEnvName(code)}`;
  return { email: `${prefix}_EMAIL`, password: `${prefix}_PASSWORD` };
}

/**
 * Does this locale's site address mainland China? The Simplified Chinese one does: it shows the
 * ICP and public-security filing numbers mainland law requires of a site there, and its pages are
 * announced to Baidu. Locales the site does not serve do not.
 */
export function addressesMainlandChina(code: Locale): boolean {
  return isLocale(code) && localeDefinition(code).tag.startsWith('zh-Hans');
}
