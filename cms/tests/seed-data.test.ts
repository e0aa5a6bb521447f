import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSeedData, SeedDataError } from '../src/seed/data';

// A language's seed variants may live in data/seed/locales/<code>/, keyed by entry key, so adding
// a language touches no other language's files.

const seedDir = path.join(__dirname, '..', 'data', 'seed');

function copySeed(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-seed-'));
  fs.cpSync(seedDir, dir, { recursive: true });
  return dir;
}

describe('loadSeedData', () => {
  it('takes a locale’s variants from data/seed/locales/<code>/ over the shared files', async () => {
    const dir = copySeed();
    try {
      fs.mkdirSync(path.join(dir, 'locales', 'zh'), { recursive: true });
      const variant = { title: '本地化文件中的标题', slug: 'from-the-locale-file', body: ['正文。'] };
      fs.writeFileSync(
        path.join(dir, 'locales', 'zh', 'articles.json'),
        JSON.stringify({ 'staff-training-2021': variant }),
      );
      const data = await loadSeedData(dir);
      const article = data.articles.find((each) => each.key === 'staff-training-2021')!;
      expect(article.zh).toMatchObject({ ...variant, status: 'published' });
      expect(article.mn?.slug).toBeTruthy();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a variant under a key that is not a locale', async () => {
    const dir = copySeed();
    try {
      const file = path.join(dir, 'categories.json');
      const categories = JSON.parse(fs.readFileSync(file, 'utf8'));
      categories[0].fr = { name: 'Actualités', slug: 'actualites' };
      fs.writeFileSync(file, JSON.stringify(categories));
      await expect(loadSeedData(dir)).rejects.toThrow(SeedDataError);
      await expect(loadSeedData(dir)).rejects.toThrow(/"fr" is not a locale/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
