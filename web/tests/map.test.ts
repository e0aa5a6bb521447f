import { env } from '@/lib/env';
import { CmsContentError } from '@/lib/strapi/errors';
import {
  toArticle,
  toArticleFromLookup,
  toArticleSummary,
  toArticleSummaryPage,
  toCategory,
  toAdjacentArticles,
  toCategoryList,
  toCategoryListingList,
  toSitemapBatch,
  toSitemapSummary,
  toCertificate,
  toCertificateFromLookup,
  toGlobal,
} from '@/lib/strapi/map';
import articleLookup from './fixtures/article-lookup.mn.json';
import articlesPage from './fixtures/articles-page.mn.json';
import categories from './fixtures/categories.mn.json';
import certificateLookup from './fixtures/certificate-lookup.zh.json';
import global from './fixtures/global.zh.json';

const flagship = articleLookup.data[0]!;
const cmsUpload = (path: string) => `${env.STRAPI_URL}${path}`;

/** A deep copy of a fixture to break on purpose. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('toArticle', () => {
  it('maps the flagship article with its relations, SEO fallbacks and translations', () => {
    const article = toArticle(flagship);

    expect(article).toMatchObject({
      documentId: 'k3v9q0m1x2y3z4a5b6c7d8e9',
      locale: 'mn',
      slug: 'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee',
      title: 'Мэргэшсэн, тусгай, шинэ бүтээгдэхүүний технологийн гэрчилгээ',
      postedAt: '2022-01-29',
      category: { name: 'мэдээ', slug: 'medee' },
      translations: [{ locale: 'zh', slug: 'zhuan-jing-te-xin-chan-pin-ji-shu-zheng-shu' }],
    });
    // Empty SEO component → the entry's own title and summary.
    expect(article.seo).toEqual({ title: flagship.title, description: flagship.summary });
    expect(article.certificates).toEqual([
      {
        documentId: 'z9y8x7w6v5u4t3s2r1q0p9o8',
        locale: 'mn',
        slug: 'qingdao-zhuan-jing-te-xin',
        name: 'Чиндао хотын "Мэргэшсэн, тусгай, шинэ" жижиг, дунд үйлдвэрийн гэрчилгээ',
        issuer: 'Чиндао хотын Аж үйлдвэр, мэдээллийн технологийн товчоо',
        issuedOn: '2019-06-15',
        level: 'municipal',
      },
    ]);
  });

  it('makes upload URLs absolute, in the cover and inside the body, and leaves empty alt text empty', () => {
    const article = toArticle(flagship);

    expect(article.cover).toEqual({
      url: cmsUpload('/uploads/certificate_2019_5f1c2a.jpg'),
      alt: '',
      caption: null,
      width: 1200,
      height: 850,
    });
    const image = article.body.find((block) => block.type === 'image');
    expect(image?.type === 'image' && image.image.url).toBe(cmsUpload('/uploads/certificate_2019_5f1c2a.jpg'));
    expect(article.body.map((block) => block.type)).toEqual(['paragraph', 'heading', 'list', 'paragraph', 'image']);
  });

  it("uses the variant's own cover text, falling back to the media library's per field", () => {
    const raw = copy(flagship) as Record<string, unknown> & { cover: Record<string, unknown> };
    raw.cover = { ...raw.cover, alternativeText: 'Certificate, 2019', caption: 'Photo: the company' };
    expect(toArticle(raw).cover).toMatchObject({ alt: 'Certificate, 2019', caption: 'Photo: the company' });
    raw.coverAlt = 'Гэрчилгээ, 2019 он';
    raw.coverCaption = '  ';
    expect(toArticle(raw).cover).toMatchObject({ alt: 'Гэрчилгээ, 2019 он', caption: 'Photo: the company' });
    raw.coverCaption = 'Гэрэл зургийг компани авав';
    expect(toArticle(raw).cover).toMatchObject({ caption: 'Гэрэл зургийг компани авав' });
  });

  it('drops fields the site does not use instead of passing them through', () => {
    const article = toArticle(flagship) as unknown as Record<string, unknown>;
    expect(article).not.toHaveProperty('publishedAt');
    expect(article).not.toHaveProperty('id');
    expect(article).not.toHaveProperty('localizations');
  });

  it('treats a missing body as empty rich text and uses SEO fields when the editor filled them', () => {
    const raw = copy(flagship) as Record<string, unknown>;
    raw.body = null;
    raw.seo = { id: 1, metaTitle: 'Гэрчилгээ 2019', metaDescription: 'Товч тайлбар' };
    const article = toArticle(raw);
    expect(article.body).toEqual([]);
    expect(article.seo).toEqual({ title: 'Гэрчилгээ 2019', description: 'Товч тайлбар' });
  });

  it('lists each other language once, never the article’s own', () => {
    const raw = copy(flagship);
    raw.localizations = [
      { id: 30, documentId: raw.documentId, locale: 'mn', slug: 'old-draft-slug' },
      { id: 32, documentId: raw.documentId, locale: 'zh', slug: 'zhuan-jing-te-xin-chan-pin-ji-shu-zheng-shu' },
      { id: 33, documentId: raw.documentId, locale: 'zh', slug: 'zhuan-jing-te-xin-draft' },
    ];
    expect(toArticle(raw).translations).toEqual([
      { locale: 'zh', slug: 'zhuan-jing-te-xin-chan-pin-ji-shu-zheng-shu' },
    ]);
  });

  it('names the field when postedAt is not a calendar date', () => {
    const raw = copy(flagship);
    raw.postedAt = '29.01.2022';
    const error = thrownBy(() => toArticle(raw));
    expect(error).toBeInstanceOf(CmsContentError);
    expect((error as CmsContentError).issues).toEqual([expect.stringMatching(/^postedAt: /)]);
  });

  it('names the field when a required text is missing', () => {
    const { title: _title, ...withoutTitle } = flagship;
    expect(() => toArticle(withoutTitle)).toThrow(/article from the CMS: title: /);
  });

  it('rejects a locale the site does not serve', () => {
    expect(() => toArticle({ ...flagship, locale: 'en' })).toThrow(/locale: /);
  });

  it('names the nested path of a malformed body block', () => {
    const raw = copy(flagship);
    raw.body[1] = { type: 'heading', level: 9, children: [{ type: 'text', text: 'x' }] } as (typeof raw.body)[number];
    expect(() => toArticle(raw)).toThrow(/body\.1/);
  });
});

describe('toArticleSummary', () => {
  it('maps a list item and keeps an absent summary as null', () => {
    const summary = toArticleSummary(articlesPage.data[1]);
    expect(summary).toEqual({
      documentId: 'k3v9q0m1x2y3z4a5b6c7d8e9',
      locale: 'mn',
      slug: 'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee',
      title: 'Мэргэшсэн, тусгай, шинэ бүтээгдэхүүний технологийн гэрчилгээ',
      summary: null,
      postedAt: '2022-01-29',
      updatedAt: '2024-05-02T10:00:00.000Z',
      category: { name: 'мэдээ', slug: 'medee' },
      cover: {
        url: cmsUpload('/uploads/certificate_2019_5f1c2a.jpg'),
        alt: 'Гэрчилгээний зураг',
        caption: null,
        width: 1200,
        height: 850,
      },
    });
  });
});

describe('list and lookup responses', () => {
  it('maps a page of articles with its pagination', () => {
    const page = toArticleSummaryPage(articlesPage);
    expect(page.items.map((item) => item.slug)).toEqual([
      'shine-uildveriin-bair',
      'mergeshsen-tusgai-shine-buteegdekhuunii-tekhnologiin-gerchilgee',
    ]);
    expect(page).toMatchObject({ page: 2, pageSize: 10, pageCount: 2, total: 12 });
  });

  it('names the index of the broken item in a list', () => {
    const raw = copy(articlesPage);
    raw.data[1]!.slug = '';
    expect(() => toArticleSummaryPage(raw)).toThrow(/data\.1\.slug/);
  });

  it('rejects a list without pagination meta', () => {
    expect(() => toArticleSummaryPage({ data: [] })).toThrow(/meta/);
  });

  it('returns null when a slug lookup finds nothing', () => {
    expect(
      toArticleFromLookup({ data: [], meta: { pagination: { page: 1, pageSize: 1, pageCount: 0, total: 0 } } }),
    ).toBeNull();
    expect(toArticleFromLookup(articleLookup)?.slug).toBe(flagship.slug);
  });
});

describe('toCertificate', () => {
  const raw = certificateLookup.data[0]!;

  it('maps a certificate with its shared fields, articles newest first and an absolute scan URL kept as is', () => {
    const certificate = toCertificate(raw);
    expect(certificate).toMatchObject({
      locale: 'zh',
      name: '青岛市"专精特新"中小企业证书',
      issuer: '青岛市工业和信息化局',
      issuedOn: '2019-06-15',
      number: 'QD-ZJTX-2019-0137',
      level: 'municipal',
      scan: {
        url: 'https://media.example.com/uploads/scan_qd_2019.png',
        alt: '',
        caption: null,
        width: 1654,
        height: 2339,
      },
      translations: [{ locale: 'mn', slug: 'qingdao-zhuan-jing-te-xin' }],
    });
    expect(certificate.articles.map((article) => article.postedAt)).toEqual(['2022-01-29', '2020-03-02']);
    expect(certificate.description).toHaveLength(1);
  });

  it("uses the variant's own scan text, falling back to the media library's", () => {
    const withText = { ...raw, scanAlt: '证书扫描件', scanCaption: '2019年颁发' };
    expect(toCertificate(withText).scan).toMatchObject({ alt: '证书扫描件', caption: '2019年颁发' });
    const fileText = { ...raw, scan: { ...raw.scan!, alternativeText: 'Scan', caption: 'Issued 2019' } };
    expect(toCertificate(fileText).scan).toMatchObject({ alt: 'Scan', caption: 'Issued 2019' });
  });

  it('rejects an unknown level, naming the field', () => {
    expect(() => toCertificate({ ...raw, level: 'district' })).toThrow(/certificate from the CMS: level: /);
  });

  it('is reachable through a slug lookup response', () => {
    expect(toCertificateFromLookup(certificateLookup)?.number).toBe('QD-ZJTX-2019-0137');
  });
});

describe('toCategory', () => {
  it('maps categories and drops their ids', () => {
    expect(toCategory(categories.data[0])).toEqual({ name: 'мэдээ', slug: 'medee' });
    expect(toCategoryList(categories)).toEqual([
      { name: 'мэдээ', slug: 'medee' },
      { name: 'үйл явдал', slug: 'uil-yavdal' },
    ]);
  });

  it('rejects a category without a slug', () => {
    expect(() => toCategory({ id: 1, documentId: 'x', name: 'мэдээ' })).toThrow(/slug/);
  });
});

describe('toGlobal', () => {
  it('maps the site settings', () => {
    expect(toGlobal(global)).toEqual({
      siteName: '公司新闻',
      companyName: '青岛某某科技有限公司',
      footer: '专注于专精特新产品。',
      address: '山东省青岛市崂山区科苑纬一路1号',
      email: 'info@example.com',
      phone: '+86 532 8888 0000',
      icpFiling: '鲁ICP备12345678号-1',
      publicSecurityFiling: null,
      seo: { title: '公司新闻 — 官方网站', description: '公司新闻与资质证书' },
    });
  });

  it('names the field when the company name is missing', () => {
    const raw = copy(global) as { data: Record<string, unknown> };
    delete raw.data.companyName;
    expect(() => toGlobal(raw)).toThrow(/data\.companyName/);
  });
});

describe('mapping added for the reader site', () => {
  it('names the field when a category comes without its article count', () => {
    const raw = copy(categories) as { data: Array<Record<string, unknown>> };
    delete raw.data[1]!.articles;
    expect(() => toCategoryListingList(raw)).toThrow(/data\.1\.articles/);
  });

  it('maps a sitemap batch, dropping the document’s own locale from its translations', () => {
    const batch = toSitemapBatch('mn', {
      data: [
        {
          documentId: 'd1',
          slug: 'a',
          updatedAt: '2024-01-01T00:00:00.000Z',
          translations: [
            { locale: 'mn', slug: 'a' },
            { locale: 'zh', slug: 'a-zh' },
          ],
        },
      ],
      meta: { next: 'd1' },
    });
    expect(batch).toEqual({
      documents: [
        {
          documentId: 'd1',
          slug: 'a',
          updatedAt: '2024-01-01T00:00:00.000Z',
          translations: [{ locale: 'zh', slug: 'a-zh' }],
        },
      ],
      next: 'd1',
    });
  });

  it('ignores a translation in a locale the site does not serve (added in the CMS admin), logging it once', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const batch = (slug: string) => ({
      data: [
        {
          documentId: slug,
          slug,
          updatedAt: '2024-01-01T00:00:00.000Z',
          translations: [
            { locale: 'fr', slug: `${slug}-fr` },
            { locale: 'zh', slug: `${slug}-zh` },
          ],
        },
      ],
      meta: { next: null },
    });
    expect(toSitemapBatch('mn', batch('a')).documents[0]!.translations).toEqual([{ locale: 'zh', slug: 'a-zh' }]);
    expect(toSitemapBatch('mn', batch('b')).documents[0]!.translations).toEqual([{ locale: 'zh', slug: 'b-zh' }]);
    expect(warn.mock.calls.filter(([message]) => String(message).includes('"fr"'))).toHaveLength(1);
  });

  it('rejects a sitemap document whose updatedAt is not a timestamp', () => {
    const bad = {
      data: [{ documentId: 'd', slug: 'a', updatedAt: 'yesterday', translations: [] }],
      meta: { next: null },
    };
    expect(() => toSitemapBatch('zh', bad)).toThrow(/data\.0\.updatedAt/);
  });

  it('keeps the sitemap counts of the locales the site serves only', () => {
    const group = { count: 1, updatedAt: '2024-01-01T00:00:00.000Z' };
    const locale = { articles: group, certificates: { ...group, count: 0, updatedAt: null }, categories: [] };
    expect(toSitemapSummary({ data: { locales: { mn: locale, fr: locale } } })).toEqual({ locales: { mn: locale } });
    expect(() => toSitemapSummary({ data: { locales: { mn: { ...locale, articles: { count: -1 } } } } })).toThrow(
      /locales\.mn\.articles/,
    );
  });

  it('gives null where there is no previous or next article, and rejects a neighbour with no slug', () => {
    const older = { title: 'Өмнөх', slug: 'omnokh', postedAt: '2021-12-10' };
    expect(toAdjacentArticles({ data: { older, newer: null } })).toEqual({ older, newer: null });
    expect(() => toAdjacentArticles({ data: { older: { ...older, slug: '' }, newer: null } })).toThrow(
      /data\.older\.slug/,
    );
  });
});
