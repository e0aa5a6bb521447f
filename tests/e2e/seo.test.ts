import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { seedCategories, seedGlobal } from '../../cms/tests/helpers/seed-data';
import {
  FEED_SIZE,
  categoryCounts,
  launchBrowser,
  locales,
  oneLanguageArticles,
  other,
  pageCount,
  publishedArticles,
  publishedCertificates,
  seedArticle,
  serverDocument,
} from './reader-data';
import { startSite, type SiteInstance } from './site';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The head fields search engines and link previews read, from the server HTML. */
async function headOf(page: Page) {
  return page.evaluate(() => {
    const attr = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name) ?? null;
    const meta = (property: string) =>
      attr(`meta[property="${property}"]`, 'content') ?? attr(`meta[name="${property}"]`, 'content');
    return {
      title: document.title,
      description: meta('description'),
      canonical: attr('link[rel="canonical"]', 'href'),
      alternates: Object.fromEntries(
        [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [
          link.getAttribute('hreflang'),
          link.getAttribute('href'),
        ]),
      ),
      feeds: [...document.querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]')].map((link) =>
        link.getAttribute('href'),
      ),
      robots: meta('robots'),
      og: {
        type: meta('og:type'),
        url: meta('og:url'),
        title: meta('og:title'),
        description: meta('og:description'),
        locale: meta('og:locale'),
        image: meta('og:image'),
        imageWidth: meta('og:image:width'),
        publishedTime: meta('article:published_time'),
      },
      twitter: { card: meta('twitter:card'), image: meta('twitter:image') },
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
        JSON.parse(script.textContent ?? 'null'),
      ),
    };
  });
}

describe('search engines and feed readers', () => {
  let cms: CmsInstance;
  let browser: Browser;
  let noScript: BrowserContext;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
    browser = await launchBrowser();
    noScript = await browser.newContext({ javaScriptEnabled: false });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  }, 60_000);

  // First, and with a site of its own, so that no page cached by the indexable site below is served here.
  test('with SITE_INDEXING=false, robots.txt disallows everything and pages say noindex', async () => {
    const staging = await startSite(cms, { env: { SITE_INDEXING: 'false' } });
    try {
      const robots = await fetch(`${staging.baseUrl}/robots.txt`);
      expect(robots.status).toBe(200);
      const lines = (await robots.text()).split('\n').map((line) => line.trim());
      expect(lines).toContain('User-Agent: *');
      expect(lines).toContain('Disallow: /');
      expect(lines.some((line) => line.startsWith('Allow'))).toBe(false);
      const { page } = await serverDocument(noScript, `${staging.baseUrl}/zh/certificates`);
      try {
        expect((await headOf(page)).robots).toBe('noindex, nofollow');
      } finally {
        await page.close();
      }
    } finally {
      await staging.stop();
    }
  });

  describe('an indexable site', () => {
    let site: SiteInstance;
    const url = (path: string) => `${site.baseUrl}${path}`;

    beforeAll(async () => {
      site = await startSite(cms);
    }, 120_000);

    afterAll(async () => {
      await site?.stop();
    }, 60_000);

    test.each(locales)(
      'the %s seed article: title, canonical, hreflang, Open Graph, Twitter and NewsArticle JSON-LD',
      async (locale) => {
        const variant = seedArticle[locale]!;
        const self = url(`/${locale}/news/${variant.slug}`);
        const { status, page } = await serverDocument(noScript, self);
        try {
          expect(status).toBe(200);
          const head = await headOf(page);
          expect(head.title).toBe(`${variant.title} | ${seedGlobal[locale].siteName}`);
          expect(head.description).toBe(variant.summary);
          expect(head.canonical).toBe(self);
          expect(head.alternates).toEqual({
            mn: url(`/mn/news/${seedArticle.mn!.slug}`),
            zh: url(`/zh/news/${seedArticle.zh!.slug}`),
            'x-default': url(`/mn/news/${seedArticle.mn!.slug}`),
          });
          expect(head.feeds).toEqual([url(`/${locale}/feed.xml`)]);
          expect(head.robots).toBeNull();
          expect(head.og).toMatchObject({
            type: 'article',
            url: self,
            title: variant.title,
            description: variant.summary,
            locale,
            imageWidth: '1200',
            publishedTime: '2022-01-29',
          });
          // The cover through the site's image optimizer, which answers with the image.
          const cover = new URL(head.og.image!);
          expect(`${cover.origin}${cover.pathname}`).toBe(url('/_next/image'));
          expect(cover.searchParams.get('url')).toMatch(new RegExp(`^${cms.baseUrl}/uploads/.+\\.jpg$`));
          expect([cover.searchParams.get('w'), cover.searchParams.get('q')]).toEqual(['1200', '75']);
          const image = await fetch(head.og.image!);
          expect(image.status).toBe(200);
          expect(image.headers.get('content-type')).toMatch(/^image\//);
          expect(head.twitter).toEqual({ card: 'summary_large_image', image: head.og.image });

          expect(head.jsonLd).toHaveLength(1);
          const [article] = head.jsonLd;
          expect(article['@context']).toBe('https://schema.org');
          expect(article['@type']).toBe('NewsArticle');
          expect(article.headline).toBe(variant.title);
          expect(article.datePublished).toBe('2022-01-29');
          expect(new Date(article.dateModified).getTime()).not.toBeNaN();
          expect(article.inLanguage).toBe(locale);
          expect(article.image).toEqual([head.og.image]);
          expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': self });
          expect(article.publisher).toEqual({
            '@type': 'Organization',
            name: locale === 'mn' ? 'Чиндао Бэйлан Технологи ХХК' : '青岛北岚精工科技有限公司',
            url: url(`/${locale}`),
          });
        } finally {
          await page.close();
        }
      },
    );

    test.each(locales)('an article only in %s has hreflang for its own language and x-default only', async (locale) => {
      const article = oneLanguageArticles(locale)[0]!;
      const self = url(`/${locale}/news/${article[locale]!.slug}`);
      const { page } = await serverDocument(noScript, self);
      try {
        const head = await headOf(page);
        expect(head.canonical).toBe(self);
        expect(head.alternates).toEqual({ [locale]: self, 'x-default': self });
        expect(head.og.image).toBeNull();
        expect(head.twitter.card).toBe('summary');
      } finally {
        await page.close();
      }
    });

    test('list pages: canonical per page, paired languages, rel prev/next', async () => {
      const { page } = await serverDocument(noScript, url('/mn/news?page=2'));
      try {
        const head = await headOf(page);
        expect(head.canonical).toBe(url('/mn/news?page=2'));
        expect(head.alternates).toEqual({
          mn: url('/mn/news?page=2'),
          zh: url('/zh/news?page=2'),
          'x-default': url('/mn/news?page=2'),
        });
        await expect(page.locator('link[rel="prev"]').getAttribute('href')).resolves.toBe('/mn/news');
        const hasNext = pageCount(publishedArticles('mn').length) > 2;
        await expect(page.locator('link[rel="next"]').count()).resolves.toBe(hasNext ? 1 : 0);
      } finally {
        await page.close();
      }
      const news = seedCategories.find((category) => category.key === 'news')!;
      const first = await serverDocument(noScript, url(`/zh/news?category=${news.zh.slug}`));
      try {
        const head = await headOf(first.page);
        expect(head.canonical).toBe(url(`/zh/news?category=${news.zh.slug}`));
        expect(head.alternates).toEqual({
          mn: url(`/mn/news?category=${news.mn.slug}`),
          zh: url(`/zh/news?category=${news.zh.slug}`),
          'x-default': url(`/mn/news?category=${news.mn.slug}`),
        });
        await expect(first.page.locator('link[rel="prev"]').count()).resolves.toBe(0);
      } finally {
        await first.page.close();
      }
    });

    test.each(locales)(
      'the %s home page: Organization JSON-LD with the certificates as award, hreflang with x-default /',
      async (locale) => {
        const { page } = await serverDocument(noScript, url(`/${locale}`));
        try {
          const head = await headOf(page);
          expect(head.canonical).toBe(url(`/${locale}`));
          // x-default is `/`, which sends each visitor to their language (Next writes the root without its slash).
          expect(head.alternates).toEqual({ mn: url('/mn'), zh: url('/zh'), 'x-default': site.baseUrl });
          expect(head.jsonLd).toEqual([
            {
              '@context': 'https://schema.org',
              '@type': 'Organization',
              name: locale === 'mn' ? 'Чиндао Бэйлан Технологи ХХК' : '青岛北岚精工科技有限公司',
              url: url(`/${locale}`),
              email: 'info@example.com',
              telephone: '+976 7011 2345',
              address: expect.any(String),
              award: expect.arrayContaining(
                publishedCertificates(locale).map((certificate) => certificate[locale]!.name),
              ),
            },
          ]);
          expect(head.jsonLd[0].award).toHaveLength(publishedCertificates(locale).length);
        } finally {
          await page.close();
        }
      },
    );

    test('robots.txt allows crawling and names the sitemap', async () => {
      const text = await (await fetch(url('/robots.txt'))).text();
      expect(text).toContain('Allow: /');
      expect(text).toContain(`Sitemap: ${url('/sitemap.xml')}`);
    });

    test('sitemap.xml lists every published page of both languages with alternates and lastmod; every URL answers 200', async () => {
      const response = await fetch(url('/sitemap.xml'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
      const parsed = xml.parse(await response.text());
      expect(parsed.urlset.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const entries = asArray(parsed.urlset.url) as Array<{ loc: string; lastmod?: string; 'xhtml:link'?: unknown }>;
      const byLoc = new Map(entries.map((entry) => [entry.loc, entry]));
      expect(byLoc.size).toBe(entries.length);

      const expected: string[] = [];
      for (const locale of locales) {
        expected.push(url(`/${locale}`), url(`/${locale}/certificates`));
        const articles = publishedArticles(locale);
        for (let page = 1; page <= pageCount(articles.length); page++)
          expected.push(url(`/${locale}/news${page > 1 ? `?page=${page}` : ''}`));
        for (const category of categoryCounts(locale)) {
          for (let page = 1; page <= pageCount(category.count); page++) {
            expected.push(url(`/${locale}/news?category=${category.slug}${page > 1 ? `&page=${page}` : ''}`));
          }
        }
        for (const article of articles) expected.push(url(`/${locale}/news/${article[locale]!.slug}`));
        for (const certificate of publishedCertificates(locale))
          expected.push(url(`/${locale}/certificates/${certificate[locale]!.slug}`));
      }
      expect([...byLoc.keys()].sort()).toEqual(expected.sort());

      const article = byLoc.get(url(`/zh/news/${seedArticle.zh!.slug}`))!;
      expect(new Date(article.lastmod!).getTime()).not.toBeNaN();
      expect(asArray(article['xhtml:link'] as object[])).toEqual([
        { rel: 'alternate', hreflang: 'mn', href: url(`/mn/news/${seedArticle.mn!.slug}`) },
        { rel: 'alternate', hreflang: 'zh', href: url(`/zh/news/${seedArticle.zh!.slug}`) },
        { rel: 'alternate', hreflang: 'x-default', href: url(`/mn/news/${seedArticle.mn!.slug}`) },
      ]);
      const alone = byLoc.get(url(`/mn/news/${oneLanguageArticles('mn')[0]!.mn!.slug}`))!;
      expect(asArray(alone['xhtml:link'] as Array<{ hreflang: string }>).map((link) => link.hreflang)).toEqual([
        'mn',
        'x-default',
      ]);

      for (const loc of byLoc.keys()) {
        const status = (await fetch(loc, { redirect: 'manual' })).status;
        expect({ loc, status }).toEqual({ loc, status: 200 });
      }
    });

    test.each(locales)(
      'the %s feed is RSS 2.0 with the latest articles, its language, dates and working absolute links',
      async (locale) => {
        const response = await fetch(url(`/${locale}/feed.xml`));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
        const { rss } = xml.parse(await response.text());
        expect(rss.version).toBe('2.0');
        expect(rss.channel.language).toBe(locale);
        expect(rss.channel.link).toBe(url(`/${locale}`));
        expect(rss.channel['atom:link']).toMatchObject({ href: url(`/${locale}/feed.xml`), rel: 'self' });
        const items = asArray(rss.channel.item) as Array<{
          title: string;
          link: string;
          pubDate: string;
          guid: unknown;
        }>;
        const expected = publishedArticles(locale).slice(0, FEED_SIZE);
        expect(items.map((item) => item.title)).toEqual(expected.map((article) => article[locale]!.title));
        for (const [index, item] of items.entries()) {
          expect(item.link).toBe(url(`/${locale}/news/${expected[index]![locale]!.slug}`));
          expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(expected[index]!.postedAt);
          expect((await fetch(item.link)).status).toBe(200);
        }
        // The other language's articles are not in it.
        expect(items.some((item) => item.link.includes(`/${other(locale)}/`))).toBe(false);
      },
    );
  });
});
