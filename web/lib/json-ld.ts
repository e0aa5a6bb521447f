import type { NewsArticle, Organization, WithContext } from 'schema-dts';
import type { Locale } from '@medee/contract';

// Structured data (schema.org JSON-LD), typed with schema-dts so a misspelt
// property fails the type check. Builders are pure: pages pass absolute URLs.

export interface OrganizationFacts {
  name: string;
  /** The organization's home page in this language. */
  url: string;
  email: string | null;
  telephone: string | null;
  address: string | null;
  /** Names of the certificates and awards it holds. */
  awards: string[];
}

function organizationNode(facts: OrganizationFacts): Exclude<Organization, string> {
  return {
    '@type': 'Organization',
    name: facts.name,
    url: facts.url,
    ...(facts.email ? { email: facts.email } : {}),
    ...(facts.telephone ? { telephone: facts.telephone } : {}),
    ...(facts.address ? { address: facts.address } : {}),
    ...(facts.awards.length > 0 ? { award: facts.awards } : {}),
  };
}

/** The company, with its certificates as `award`: the home page's structured data. */
export function organizationJsonLd(facts: OrganizationFacts): WithContext<Organization> {
  return { '@context': 'https://schema.org', ...organizationNode(facts) } as WithContext<Organization>;
}

export interface NewsArticleFacts {
  url: string;
  headline: string;
  description: string | null;
  /** `YYYY-MM-DD` post date. */
  datePublished: string;
  /** ISO timestamp of the last change. */
  dateModified: string;
  inLanguage: Locale;
  /** Absolute image URLs, largest first; empty when the article has no cover. */
  images: string[];
  section: string | null;
  publisher: { name: string; url: string };
}

export function newsArticleJsonLd(facts: NewsArticleFacts): WithContext<NewsArticle> {
  const publisher = { '@type': 'Organization' as const, name: facts.publisher.name, url: facts.publisher.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
    url: facts.url,
    // Google truncates longer headlines; the full title is still in the page.
    headline: [...facts.headline].length > 110 ? `${[...facts.headline].slice(0, 109).join('')}…` : facts.headline,
    ...(facts.description ? { description: facts.description } : {}),
    datePublished: facts.datePublished,
    dateModified: facts.dateModified,
    inLanguage: facts.inLanguage,
    ...(facts.images.length > 0 ? { image: facts.images } : {}),
    ...(facts.section ? { articleSection: facts.section } : {}),
    author: publisher,
    publisher,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`. `<` is escaped so no text
 * from the CMS can close the script element (`</script>`) or open a comment;
 * JSON parsers read `\u003c` back as `<`.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
