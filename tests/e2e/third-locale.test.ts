import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { isPublished, seedArticles, seedCertificates } from '../../cms/tests/helpers/seed-data';
import { launchBrowser } from './reader-data';
import { startSite, type SiteInstance } from './site';

// A third language needs its contract entry, its dictionary and its seed data, nothing else. The
// test adds English as a locale pack (fixtures/locale-pack-en: locale.json, site.json, seed/),
// which the CMS and the site load through MEDEE_LOCALE_PACKS, and reads the site in all three.

const pack = path.join(__dirname, 'fixtures', 'locale-pack-en');
const packJson = (file: string) => JSON.parse(fs.readFileSync(path.join(pack, file), 'utf8'));
const enArticles: Record<string, { title: string; slug: string }> = packJson('seed/articles.json');
const enCertificates: Record<string, { name: string; slug: string }> = packJson('seed/certificates.json');
const seedGlobal = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'cms', 'data', 'seed', 'global.json'), 'utf8'),
);

const LOCALES = ['mn', 'zh', 'en'] as const;
type Locale = (typeof LOCALES)[number];

/** The seed article of the page: in all three languages. */
const everywhere = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;
/** Published in mn and zh, with no English variant. */
const noEnglish = seedArticles.find((article) => article.key === 'ub-mining-expo-2019')!;

const slugOf = (article: typeof everywhere, locale: Locale) =>
  locale === 'en' ? enArticles[article.key]!.slug : article[locale]!.slug;
const titleOf = (article: typeof everywhere, locale: Locale) =>
  locale === 'en' ? enArticles[article.key]!.title : article[locale]!.title;
const publishedCount = (locale: Locale) =>
  locale === 'en'
    ? Object.keys(enArticles).length
    : seedArticles.filter((article) => isPublished(article[locale])).length;
const companyName = (locale: Locale): string =>
  locale === 'en' ? packJson('seed/global.json').companyName : seedGlobal[locale].companyName;
const allNews: Record<Locale, string> = { mn: 'Бүх мэдээ', zh: '全部新闻', en: 'All news' };

describe('a third language (en) from a locale pack', () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let browser: Browser;
  const env = { MEDEE_LOCALE_PACKS: pack };

  beforeAll(async () => {
    cms = await startSeededCms('sqlite', { env });
    site = await startSite(cms, { env });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  async function open(url: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const response = await page.goto(`${site.baseUrl}${url}`);
    expect({ url, status: response?.status() }).toEqual({ url, status: 200 });
    return page;
  }

  test.each(LOCALES)('/%s: home, news list, article, certificate and feed in that language', async (locale) => {
    const home = await open(`/${locale}`);
    try {
      expect(await home.locator('html').getAttribute('lang')).toBe(locale);
      await expect(home.locator('h1').innerText()).resolves.toBe(companyName(locale));
      // The footer says the copyright once (the CMS's footer text carries it).
      await expect(home.locator('footer').innerText()).resolves.toMatch(/^[^©]*©[^©]*$/);
    } finally {
      await home.close();
    }

    const list = await open(`/${locale}/news`);
    try {
      await expect(list.locator('h1').innerText()).resolves.toBe(allNews[locale]);
      await expect(list.locator('.article-card').count()).resolves.toBe(Math.min(10, publishedCount(locale)));
    } finally {
      await list.close();
    }

    const article = await open(`/${locale}/news/${slugOf(everywhere, locale)}`);
    try {
      await expect(article.locator('h1').innerText()).resolves.toBe(titleOf(everywhere, locale));
      // The language menu lists the two other languages, each as this article in that language.
      await article.locator('.language-switch summary').click();
      const links = article.locator('[data-language-switch="available"]');
      const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(
        LOCALES.filter((other) => other !== locale).map((other) => `/${other}/news/${slugOf(everywhere, other)}`),
      );
    } finally {
      await article.close();
    }

    const certificateSlug =
      locale === 'en'
        ? enCertificates['qingdao-zhuanjingtexin-2019']!.slug
        : seedCertificates.find((each) => each.key === 'qingdao-zhuanjingtexin-2019')![locale]!.slug;
    (await open(`/${locale}/certificates/${certificateSlug}`)).close();

    const feed = await fetch(`${site.baseUrl}/${locale}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(titleOf(everywhere, locale));
  });

  test('an article without an English variant: the menu leads to the English news list, with a note', async () => {
    const page = await open(`/mn/news/${noEnglish.mn!.slug}`);
    try {
      await page.locator('.language-switch summary').click();
      const english = page.locator('[data-language-switch="unavailable"]');
      await expect(english.getAttribute('href')).resolves.toBe('/en/news');
      await expect(english.locator('[lang="en"]').innerText()).resolves.toBe('English');
      await english.click();
      await page.waitForURL(`${site.baseUrl}/en/news`);
      await expect(page.locator('h1').innerText()).resolves.toBe(allNews.en);
    } finally {
      await page.close();
    }
  });

  test('the header keeps its height from page to page, and is compact on a 390 px phone', async () => {
    const pages: Array<[Locale, string]> = [
      ['mn', `/mn/news/${everywhere.mn!.slug}`],
      // Without an English variant: before, the note on the missing language added a header row.
      ['mn', `/mn/news/${noEnglish.mn!.slug}`],
      ['mn', '/mn/news'],
      ['zh', `/zh/news/${everywhere.zh!.slug}`],
      ['zh', `/zh/news/${noEnglish.zh!.slug}`],
      ['en', `/en/news/${slugOf(everywhere, 'en')}`],
      ['en', '/en/news'],
    ];
    for (const width of [1280, 390]) {
      const heights: Record<string, number> = {};
      for (const [locale, url] of pages) {
        const page = await open(url, width);
        try {
          heights[`${locale} ${url}`] = Math.round((await page.locator('header.site-header').boundingBox())!.height);
        } finally {
          await page.close();
        }
      }
      for (const locale of LOCALES) {
        const own = Object.entries(heights).filter(([key]) => key.startsWith(`${locale} `));
        expect({ width, locale, distinct: new Set(own.map(([, height]) => height)).size, heights }).toEqual({
          width,
          locale,
          distinct: 1,
          heights,
        });
      }
      // Before: about 190 px on a phone (name, sections, search and language each on a row).
      if (width === 390)
        expect({ heights, over: Object.values(heights).filter((h) => h >= 120) }).toEqual({ heights, over: [] });
    }
  });

  test('the sitemap lists the English pages with their alternates; Accept-Language reaches English', async () => {
    const sitemap = await (await fetch(`${site.baseUrl}/sitemap.xml`)).text();
    // One urlset, or an index over parts once it is long.
    const parts = sitemap.includes('<sitemapindex')
      ? [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
      : [];
    const documents = [sitemap, ...(await Promise.all(parts.map(async (part) => (await fetch(part)).text())))].join(
      '\n',
    );
    const english = `/en/news/${slugOf(everywhere, 'en')}`;
    expect(documents).toContain(english);
    expect(documents).toContain(`hreflang="en" href="${site.baseUrl}${english}"`);

    for (const [header, locale] of [
      ['en-GB,en;q=0.9', 'en'],
      ['mn-Cyrl-MN', 'mn'],
      ['zh-Hans-CN', 'zh'],
    ] as const) {
      const response = await fetch(`${site.baseUrl}/`, { redirect: 'manual', headers: { 'Accept-Language': header } });
      expect({ header, location: response.headers.get('location') }).toEqual({
        header,
        location: expect.stringMatching(new RegExp(`/${locale}$`)),
      });
    }
  });
});
