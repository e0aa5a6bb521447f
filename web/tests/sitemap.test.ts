import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import {
  renderSitemapIndex,
  renderUrlset,
  sitemapEntries,
  sitemapPartPath,
  sitemapParts,
  SITEMAP_URL_LIMIT,
  type SitemapData,
} from '@/lib/sitemap';
import type { CategoryListing, SitemapDocument } from '@/lib/strapi/types';

const doc = (
  slug: string,
  updatedAt: string,
  translations: SitemapDocument['translations'] = [],
  categorySlug: string | null = null,
): SitemapDocument => ({
  slug,
  updatedAt,
  translations,
  categorySlug,
});
const category = (
  slug: string,
  articleCount: number,
  translations: CategoryListing['translations'],
): CategoryListing => ({
  documentId: `doc-${slug}`,
  name: slug,
  slug,
  articleCount,
  translations,
});

// mn: 3 articles (2 list pages of 2), one translated; zh: 1 article.
const data: SitemapData = {
  mn: {
    articles: [
      doc('a', '2024-01-01T00:00:00.000Z', [{ locale: 'zh', slug: 'a-zh' }], 'medee'),
      doc('b', '2024-03-01T00:00:00.000Z', [], 'medee'),
      doc('c', '2024-02-01T00:00:00.000Z', [], 'zarlal'),
    ],
    certificates: [doc('cert', '2023-05-05T00:00:00.000Z', [{ locale: 'zh', slug: 'cert-zh' }])],
    categories: [category('medee', 2, [{ locale: 'zh', slug: 'xinwen' }]), category('zarlal', 1, [])],
  },
  zh: {
    articles: [doc('a-zh', '2024-01-02T00:00:00.000Z', [{ locale: 'mn', slug: 'a' }], 'xinwen')],
    certificates: [doc('cert-zh', '2023-05-06T00:00:00.000Z', [{ locale: 'mn', slug: 'cert' }])],
    categories: [category('xinwen', 1, [{ locale: 'mn', slug: 'medee' }])],
  },
};

describe('sitemapEntries', () => {
  const entries = sitemapEntries(data, 2);
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));

  it('lists every page of both languages once', () => {
    expect(entries.map((entry) => entry.path)).toEqual([
      '/mn',
      '/mn/news',
      '/mn/news?page=2',
      '/mn/news?category=medee',
      '/mn/news?category=zarlal',
      '/mn/certificates',
      '/mn/news/a',
      '/mn/news/b',
      '/mn/news/c',
      '/mn/certificates/cert',
      '/zh',
      '/zh/news',
      '/zh/news?category=xinwen',
      '/zh/certificates',
      '/zh/news/a-zh',
      '/zh/certificates/cert-zh',
    ]);
  });

  it('gives documents their own lastmod and alternates for existing translations only', () => {
    expect(byPath.get('/mn/news/a')).toEqual({
      path: '/mn/news/a',
      lastmod: '2024-01-01T00:00:00.000Z',
      alternates: { mn: '/mn/news/a', zh: '/zh/news/a-zh', 'x-default': '/mn/news/a' },
    });
    expect(byPath.get('/mn/news/b')!.alternates).toEqual({ mn: '/mn/news/b', 'x-default': '/mn/news/b' });
  });

  it('pairs list pages only where the other language has that page', () => {
    expect(byPath.get('/mn/news')!.alternates).toEqual({ mn: '/mn/news', zh: '/zh/news', 'x-default': '/mn/news' });
    expect(byPath.get('/mn/news?page=2')!.alternates).toEqual({
      mn: '/mn/news?page=2',
      'x-default': '/mn/news?page=2',
    });
    expect(byPath.get('/zh/news?category=xinwen')!.alternates).toEqual({
      mn: '/mn/news?category=medee',
      zh: '/zh/news?category=xinwen',
      'x-default': '/mn/news?category=medee',
    });
  });

  it('dates home and list pages by their newest article, and the home page’s x-default is /', () => {
    expect(byPath.get('/mn')).toEqual({
      path: '/mn',
      lastmod: '2024-03-01T00:00:00.000Z',
      alternates: { mn: '/mn', zh: '/zh', 'x-default': '/' },
    });
    expect(byPath.get('/mn/news?category=zarlal')!.lastmod).toBe('2024-02-01T00:00:00.000Z');
    expect(byPath.get('/zh/certificates')!.lastmod).toBe('2023-05-06T00:00:00.000Z');
  });
});

describe('renderUrlset', () => {
  it('writes a valid urlset with absolute URLs, lastmod and xhtml:link alternates', async () => {
    const xml = await renderUrlset(sitemapEntries(data, 2), 'https://example.com');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.urlset.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(parsed.urlset['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    const urls = parsed.urlset.url as Array<{ loc: string; lastmod?: string; 'xhtml:link': unknown }>;
    expect(urls).toHaveLength(16);
    const pageTwo = urls.find((url) => url.loc === 'https://example.com/mn/news?page=2')!;
    expect(pageTwo.lastmod).toBe('2024-03-01T00:00:00.000Z');
    const article = urls.find((url) => url.loc === 'https://example.com/mn/news/a')!;
    expect(article['xhtml:link']).toEqual([
      { rel: 'alternate', hreflang: 'mn', href: 'https://example.com/mn/news/a' },
      { rel: 'alternate', hreflang: 'zh', href: 'https://example.com/zh/news/a-zh' },
      { rel: 'alternate', hreflang: 'x-default', href: 'https://example.com/mn/news/a' },
    ]);
  });

  it('escapes query strings in URLs', async () => {
    const xml = await renderUrlset(
      [{ path: '/mn/news?category=a&page=2', lastmod: null, alternates: {} }],
      'https://example.com',
    );
    expect(xml).toContain('<loc>https://example.com/mn/news?category=a&amp;page=2</loc>');
  });

  it('stays well-formed XML (a strict parser) for any path and alternate text', async () => {
    const hostile = [
      ']]>',
      'a]]>b]]>c',
      '</loc><url><loc>x',
      '&amp;&',
      '"\'<>',
      '\u0001\u0000',
      'монгол证😀',
      '\ud800',
    ];
    const xml = await renderUrlset(
      hostile.map((text, index) => ({
        path: `/mn/news/${text}?q=${text}`,
        lastmod: null,
        alternates: { zh: `/zh/news/${text}`, 'x-default': `/mn/${index}` },
      })),
      'https://example.com',
    );
    let urls = 0;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (error) => {
      throw error;
    });
    parser.on('opentag', (tag) => {
      if (tag.local === 'url') urls += 1;
    });
    parser.write(xml).close();
    expect(urls).toBe(hostile.length);
  });

  it('refuses more URLs than one sitemap may hold', async () => {
    const many = Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, index) => ({
      path: `/mn/news/${index}`,
      lastmod: null,
      alternates: {},
    }));
    await expect(renderUrlset(many, 'https://example.com')).rejects.toThrow(/sitemap index/);
  });
});

describe('sitemapParts and renderSitemapIndex (past SITEMAP_URL_LIMIT URLs)', () => {
  const entries = sitemapEntries(data, 2);

  it('keeps a sitemap within the limit in one part', () => {
    expect(sitemapParts(entries)).toEqual([entries]);
    expect(sitemapParts([])).toEqual([[]]);
  });

  it('splits past the limit into parts of at most `limit` URLs, in order, losing none', () => {
    const parts = sitemapParts(entries, 4);
    expect(parts).toHaveLength(Math.ceil(entries.length / 4));
    expect(parts.slice(0, -1).every((part) => part.length === 4)).toBe(true);
    expect(parts.flat()).toEqual(entries);
    expect(parts.every((part) => part.length <= 4)).toBe(true);
  });

  it('splits a catalogue of 60,000 URLs at the protocol limit of 50,000', () => {
    const many = Array.from({ length: 60_000 }, (_, i) => ({ path: `/mn/news/a-${i}`, lastmod: null, alternates: {} }));
    expect(sitemapParts(many).map((part) => part.length)).toEqual([SITEMAP_URL_LIMIT, 10_000]);
  });

  it('writes a sitemap index of absolute part URLs, each dated by its newest entry', async () => {
    const parts = sitemapParts(entries, 3);
    const xml = await renderSitemapIndex(parts, 'https://medee.example');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const sitemaps = [parsed.sitemapindex.sitemap].flat();
    expect(sitemaps.map((s: { loc: string }) => s.loc)).toEqual(
      parts.map((_, i) => `https://medee.example${sitemapPartPath(i + 1)}`),
    );
    const newestOf = (part: typeof entries) =>
      part
        .map((e) => e.lastmod)
        .filter(Boolean)
        .sort()
        .pop();
    sitemaps.forEach((s: { lastmod?: string }, i: number) => {
      const expected = newestOf(parts[i]!);
      if (expected) expect(new Date(s.lastmod!).toISOString()).toBe(expected);
      else expect(s.lastmod).toBeUndefined();
    });
  });
});
