import { match } from '@formatjs/intl-localematcher';
import { defaultLocale, type Locale, localeDefinitions } from '@medee/contract';
import Negotiator from 'negotiator';

// RFC 9110: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
const QVALUE = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/;

/** Drops the ranges whose q-value is malformed (q=high, q=2) instead of trusting them. */
function wellFormedRanges(header: string): string {
  return header
    .split(',')
    .filter((range) => {
      const q = /;\s*q\s*=([^;]*)/i.exec(range);
      return !q || QVALUE.test((q[1] ?? '').trim());
    })
    .join(',');
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * Picks the site language for a visitor from an `Accept-Language` header, honouring q-values and
 * sent order (negotiator) and scripts (Intl.LocaleMatcher's best fit over the locales' full tags):
 * mn-Cyrl and mn-MN choose mn (tag mn-Cyrl); mn-Mong chooses a locale tagged mn-Mong where one is
 * configured. A range no tag fits still counts for its language when the site has that language
 * (zh-TW, zh-Hant → zh). Anything unusable, including a missing header or `*`, gives the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const requested = new Negotiator({ headers: { 'accept-language': wellFormedRanges(acceptLanguage ?? '') } })
    .languages()
    .filter((tag) => tag !== '*' && isValidTag(tag));
  const tags = localeDefinitions.map((definition) => definition.tag);
  for (const tag of requested) {
    const best = match([tag], tags, '', { algorithm: 'best fit' });
    const definition =
      localeDefinitions.find((candidate) => candidate.tag === best) ??
      localeDefinitions.find((candidate) => primaryLanguage(candidate.tag) === primaryLanguage(tag));
    if (definition) return definition.code;
  }
  return defaultLocale;
}

const primaryLanguage = (tag: string) => tag.toLowerCase().split('-')[0];
