import { newsArticleJsonLd, organizationJsonLd, serializeJsonLd } from '@/lib/json-ld';

const publisher = { name: 'Чиндао Бэйлан Технологи ХХК', url: 'https://example.com/mn' };

describe('newsArticleJsonLd', () => {
  it('carries the fields search engines read, in the page’s language', () => {
    expect(
      newsArticleJsonLd({
        url: 'https://example.com/mn/news/a',
        headline: 'Гэрчилгээ',
        description: 'Товч',
        datePublished: '2022-01-29',
        dateModified: '2024-05-02T08:12:44.511Z',
        inLanguage: 'mn',
        images: ['https://example.com/_next/image?url=x&w=1200&q=75'],
        section: 'мэдээ',
        publisher,
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.com/mn/news/a' },
      url: 'https://example.com/mn/news/a',
      headline: 'Гэрчилгээ',
      description: 'Товч',
      datePublished: '2022-01-29',
      dateModified: '2024-05-02T08:12:44.511Z',
      inLanguage: 'mn',
      image: ['https://example.com/_next/image?url=x&w=1200&q=75'],
      articleSection: 'мэдээ',
      author: { '@type': 'Organization', ...publisher },
      publisher: { '@type': 'Organization', ...publisher },
    });
  });

  it('leaves out what the article lacks and shortens very long headlines', () => {
    const data = newsArticleJsonLd({
      url: 'u',
      headline: '证'.repeat(150),
      description: null,
      datePublished: '2020-03-02',
      dateModified: '2020-03-02T00:00:00.000Z',
      inLanguage: 'zh',
      images: [],
      section: null,
      publisher,
    }) as unknown as Record<string, unknown>;
    expect(data).not.toHaveProperty('image');
    expect(data).not.toHaveProperty('description');
    expect(data).not.toHaveProperty('articleSection');
    expect([...(data.headline as string)]).toHaveLength(110);
  });
});

describe('organizationJsonLd', () => {
  it('lists the certificates as awards', () => {
    expect(
      organizationJsonLd({
        name: '青岛北岚精工科技有限公司',
        url: 'https://example.com/zh',
        email: 'info@example.com',
        telephone: '+976 7011 2345',
        address: null,
        awards: ['青岛市“专精特新”中小企业证书', 'ISO 9001'],
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: '青岛北岚精工科技有限公司',
      url: 'https://example.com/zh',
      email: 'info@example.com',
      telephone: '+976 7011 2345',
      award: ['青岛市“专精特新”中小企业证书', 'ISO 9001'],
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot be closed early by text from the CMS', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script><!--' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script><!--' });
  });
});
