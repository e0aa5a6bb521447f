import { type Locale, localeDefinition } from '@medee/contract';
import { readPackFile } from '@medee/contract/locale-packs';
import { IntlMessageFormat } from 'intl-messageformat';
import type { CertificateLevel } from '@/lib/strapi/types';
import type defaultSite from './dictionaries/mn/site.json';
import { type ErrorMessages, errorMessagesFor } from './error-messages';

// UI strings, one JSON file per language (dictionaries/<locale>/site.json, ICU message syntax for
// the ones with values). Content (titles, bodies, the company's name) comes from the CMS; these
// are only the words the site itself puts around it.

type Values = Record<string, string | number>;
type Message = (values: Values) => string;

/** The site dictionary with its messages that take values turned into functions. */
export interface Dictionary {
  /** Used only when the CMS has no published `global` entry for the locale. */
  fallbackSiteName: string;
  skipToContent: string;
  nav: { label: string; home: string; news: string; certificates: string };
  languageSwitch: {
    label: string;
    /** Said of a language this page has no published version in (its link leads to that language's news list). */
    unavailable: string;
  };
  home: { title: string; latestNews: string; allNews: string; certificates: string; allCertificates: string };
  news: {
    /** The heading of the whole list (a category's list is headed by the category's name). */
    title: string;
    /** {title} {page}: the title of page 2 and beyond of a list. */
    pagedTitle: Message;
    empty: string;
    categoryFilterLabel: string;
    allCategories: string;
    /** {count}: how many published articles a category has, for assistive technology. */
    articleCount: Message;
  };
  article: {
    /** Printed right before the date, separator included: "Нийтэлсэн: ". */
    postedAtPrefix: string;
    /** Printed right before the category name, separator included. */
    categoryPrefix: string;
    relatedCertificates: string;
    adjacentLabel: string;
    /** The next older article. */
    older: string;
    /** The next newer article. */
    newer: string;
  };
  search: {
    title: string;
    label: string;
    submit: string;
    prompt: string;
    /** {max} */
    tooLong: Message;
    /** {text} */
    noResults: Message;
    /** {text} {count} */
    resultCount: Message;
    /** {text} {count}: more than `count` matched (the CMS counts no further). */
    resultCountCapped: Message;
    pastLastPage: Message;
    /** {text}: the title of the results page, `Хайлт: гэрчилгээ`. */
    resultsTitle: Message;
  };
  /** {siteName}: the title of the RSS feed (and of its autodiscovery link). */
  feed: { title: Message };
  pagination: { label: string; previous: string; next: string; pageOf: Message };
  certificates: {
    title: string;
    empty: string;
    issuer: string;
    level: string;
    number: string;
    issuedOn: string;
    /** {name} */
    scanAlt: Message;
    relatedArticles: string;
    levels: Record<CertificateLevel, string>;
  };
  footer: {
    address: string;
    email: string;
    phone: string;
    /** Names the filing numbers' list and their registries (link titles); only the zh footer shows them. */
    filings: { label: string; icpRegistry: string; publicSecurityRegistry: string };
  };
  notFound: { title: string; message: string; backHome: string };
  error: ErrorMessages;
  /** The banner on every page in draft mode (opened from the CMS's preview). */
  preview: { banner: string; exit: string };
}

/** The shape every site.json has: the default language's. */
export type SiteMessages = typeof defaultSite;

/** Turns the strings with ICU arguments into functions, leaving plain strings as they are. */
function compile(messages: unknown, tag: string): unknown {
  if (typeof messages === 'string') {
    if (!messages.includes('{')) return messages;
    const format = new IntlMessageFormat(messages, tag);
    return (values: Values) => String(format.format(values));
  }
  if (messages && typeof messages === 'object') {
    return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, compile(value, tag)]));
  }
  return messages;
}

/** A language's site.json: bundled with the site, or from a test locale pack. */
export function siteMessages(locale: Locale): SiteMessages {
  try {
    return require(`./dictionaries/${locale}/site.json`) as SiteMessages;
  } catch {
    const pack = readPackFile(locale, 'site.json') as SiteMessages | undefined;
    if (!pack)
      throw new Error(`No site dictionary for locale ${locale} (web/lib/i18n/dictionaries/${locale}/site.json)`);
    return pack;
  }
}

const compiled = new Map<Locale, Dictionary>();

export function getDictionary(locale: Locale): Dictionary {
  let dictionary = compiled.get(locale);
  if (!dictionary) {
    const { tag } = localeDefinition(locale);
    dictionary = { ...(compile(siteMessages(locale), tag) as Dictionary), error: errorMessagesFor(locale) };
    compiled.set(locale, dictionary);
  }
  return dictionary;
}
