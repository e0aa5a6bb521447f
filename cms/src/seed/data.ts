import fs from 'node:fs/promises';
import path from 'node:path';
import { CERTIFICATE_LEVELS, GENERATED_SLUG_PATTERN, isLocale, locales } from '@medee/contract';
import { readPackFile } from '@medee/contract/locale-packs';
import { z } from 'zod';

/**
 * The seed files in cms/data/seed: shared fields and one key per locale code with that locale's
 * variant. A locale's variants may also come from data/seed/locales/<code>/<file> (and from a
 * test locale pack's seed/<file>), keyed by entry key: adding a language needs no edit of the
 * other languages' files. Validated before anything is written so a typo fails the
 * seed with the file and field named instead of half-loading content.
 */
const slug = z.string().regex(GENERATED_SLUG_PATTERN, 'lower-case ASCII words joined by hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const status = z.enum(['published', 'draft']);
/** An image under data/seed/media/ for a media field; alternativeText is shared by every locale (like the media). */
const mediaSchema = z.object({
  file: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.(jpg|jpeg|png|webp)$/, 'a file name in data/seed/media/'),
  alternativeText: z.string().default(''),
});
export type SeedMedia = z.infer<typeof mediaSchema>;

export const bodyItemSchema = z.union([
  z.string().min(1),
  z.object({ heading: z.string().min(1), level: z.number().int().min(2).max(4).default(2) }),
  z.object({ list: z.array(z.string().min(1)).min(1) }),
]);
export type BodyItem = z.infer<typeof bodyItemSchema>;

const categorySchema = z
  .object({ key: z.string().min(1) })
  .catchall(z.object({ name: z.string().min(1), slug, status: status.default('published') }));

const certificateVariant = z.object({
  name: z.string().min(1),
  slug,
  issuer: z.string().min(1),
  description: z.array(bodyItemSchema).default([]),
  status: status.default('published'),
});
const certificateSchema = z
  .object({
    key: z.string().min(1),
    issuedOn: isoDate,
    number: z.string().min(1),
    level: z.enum(CERTIFICATE_LEVELS),
    scan: mediaSchema.optional(),
  })
  .catchall(certificateVariant);

const articleVariant = z.object({
  title: z.string().min(1),
  slug,
  summary: z.string().max(600).default(''),
  body: z.array(bodyItemSchema).min(1),
  status: status.default('published'),
});
const articleSchema = z
  .object({
    key: z.string().min(1),
    postedAt: isoDate,
    category: z.string().min(1),
    certificates: z.array(z.string()).default([]),
    cover: mediaSchema.optional(),
  })
  .catchall(articleVariant);

const seoSchema = z.object({ metaTitle: z.string().max(70), metaDescription: z.string().max(160) });
const globalVariant = z.object({
  siteName: z.string().min(1),
  companyName: z.string().min(1),
  footer: z.string().default(''),
  address: z.string().default(''),
  seo: seoSchema.optional(),
});
const globalSchema = z.object({ email: z.string().email(), phone: z.string().min(1) }).catchall(globalVariant);

/** A glossary term: the approved term per locale code, forbidden variants per locale code, a note. */
const termSchema = z.object({
  key: z.string().min(1),
  terms: z.record(z.string(), z.string().min(1)),
  note: z.string().default(''),
  forbidden: z.record(z.string(), z.array(z.string().min(1))).default({}),
});

/** An old site's address that leads to a seed article's page in one locale (redirects.json). */
const redirectSchema = z.object({
  from: z.string().startsWith('/'),
  article: z.string().min(1),
  locale: z.string().refine(isLocale, 'a locale code'),
});

export type SeedCategory = z.infer<typeof categorySchema>;
export type SeedRedirect = z.infer<typeof redirectSchema>;
export type SeedCertificate = z.infer<typeof certificateSchema>;
export type SeedArticle = z.infer<typeof articleSchema>;
export type SeedGlobal = z.infer<typeof globalSchema>;
export type SeedTerm = z.infer<typeof termSchema>;
export interface SeedData {
  categories: SeedCategory[];
  certificates: SeedCertificate[];
  articles: SeedArticle[];
  global: SeedGlobal;
  terms: SeedTerm[];
  redirects: SeedRedirect[];
}

export class SeedDataError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Invalid seed file ${file}: ${detail}`);
    this.name = 'SeedDataError';
  }
}

async function readRaw(fullPath: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(fullPath, 'utf8'));
  } catch (error) {
    throw new SeedDataError(fullPath, error instanceof Error ? error.message : String(error));
  }
}

/** A locale's variants of `file` from its own file, keyed by entry key (the global: the variant itself). */
async function localeVariants(dir: string, locale: string, file: string): Promise<unknown> {
  const own = path.join(dir, 'locales', locale, file);
  const exists = await fs.access(own).then(
    () => true,
    () => false,
  );
  return exists ? readRaw(own) : readPackFile(locale, path.join('seed', file));
}

async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  const fullPath = path.join(dir, file);
  const raw = await readRaw(fullPath);
  for (const locale of locales) {
    const variants = (await localeVariants(dir, locale, file)) as Record<string, unknown> | undefined;
    if (!variants) continue;
    if (Array.isArray(raw)) {
      for (const entry of raw as Array<Record<string, unknown>>) {
        const variant = variants[String(entry.key)];
        if (variant !== undefined) entry[locale] = variant;
      }
    } else {
      (raw as Record<string, unknown>)[locale] = variants;
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SeedDataError(fullPath, issues.join('; '));
  }
  for (const entry of Array.isArray(parsed.data) ? parsed.data : [parsed.data]) {
    for (const name of Object.keys(entry as object)) {
      if (!(name in SHARED_FIELDS) && !isLocale(name)) throw new SeedDataError(fullPath, `"${name}" is not a locale`);
    }
  }
  return parsed.data;
}

/** The fields that are not locale variants. */
const SHARED_FIELDS = {
  ...articleSchema.shape,
  ...certificateSchema.shape,
  ...categorySchema.shape,
  ...globalSchema.shape,
};

function assertUnique(file: string, what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new SeedDataError(file, `duplicate ${what} "${value}"`);
    seen.add(value);
  }
}

/** The glossary seed (terms.json, optional): not localized, so its locale keys sit inside each entry. */
async function readTerms(dir: string): Promise<SeedTerm[]> {
  const fullPath = path.join(dir, 'terms.json');
  const present = await fs.access(fullPath).then(
    () => true,
    () => false,
  );
  if (!present) return [];
  const parsed = z.array(termSchema).safeParse(await readRaw(fullPath));
  if (!parsed.success)
    throw new SeedDataError(
      fullPath,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  for (const term of parsed.data)
    for (const name of [...Object.keys(term.terms), ...Object.keys(term.forbidden)])
      if (!isLocale(name)) throw new SeedDataError(fullPath, `${term.key}: "${name}" is not a locale`);
  assertUnique(
    fullPath,
    'key',
    parsed.data.map((term) => term.key),
  );
  return parsed.data;
}

export async function loadSeedData(dir: string): Promise<SeedData> {
  const [categories, certificates, articles, global, terms, redirects] = await Promise.all([
    readJson(dir, 'categories.json', z.array(categorySchema)),
    readJson(dir, 'certificates.json', z.array(certificateSchema)),
    readJson(dir, 'articles.json', z.array(articleSchema)),
    readJson(dir, 'global.json', globalSchema),
    readTerms(dir),
    readRedirects(dir),
  ]);

  const categoryKeys = new Set(categories.map((category) => category.key));
  const certificateKeys = new Set(certificates.map((certificate) => certificate.key));
  for (const [file, entries] of [
    ['categories.json', categories],
    ['certificates.json', certificates],
    ['articles.json', articles],
  ] as const) {
    assertUnique(
      file,
      'key',
      entries.map((entry) => entry.key),
    );
    for (const locale of locales) {
      assertUnique(
        file,
        `${locale} slug`,
        entries.flatMap((entry) => (entry[locale] ? [entry[locale].slug] : [])),
      );
    }
  }
  const mediaFiles = [
    ...articles.flatMap((article) => (article.cover ? [article.cover.file] : [])),
    ...certificates.flatMap((certificate) => (certificate.scan ? [certificate.scan.file] : [])),
  ];
  await Promise.all(
    mediaFiles.map((file) =>
      fs.access(path.join(dir, 'media', file)).catch(() => {
        throw new SeedDataError(path.join(dir, 'media', file), 'referenced by the seed but missing');
      }),
    ),
  );
  for (const article of articles) {
    if (!categoryKeys.has(article.category)) {
      throw new SeedDataError('articles.json', `${article.key}: unknown category "${article.category}"`);
    }
    for (const key of article.certificates) {
      if (!certificateKeys.has(key))
        throw new SeedDataError('articles.json', `${article.key}: unknown certificate "${key}"`);
    }
    if (!locales.some((locale) => article[locale]))
      throw new SeedDataError('articles.json', `${article.key}: has no variant in any locale`);
  }
  const articleKeys = new Set(articles.map((article) => article.key));
  for (const redirect of redirects) {
    if (!articleKeys.has(redirect.article))
      throw new SeedDataError('redirects.json', `${redirect.from}: unknown article "${redirect.article}"`);
  }
  return { categories, certificates, articles, global, terms, redirects };
}

/** redirects.json is optional and has no locale variants (a redirect is not localized). */
async function readRedirects(dir: string): Promise<SeedRedirect[]> {
  const fullPath = path.join(dir, 'redirects.json');
  const raw = await fs.readFile(fullPath, 'utf8').catch(() => '[]');
  const parsed = z.array(redirectSchema).safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new SeedDataError(fullPath, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
