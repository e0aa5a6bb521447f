import { serializeJsonLd } from '@/lib/json-ld';

/** Structured data for search engines; see lib/json-ld.ts. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
