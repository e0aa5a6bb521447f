import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { type Locale, locales, REDIRECT_UID } from '@medee/contract';
import { toBlocks } from './blocks';
import { loadSeedData, type SeedData, type SeedMedia } from './data';
import { ensureSeedMedia } from './media';
import { TERM_UID } from '../translation/glossary-store';

/**
 * Which seed entries (and which of their locale variants) were ever written, by seed key.
 * A variant is written once: if an editor later edits, unpublishes or deletes it, the seed
 * leaves it alone, so re-running never duplicates and never overwrites an editor's change.
 */
type Ledger = Record<string, { documentId: string; locales: Locale[] }>;
const LEDGER_KEY = 'seed-ledger';

export interface SeedReport {
  created: string[];
  skipped: number;
}

interface SeedVariant {
  data: Record<string, unknown>;
  status: 'published' | 'draft';
  /** Used to adopt content an editor created before the seed ran. */
  slug?: string;
}
interface SeedEntry {
  ledgerKey: string;
  uid: UID.ContentType;
  /** Data per locale, or undefined where the entry has no variant in that locale. */
  variants: Partial<Record<Locale, SeedVariant>>;
}

export async function seed(
  strapi: Core.Strapi,
  dataDir = path.join(strapi.dirs.app.root, 'data', 'seed'),
): Promise<SeedReport> {
  const data = await loadSeedData(dataDir);
  const store = strapi.store({ type: 'plugin', name: 'medee' });
  const ledger: Ledger = ((await store.get({ key: LEDGER_KEY })) as Ledger | null) ?? {};
  const report: SeedReport = { created: [], skipped: 0 };

  const documentIdOf = (ledgerKey: string): string => {
    const entry = ledger[ledgerKey];
    if (!entry) throw new Error(`Seed entry ${ledgerKey} is referenced before it was written`);
    return entry.documentId;
  };

  // Images first: new variants link to them. They only reach variants the seed creates.
  const media = await ensureSeedMedia(strapi, dataDir, data);
  for (const file of media.uploaded) report.created.push(`media ${file}`);

  // Order matters: articles link to categories and certificates, which must exist (published) first.
  const entries: Array<() => SeedEntry> = [
    ...data.categories.map((category) => () => categoryEntry(category)),
    ...data.certificates.map((certificate) => () => certificateEntry(certificate, media.idOf)),
    ...data.articles.map((article) => () => articleEntry(article, documentIdOf, media.idOf)),
    () => globalEntry(data.global),
  ];

  for (const makeEntry of entries) {
    const entry = makeEntry();
    for (const locale of locales) {
      const variant = entry.variants[locale];
      if (!variant) continue;
      const recorded = ledger[entry.ledgerKey];
      if (recorded?.locales.includes(locale)) {
        report.skipped += 1;
        continue;
      }
      const documentId = await writeVariant(strapi, entry, locale, variant, recorded?.documentId);
      ledger[entry.ledgerKey] = { documentId, locales: [...(recorded?.locales ?? []), locale] };
      // Saved after every variant, so an interrupted seed resumes without duplicates.
      await store.set({ key: LEDGER_KEY, value: ledger });
      report.created.push(`${entry.ledgerKey} (${locale}, ${variant.status})`);
    }
  }

  // Glossary terms are not localized: one document each, written once like the variants above.
  for (const term of data.terms) {
    const ledgerKey = `term:${term.key}`;
    if (ledger[ledgerKey]) {
      report.skipped += 1;
      continue;
    }
    const fields: Record<string, string> = { ...term.terms, note: term.note };
    for (const [locale, variants] of Object.entries(term.forbidden)) fields[`${locale}Forbidden`] = variants.join('\n');
    const written = await strapi.documents(TERM_UID).create({ data: fields } as never);
    ledger[ledgerKey] = { documentId: written.documentId, locales: [] };
    await store.set({ key: LEDGER_KEY, value: ledger });
    report.created.push(ledgerKey);
  }

  for (const redirect of data.redirects) {
    const ledgerKey = `redirect:${redirect.from}`;
    const articleKey = `article:${redirect.article}`;
    // Once, like every seed entry; and only to an article the seed wrote in that locale.
    if (ledger[ledgerKey] || !ledger[articleKey]?.locales.includes(redirect.locale as Locale)) continue;
    const written = await strapi.documents(REDIRECT_UID).create({
      data: {
        fromPath: redirect.from,
        permanent: true,
        article: { connect: [{ documentId: documentIdOf(articleKey), locale: redirect.locale }] },
      },
    } as never);
    ledger[ledgerKey] = { documentId: written.documentId, locales: [] };
    await store.set({ key: LEDGER_KEY, value: ledger });
    report.created.push(ledgerKey);
  }
  return report;
}

async function writeVariant(
  strapi: Core.Strapi,
  entry: SeedEntry,
  locale: Locale,
  variant: SeedVariant,
  knownDocumentId: string | undefined,
): Promise<string> {
  const documents = strapi.documents(entry.uid);

  let documentId = knownDocumentId;
  if (!documentId && variant.slug) {
    // Content that predates the ledger (e.g. an editor created it first): adopt, don't duplicate.
    const existing = await documents.findFirst({ locale, status: 'draft', filters: { slug: variant.slug } } as never);
    if (existing) return existing.documentId;
  }
  if (!documentId && entry.uid === 'api::global.global') {
    const existing = await documents.findFirst({ status: 'draft' } as never);
    documentId = existing?.documentId;
  }

  const written = documentId
    ? // Updating a locale that a document lacks creates that locale's variant.
      await documents.update({ documentId, locale, data: variant.data } as never)
    : await documents.create({ locale, data: variant.data } as never);
  if (!written) throw new Error(`Seed: writing ${entry.ledgerKey} (${locale}) returned nothing`);
  if (variant.status === 'published') await documents.publish({ documentId: written.documentId, locale } as never);
  return written.documentId;
}

function categoryEntry(category: SeedData['categories'][number]): SeedEntry {
  return {
    ledgerKey: `category:${category.key}`,
    uid: 'api::category.category',
    variants: Object.fromEntries(
      locales.flatMap((locale) => {
        const v = category[locale];
        return v ? [[locale, { data: { name: v.name, slug: v.slug }, status: v.status, slug: v.slug }]] : [];
      }),
    ),
  };
}

type MediaIdOf = (media: SeedMedia | undefined) => number | null;

/** A media field's value: the upload's id, or nothing when the seed has no (more) such image. */
function mediaField(name: string, id: number | null): Record<string, number> {
  return id === null ? {} : { [name]: id };
}

function certificateEntry(certificate: SeedData['certificates'][number], mediaIdOf: MediaIdOf): SeedEntry {
  const variants: SeedEntry['variants'] = {};
  for (const locale of locales) {
    const v = certificate[locale];
    if (!v) continue;
    variants[locale] = {
      slug: v.slug,
      status: v.status,
      data: {
        name: v.name,
        slug: v.slug,
        issuer: v.issuer,
        description: toBlocks(v.description),
        issuedOn: certificate.issuedOn,
        number: certificate.number,
        level: certificate.level,
        ...mediaField('scan', mediaIdOf(certificate.scan)),
      },
    };
  }
  return { ledgerKey: `certificate:${certificate.key}`, uid: 'api::certificate.certificate', variants };
}

function articleEntry(
  article: SeedData['articles'][number],
  documentIdOf: (key: string) => string,
  mediaIdOf: MediaIdOf,
): SeedEntry {
  const variants: SeedEntry['variants'] = {};
  for (const locale of locales) {
    const v = article[locale];
    if (!v) continue;
    variants[locale] = {
      slug: v.slug,
      status: v.status,
      data: {
        title: v.title,
        slug: v.slug,
        summary: v.summary,
        body: toBlocks(v.body),
        postedAt: article.postedAt,
        ...mediaField('cover', mediaIdOf(article.cover)),
        // Relations connect to the same locale's variant of the target document.
        category: { connect: [{ documentId: documentIdOf(`category:${article.category}`), locale }] },
        certificates: {
          connect: article.certificates.map((key) => ({ documentId: documentIdOf(`certificate:${key}`), locale })),
        },
      },
    };
  }
  return { ledgerKey: `article:${article.key}`, uid: 'api::article.article', variants };
}

function globalEntry(global: SeedData['global']): SeedEntry {
  return {
    ledgerKey: 'global',
    uid: 'api::global.global',
    variants: Object.fromEntries(
      locales.flatMap((locale) => {
        const v = global[locale];
        if (!v) return [];
        const data = { ...v, seo: v.seo ?? null, email: global.email, phone: global.phone };
        return [[locale, { status: 'published' as const, data }]];
      }),
    ),
  };
}
