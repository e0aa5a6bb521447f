import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { renderRssFeed } from '@/lib/feed';
import type { ArticleSummary } from '@/lib/strapi/types';

const cms = 'http://cms.internal:1337';
const article = (
  slug: string,
  postedAt: string,
  updatedAt: string,
  extra: Partial<ArticleSummary> = {},
): ArticleSummary => ({
  documentId: `doc-${slug}`,
  locale: 'zh',
  slug,
  title: `标题 ${slug} <&>`,
  summary: '摘要',
  postedAt,
  updatedAt,
  category: { name: '新闻', slug: 'xinwen' },
  cover: null,
  ...extra,
});

function parse(xml: string) {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
}

describe('renderRssFeed', () => {
  const xml = renderRssFeed({
    locale: 'zh',
    siteUrl: 'https://example.com',
    cmsOrigin: cms,
    title: '北岚精工 — 新闻',
    description: '公司新闻',
    companyName: '青岛北岚精工科技有限公司',
    articles: [
      article('b', '2022-01-29', '2024-05-02T08:12:44.511Z', {
        cover: { url: `${cms}/uploads/cover.jpg`, alt: '', caption: null, width: 1200, height: 675 },
      }),
      article('a', '2020-03-02', '2020-03-02T01:00:00.000Z', { summary: null, category: null }),
    ],
  });
  const channel = parse(xml).rss.channel;

  it('is RSS 2.0 in the feed’s language, linking to itself absolutely', () => {
    expect(parse(xml).rss.version).toBe('2.0');
    expect(channel.title).toBe('北岚精工 — 新闻');
    expect(channel.language).toBe('zh');
    expect(channel.link).toBe('https://example.com/zh');
    expect(channel['atom:link']).toMatchObject({ href: 'https://example.com/zh/feed.xml', rel: 'self' });
    expect(new Date(channel.lastBuildDate).toISOString()).toBe('2024-05-02T08:12:44.000Z');
    expect(xml).not.toContain('<generator>');
  });

  it('lists each article with an absolute link, its post date and escaped text', () => {
    const [first, second] = channel.item;
    expect(first.title).toBe('标题 b <&>');
    expect(first.link).toBe('https://example.com/zh/news/b');
    expect(first.guid).toMatchObject({ '#text': 'https://example.com/zh/news/b' });
    expect(new Date(first.pubDate).toISOString()).toBe('2022-01-29T12:00:00.000Z');
    expect(first.description).toBe('摘要');
    expect(first.category).toBe('新闻');
    // The cover, through the site's image optimizer: the CMS is not public.
    expect(first.enclosure.url).toBe(
      `https://example.com/_next/image?url=${encodeURIComponent(`${cms}/uploads/cover.jpg`)}&w=1200&q=75`,
    );
    expect(second.link).toBe('https://example.com/zh/news/a');
    expect(second).not.toHaveProperty('category');
  });
});

describe('renderRssFeed with hostile text', () => {
  /** Parses `xml` with saxes, a conformant XML parser: any well-formedness error throws. */
  function strictParse(xml: string): { items: number; texts: string[] } {
    const parser = new SaxesParser();
    let items = 0;
    const texts: string[] = [];
    parser.on('error', (error) => {
      throw error;
    });
    parser.on('opentag', (tag) => {
      if (tag.name === 'item') items += 1;
    });
    parser.on('text', (text) => texts.push(text));
    parser.write(xml).close();
    return { items, texts };
  }

  const hostile = [
    ']]>',
    'a]]>b]]>c',
    ']]><item><title>injected</title></item><![CDATA[',
    '</title></item><item><title>injected',
    '<![CDATA[x]]>]]>',
    '&amp; &lt; & < > " \'',
    'NUL\u0000 BEL\u0007 ESC\u001b VT\u000b FF\u000c DEL\u007f',
    'lone surrogate \ud800 end',
    'non-characters \ufffe\uffff',
    '<!DOCTYPE x [<!ENTITY e "boom">]>&e;',
    '<?xml version="1.0"?>',
  ];

  test.each(hostile)('a title, summary and category %j keep the feed well-formed, with one item', (text) => {
    const xml = renderRssFeed({
      locale: 'mn',
      siteUrl: 'https://example.com',
      cmsOrigin: cms,
      title: text,
      description: text,
      companyName: text,
      articles: [
        article('x', '2022-01-29', '2024-05-02T08:12:44.511Z', {
          title: text,
          summary: text,
          category: { name: text, slug: 'x' },
        }),
      ],
    });
    const { items, texts } = strictParse(xml);
    expect(items).toBe(1);
    // The text reads back as typed, minus what XML cannot carry.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what XML 1.0 cannot carry
    const printable = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800\ufffe\uffff]/gu, '');
    expect(texts).toContain(printable);
  });
});
