import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import {
  allSitemapTags,
  type LocaleDocuments,
  parsePartFile,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_BATCHES_PER_PART,
  SITEMAP_PART_URLS,
  batchRanges,
  listPageEntries,
  listPagePart,
  partRanges,
  sitemapEntries,
  sitemapPartPath,
  sitemapParts,
  sitemapPartTags,
  sitemapUrlCount,
  SITEMAP_URL_LIMIT,
} from '@/lib/sitemap';
import type { SitemapCategory, SitemapDocument, SitemapGroup, SitemapSummary } from '@/lib/strapi/types';

const doc = (slug: string, updatedAt: string, translations: SitemapDocument['translations'] = []): SitemapDocument => ({
  documentId: `doc-${slug}`,
  slug,
  updatedAt,
  translations,
});
const category = (
  documentId: string,
  slug: string,
  articleCount: number,
  updatedAt: string | null,
): SitemapCategory => ({
  documentId,
  slug,
  articleCount,
  updatedAt,
});
const group = (count: number, updatedAt: string | null): SitemapGroup => ({ count, updatedAt });

// mn: 3 articles (2 list pages of 2), one translated; zh: 1 article. The categories medee and
// xinwen are one document in two languages.
const documents: Record<'mn' | 'zh', LocaleDocuments> = {
  mn: {
    articles: [
      doc('a', '2024-01-01T00:00:00.000Z', [{ locale: 'zh', slug: 'a-zh' }]),
      doc('b', '2024-03-01T00:00:00.000Z'),
      doc('c', '2024-02-01T00:00:00.000Z'),
    ],
    certificates: [doc('cert', '2023-05-05T00:00:00.000Z', [{ locale: 'zh', slug: 'cert-zh' }])],
  },
  zh: {
    articles: [doc('a-zh', '2024-01-02T00:00:00.000Z', [{ locale: 'mn', slug: 'a' }])],
    certificates: [doc('cert-zh', '2023-05-06T00:00:00.000Z', [{ locale: 'mn', slug: 'cert' }])],
  },
};
const summary: SitemapSummary = {
  locales: {
    mn: {
      articles: group(3, '2024-03-01T00:00:00.000Z'),
      certificates: group(1, '2023-05-05T00:00:00.000Z'),
      categories: [
        category('doc-medee', 'medee', 2, '2024-03-01T00:00:00.000Z'),
        category('doc-zarlal', 'zarlal', 1, '2024-02-01T00:00:00.000Z'),
      ],
    },
    zh: {
      articles: group(1, '2024-01-02T00:00:00.000Z'),
      certificates: group(1, '2023-05-06T00:00:00.000Z'),
      categories: [category('doc-medee', 'xinwen', 1, '2024-01-02T00:00:00.000Z')],
    },
  },
};

describe('sitemapEntries', () => {
  const entries = sitemapEntries(summary, documents, 2);
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
    const xml = await renderUrlset(sitemapEntries(summary, documents, 2), 'https://example.com');
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

describe('a split sitemap: parts from counts alone', () => {
  // 4,500 mn articles (4,500 list pages of 1), 800 zh articles, 3 zh certificates.
  const large: SitemapSummary = {
    locales: {
      mn: { articles: group(4_500, '2024-03-01T00:00:00.000Z'), certificates: group(0, null), categories: [] },
      zh: {
        articles: group(800, '2024-01-02T00:00:00.000Z'),
        certificates: group(3, '2023-05-06T00:00:00.000Z'),
        categories: [category('doc-medee', 'xinwen', 800, '2024-01-02T00:00:00.000Z')],
      },
    },
  };
  const parts = sitemapParts(large, 1);

  it('names each part by its locale, kind and number, at most SITEMAP_PART_URLS each', () => {
    expect(parts.map((part) => part.name)).toEqual([
      'mn-pages-1',
      'mn-pages-2',
      'mn-pages-3',
      'mn-articles-1',
      'mn-articles-2',
      'mn-articles-3',
      'zh-pages-1',
      'zh-articles-1',
      'zh-certificates-1',
    ]);
    const pages = [1, 2, 3].map((n) => listPagePart(large, 'mn', n, 1));
    expect(pages.map((part) => part.length)).toEqual([
      SITEMAP_PART_URLS,
      SITEMAP_PART_URLS,
      4_502 - 2 * SITEMAP_PART_URLS,
    ]);
    expect(pages.flat()).toEqual(listPageEntries(large, 'mn', 1));
    expect(listPagePart(large, 'mn', 4, 1)).toEqual([]);
  });

  it('covers every documentId once: consecutive keyset ranges, open at both ends, SITEMAP_BATCHES_PER_PART to a part', () => {
    const ends = Array.from({ length: 4 }, (_, i) => `m00${i}`);
    const ranges = [1, 2, 3].flatMap((n) => partRanges(ends, n));
    expect(partRanges(ends, 1)).toHaveLength(SITEMAP_BATCHES_PER_PART);
    expect(ranges).toEqual(batchRanges(ends));
    expect(ranges).toHaveLength(5);
    expect(ranges[0]).toEqual({ through: 'm000' });
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.after).toBe(ranges[i - 1]!.through);
    expect(ranges.at(-1)).toEqual({ after: 'm003' });
    expect(batchRanges([])).toEqual([{}]);
    expect(partRanges(ends, 4)).toEqual([]);
  });

  it('counts the URLs without reading a document', () => {
    // mn: home, 450 list pages, certificates list, 4,500 articles; zh: home, 80 list pages,
    // 80 category pages, certificates list, 800 articles, 3 certificates.
    expect(sitemapUrlCount(large, 10)).toBe(2 + 450 + 4_500 + 2 + 80 + 80 + 800 + 3);
    expect(sitemapUrlCount(summary, 2)).toBe(sitemapEntries(summary, documents, 2).length);
  });

  it('reads part names back, and nothing else', () => {
    expect(parsePartFile('mn-articles-2.xml')).toEqual({ locale: 'mn', kind: 'articles', n: 2 });
    expect(parsePartFile('zh-pages-1.xml')).toEqual({ locale: 'zh', kind: 'pages', n: 1 });
    for (const bad of [
      '2.xml',
      'fr-pages-1.xml',
      'mn-articles-0.xml',
      'mn-articles.xml',
      'mn-pages.xml',
      'mn-articles-1',
      'mn-articles-123456.xml',
      '../mn-pages-1.xml',
    ])
      expect(parsePartFile(bad)).toBeNull();
  });

  it('tags a document part with its own locale and kind only; the index with everything', () => {
    expect(sitemapPartTags({ locale: 'zh', kind: 'articles' })).toEqual(['sitemap:articles:zh']);
    expect(sitemapPartTags({ locale: 'mn', kind: 'pages' })).toEqual(
      expect.arrayContaining([
        'sitemap:articles:mn',
        'sitemap:articles:zh',
        'sitemap:categories:zh',
        'sitemap:certificates:mn',
      ]),
    );
    expect(sitemapPartTags({ locale: 'mn', kind: 'pages' })).not.toContain('sitemap:certificates:zh');
    for (const part of parts) for (const tag of sitemapPartTags(part)) expect(allSitemapTags()).toContain(tag);
  });

  it('writes a sitemap index of absolute part URLs, each dated by its locale and kind’s newest change', async () => {
    const xml = await renderSitemapIndex(parts, 'https://medee.example');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const sitemaps = [parsed.sitemapindex.sitemap].flat() as Array<{ loc: string; lastmod?: string }>;
    expect(sitemaps.map((s) => s.loc)).toEqual(
      parts.map((part) => `https://medee.example${sitemapPartPath(part.name)}`),
    );
    expect(sitemaps[3]!.loc).toBe('https://medee.example/sitemaps/mn-articles-1.xml');
    expect(new Date(sitemaps[3]!.lastmod!).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(new Date(sitemaps[7]!.lastmod!).toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });
});
