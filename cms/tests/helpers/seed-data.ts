import fs from 'node:fs';
import path from 'node:path';

/** The seed files as the tests see them: expectations derive from the data, not from copies of it. */
const dir = path.join(__dirname, '..', '..', 'data', 'seed');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

type Variant = { title: string; slug: string; summary?: string; status?: 'published' | 'draft' };
export interface SeedArticle {
  key: string;
  postedAt: string;
  category: string;
  certificates: string[];
  mn?: Variant;
  zh?: Variant;
}

export const seedArticles: SeedArticle[] = read('articles.json');
export const seedCertificates: Array<{
  key: string;
  number: string;
  mn?: { name: string; slug: string };
  zh?: { name: string; slug: string };
}> = read('certificates.json');
export const seedCategories: Array<{
  key: string;
  mn: { name: string; slug: string };
  zh: { name: string; slug: string };
}> = read('categories.json');
export const seedGlobal: { mn: { siteName: string }; zh: { siteName: string } } = read('global.json');

export const isPublished = (variant: Variant | undefined): variant is Variant =>
  !!variant && (variant.status ?? 'published') === 'published';
