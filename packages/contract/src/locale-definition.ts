/**
 * One language of the site and the CMS. `code` is what URLs (/mn/news), the CMS's i18n locales
 * and the cache tags use; `tag` is the full BCP 47 tag with its script (mn-Cyrl: Mongolian is also
 * written in the traditional script, mn-Mong), used for Accept-Language negotiation and `lang`.
 */
export interface LocaleDefinition {
  code: string;
  tag: string;
  nativeName: string;
  englishName: string;
  isDefault: boolean;
  direction: 'ltr' | 'rtl';
  /** CSS writing-mode of running text (traditional Mongolian is vertical-lr). */
  writingMode: 'horizontal-tb' | 'vertical-lr' | 'vertical-rl';
}

/** A language code such as "mn" or "mn-Mong": a URL segment, a CMS locale code. */
export const LOCALE_CODE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** A BCP 47 tag with its script, e.g. mn-Cyrl, zh-Hans. */
export const LOCALE_TAG_PATTERN = /^[a-z]{2,3}-[A-Z][a-z]{3}(?:-[A-Za-z0-9]{2,8})*$/;
