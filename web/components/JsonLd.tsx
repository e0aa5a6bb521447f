import { serializeJsonLd } from '@/lib/json-ld';

/** Structured data for search engines; see lib/json-ld.ts. */
export function JsonLd({ data }: { data: object }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be inline; serializeJsonLd escapes `<` so no text ends the script
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
