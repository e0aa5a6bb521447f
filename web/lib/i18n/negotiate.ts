import { defaultLocale, isLocale, type Locale } from './locales';

interface LanguagePreference {
  primaryTag: string;
  quality: number;
  position: number;
}

/**
 * Picks the site language for a visitor from an `Accept-Language` header,
 * honouring q-values (`zh-CN,zh;q=0.9,mn;q=0.8`). Regional and script variants
 * count for their language (zh-TW, zh-Hant → zh; mn-MN → mn). Anything
 * unusable, including a missing header or `*`, falls back to the default (mn).
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;

  const preferences = acceptLanguage
    .split(',')
    .map(parseLanguageRange)
    .filter((preference): preference is LanguagePreference => preference !== null && preference.quality > 0)
    // Equal q-values keep the order the browser sent them in.
    .sort((a, b) => b.quality - a.quality || a.position - b.position);

  for (const { primaryTag } of preferences) {
    if (isLocale(primaryTag)) return primaryTag;
  }
  return defaultLocale;
}

function parseLanguageRange(range: string, position: number): LanguagePreference | null {
  const [tag = '', ...parameters] = range.trim().split(';');
  const primaryTag = tag.trim().toLowerCase().split('-')[0];
  if (!primaryTag) return null;

  let quality = 1;
  for (const parameter of parameters) {
    const [key, value] = parameter.split('=').map((part) => part.trim());
    if (key?.toLowerCase() !== 'q') continue;
    // RFC 9110: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    if (!value || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return null;
    quality = Number(value);
  }
  return { primaryTag, quality, position };
}
