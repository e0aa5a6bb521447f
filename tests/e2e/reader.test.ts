import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import {
  categoryCounts,
  launchBrowser,
  locales,
  newsCategory,
  notFoundTitle,
  oneLanguageArticles,
  other,
  pageCount,
  publishedArticles,
  seedArticle,
  seedCertificate,
  serverDocument,
  type Locale,
} from './reader-data';
import { startSite, type SiteInstance } from './site';

const screenshots = path.join(rootDir, 'test-results', 'screenshots');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describe('a reader browses the site in Mongolian and Chinese', () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let browser: Browser;
  let noScript: BrowserContext;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
    site = await startSite(cms);
    browser = await launchBrowser();
    noScript = await browser.newContext({ javaScriptEnabled: false });
    fs.mkdirSync(screenshots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  async function open(url: string, options: { width?: number; locale?: Locale } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1280, height: 900 },
      locale: options.locale === 'zh' ? 'zh-CN' : 'mn-MN',
    });
    const response = await page.goto(`${site.baseUrl}${url}`);
    expect({ url, status: response?.status() }).toEqual({ url, status: 200 });
    return page;
  }

  test.each([
    { locale: 'mn' as const, variant: seedArticle.mn!, date: '2022 оны 1-р сарын 29', label: 'Нийтэлсэн' },
    { locale: 'zh' as const, variant: seedArticle.zh!, date: '2022年1月29日', label: '发布日期' },
  ])(
    '/$locale/news/<slug> shows the title, the labelled post date, the cover and the linked certificate',
    async ({ locale, variant, date, label }) => {
      const page = await open(`/${locale}/news/${variant.slug}`, { locale });
      try {
        await expect(page.locator('h1').innerText()).resolves.toBe(variant.title);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        await expect(page.locator('.article__posted-at').innerText()).resolves.toBe(
          `${label}${locale === 'mn' ? ': ' : '：'}${date}`,
        );
        await expect(page.locator('time[datetime="2022-01-29"]').first().innerText()).resolves.toBe(date);
        // The cover through next/image: optimized srcset, sizes, loaded eagerly above the fold.
        const cover = page.locator('img.article__cover');
        expect(await cover.getAttribute('srcset')).toMatch(/\/_next\/image\?url=.*uploads.*&w=640&q=75 640w/);
        expect(await cover.getAttribute('sizes')).toBe('(min-width: 48rem) 44rem, 100vw');
        expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        const certificate = page.locator('.article__certificates a');
        await expect(certificate.getAttribute('href')).resolves.toBe(
          `/${locale}/certificates/${seedCertificate[locale]!.slug}`,
        );
        await page.screenshot({ path: path.join(screenshots, `article-${locale}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    },
  );

  test('the language switch leads from the seed article in mn to its zh slug and back', async () => {
    const page = await open(`/mn/news/${seedArticle.mn!.slug}`);
    try {
      await page.locator('.language-switch summary').click();
      await page.locator('[data-language-switch="available"]').click();
      await page.waitForURL(`${site.baseUrl}/zh/news/${seedArticle.zh!.slug}`);
      await expect(page.locator('h1').innerText()).resolves.toBe(seedArticle.zh!.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh');

      await page.locator('.language-switch summary').click();
      await page.locator('[data-language-switch="available"]').click();
      await page.waitForURL(`${site.baseUrl}/mn/news/${seedArticle.mn!.slug}`);
      await expect(page.locator('h1').innerText()).resolves.toBe(seedArticle.mn!.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('mn');
    } finally {
      await page.close();
    }
  });

  test.each(locales)(
    'an article published only in %s shows the other language as unavailable, leading to its news list',
    async (locale) => {
      const articles = oneLanguageArticles(locale);
      expect(articles.length).toBeGreaterThan(0);
      for (const article of articles) {
        const page = await open(`/${locale}/news/${article[locale]!.slug}`);
        try {
          await page.locator('.language-switch summary').click();
          const unavailable = page.locator('[data-language-switch="unavailable"]');
          await expect(unavailable.isVisible()).resolves.toBe(true);
          await expect(unavailable.getAttribute('href')).resolves.toBe(`/${other(locale)}/news`);
          await expect(unavailable.locator(`[lang="${other(locale)}"]`).count()).resolves.toBe(1);
          await expect(page.locator('[data-language-switch="available"]').count()).resolves.toBe(0);
          await expect(page.locator(`header a[hreflang="${other(locale)}"]`).count()).resolves.toBe(0);
        } finally {
          await page.close();
        }
        // …and its slug is not an address in the other language (no fallback: a 404).
        const response = await fetch(`${site.baseUrl}/${other(locale)}/news/${article[locale]!.slug}`);
        expect({ slug: article[locale]!.slug, status: response.status }).toEqual({
          slug: article[locale]!.slug,
          status: 404,
        });
      }
    },
  );

  test('the list language switch keeps the page number and the category', async () => {
    const page = await open('/mn/news?page=2');
    try {
      expect(pageCount(publishedArticles('zh').length)).toBeGreaterThanOrEqual(2);
      await expect(page.locator('[data-language-switch="available"]').getAttribute('href')).resolves.toBe(
        '/zh/news?page=2',
      );
    } finally {
      await page.close();
    }
    const mnNews = newsCategory('mn');
    const zhNews = newsCategory('zh');
    const zhCount = categoryCounts('zh').find((category) => category.slug === zhNews.slug)!.count;
    // The same category on the same page, or on the last page it has in the other language.
    const expectedPage = Math.min(2, pageCount(zhCount));
    const categoryPage = await open(`/mn/news?category=${mnNews.slug}&page=2`);
    try {
      await expect(categoryPage.locator('h1').innerText()).resolves.toBe(`${mnNews.name} (2)`);
      await expect(categoryPage.locator('[data-language-switch="available"]').getAttribute('href')).resolves.toBe(
        `/zh/news?category=${zhNews.slug}${expectedPage > 1 ? `&page=${expectedPage}` : ''}`,
      );
    } finally {
      await categoryPage.close();
    }
  });

  test.each([
    // "Бүх мэдээ", not "мэдээ": that is also the name of a category.
    { locale: 'mn' as const, title: 'Бүх мэдээ (2)' },
    { locale: 'zh' as const, title: '全部新闻 (2)' },
  ])(
    '/$locale/news?page=2 is titled "$title"; categories show their counts in this language',
    async ({ locale, title }) => {
      const page = await open(`/${locale}/news?page=2`);
      try {
        await expect(page.title()).resolves.toMatch(new RegExp(`^${title.replace(/[()]/g, '\\$&')} \\| `));
        await expect(page.locator('h1').innerText()).resolves.toBe(title);
        await expect(page.locator('link[rel="prev"]').getAttribute('href')).resolves.toBe(`/${locale}/news`);
        for (const category of categoryCounts(locale)) {
          const link = page.locator(`.category-filter a[href="/${locale}/news?category=${category.slug}"]`);
          await expect(link.innerText()).resolves.toBe(`${category.name} (${category.count})`);
        }
        await expect(page.locator('.category-filter a').first().innerText()).resolves.toContain(
          `(${publishedArticles(locale).length})`,
        );
        const titles = await page.locator('.article-card__title').allInnerTexts();
        expect(titles).toEqual(
          publishedArticles(locale)
            .slice(10, 20)
            .map((article) => article[locale]!.title),
        );
      } finally {
        await page.close();
      }
    },
  );

  test('missing pages are 404s whose server HTML is the localized 404 page', async () => {
    const cases: Array<{ url: string; locale: Locale }> = [
      { url: '/mn/news?page=999', locale: 'mn' },
      { url: '/zh/news?page=abc', locale: 'zh' },
      { url: '/mn/news?page=0', locale: 'mn' },
      { url: '/zh/news?category=no-such-category', locale: 'zh' },
      { url: '/mn/news/no-such-article', locale: 'mn' },
      { url: '/zh/certificates/no-such-certificate', locale: 'zh' },
      { url: `/zh/news/${seedArticle.mn!.slug}`, locale: 'zh' },
      { url: '/mn/a/b/c', locale: 'mn' },
      { url: '/xx', locale: 'mn' },
      { url: '/xx/search?q=1', locale: 'mn' },
    ];
    for (const { url, locale } of cases) {
      const { status, html, page } = await serverDocument(noScript, `${site.baseUrl}${url}`);
      try {
        expect({ url, status }).toEqual({ url, status: 404 });
        expect(html).not.toContain('__next_error__');
        expect({ url, lang: await page.locator('html').getAttribute('lang') }).toEqual({ url, lang: locale });
        expect({ url, h1: await page.locator('main h1').innerText() }).toEqual({ url, h1: notFoundTitle[locale] });
        // The site's chrome is there too, and the page is not indexed.
        await expect(page.locator('header nav a').count()).resolves.toBe(3);
        const robots = await page
          .locator('meta[name="robots"]')
          .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
        expect(robots.length).toBeGreaterThan(0);
        for (const content of robots) expect(content).toContain('noindex');
      } finally {
        await page.close();
      }
    }
  });

  test('in the browser, once its scripts have run, a 404 page still shows the localized 404 page once', async () => {
    for (const { url, locale } of [
      { url: '/zh/news/no-such-article', locale: 'zh' as const },
      { url: '/mn/news?page=999', locale: 'mn' as const },
    ]) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        const response = await page.goto(`${site.baseUrl}${url}`, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(404);
        // The server's 404 view is replaced by the not-found boundary's, which shows the same.
        await expect(page.locator('main h1').allInnerTexts()).resolves.toEqual([notFoundTitle[locale]]);
        await expect(page.locator('header').count()).resolves.toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  test('previous and next articles are neighbours in the same language', async () => {
    for (const locale of locales) {
      const articles = publishedArticles(locale);
      const index = articles.findIndex((article) => article.key === seedArticle.key);
      const page = await open(`/${locale}/news/${seedArticle[locale]!.slug}`);
      try {
        await expect(page.locator('[data-adjacent="newer"]').getAttribute('href')).resolves.toBe(
          `/${locale}/news/${articles[index - 1]![locale]!.slug}`,
        );
        await expect(page.locator('[data-adjacent="older"]').getAttribute('href')).resolves.toBe(
          `/${locale}/news/${articles[index + 1]![locale]!.slug}`,
        );
      } finally {
        await page.close();
      }
    }
    // The newest article has no newer one.
    const newest = publishedArticles('zh')[0]!;
    const page = await open(`/zh/news/${newest.zh!.slug}`);
    try {
      await expect(page.locator('[data-adjacent="newer"]').count()).resolves.toBe(0);
      await expect(page.locator('[data-adjacent="older"]').count()).resolves.toBe(1);
    } finally {
      await page.close();
    }
  });

  test.each(locales)(
    'the %s certificate page shows the facts, the scan and the articles that mention it',
    async (locale) => {
      const page = await open(`/${locale}/certificates/${seedCertificate[locale]!.slug}`);
      try {
        await expect(page.locator('h1').innerText()).resolves.toBe(seedCertificate[locale]!.name);
        await expect(page.locator('.certificate__facts').innerText()).resolves.toContain(seedCertificate.number);
        const scan = page.locator('img.certificate__scan');
        // No alternative text in the media library: the page names the scan in its own language.
        await expect(scan.getAttribute('alt')).resolves.toBe(
          locale === 'mn' ? `${seedCertificate.mn!.name} (хуулбар)` : `${seedCertificate.zh!.name}（扫描件）`,
        );
        expect(await scan.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        const mentioning = publishedArticles(locale).filter((article) =>
          article.certificates.includes(seedCertificate.key),
        );
        const links = await page
          .locator('.certificate__articles a')
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
        expect(links.sort()).toEqual(mentioning.map((article) => `/${locale}/news/${article[locale]!.slug}`).sort());
        await expect(page.locator('[data-language-switch="available"]').getAttribute('href')).resolves.toBe(
          `/${other(locale)}/certificates/${seedCertificate[other(locale)]!.slug}`,
        );
      } finally {
        await page.close();
      }
    },
  );

  test('search finds the seed article by a Cyrillic and by a CJK substring, from the header form', async () => {
    const page = await open('/mn');
    try {
      await page.locator('header input[name="q"]').fill('гэрчилгээ');
      await page.locator('header button[type="submit"]').click();
      await page.waitForURL(/\/mn\/search\?q=/);
      const titles = await page.locator('.article-card__title').allInnerTexts();
      expect(titles).toContain(seedArticle.mn!.title);
      // The matches are marked, whatever their case.
      const marks = await page.locator('.article-card mark').allInnerTexts();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.toLowerCase()).toBe('гэрчилгээ');
    } finally {
      await page.close();
    }
    // Sentence case typed in lower case still matches (SQLite folds ASCII only).
    const lower = await serverDocument(
      noScript,
      `${site.baseUrl}/mn/search?q=${encodeURIComponent('мэргэшсэн, тусгай')}`,
    );
    try {
      expect(await lower.page.locator('.article-card__title').allInnerTexts()).toContain(seedArticle.mn!.title);
    } finally {
      await lower.page.close();
    }
    const chinese = await serverDocument(noScript, `${site.baseUrl}/zh/search?q=${encodeURIComponent('证书')}`);
    try {
      expect(chinese.status).toBe(200);
      const titles = await chinese.page.locator('.article-card__title').allInnerTexts();
      expect(titles).toContain(seedArticle.zh!.title);
      // Only Chinese articles: the Mongolian variant is never listed under /zh.
      expect(titles).not.toContain(seedArticle.mn!.title);
      await expect(chinese.page.locator('meta[name="robots"]').getAttribute('content')).resolves.toContain('noindex');
    } finally {
      await chinese.page.close();
    }
  });

  test('empty, oversized and past-the-last-page searches answer with a message, not an error', async () => {
    const cases = [
      { url: '/mn/search', message: 'Гарчиг эсвэл товч агуулгаас хайх үгээ оруулна уу.' },
      { url: '/zh/search?q=%20%20', message: '请输入要在标题或摘要中查找的关键词。' },
      { url: `/mn/search?q=${'а'.repeat(101)}`, message: 'Хайх үг 100 тэмдэгтээс урт байж болохгүй' },
      { url: `/zh/search?q=${encodeURIComponent('不存在的关键词')}`, message: '没有找到包含“不存在的关键词”的新闻。' },
      // Past the last page the CMS ranks (it refuses it with a 400): said so, not the empty prompt.
      {
        url: `/mn/search?q=${encodeURIComponent('мэдээ')}&page=101`,
        message: 'Хайлтын үр дүнг 100 хуудсаас цааш харуулахгүй.',
      },
    ];
    for (const { url, message } of cases) {
      const { status, page } = await serverDocument(noScript, `${site.baseUrl}${url}`);
      try {
        expect({ url, status }).toEqual({ url, status: 200 });
        await expect(page.locator('.search-results__message').innerText()).resolves.toContain(message);
        await expect(page.locator('.article-card').count()).resolves.toBe(0);
      } finally {
        await page.close();
      }
    }
  });

  test('pages fit a 360 px wide screen without sideways scrolling', async () => {
    for (const url of [
      '/mn',
      `/zh/news/${seedArticle.zh!.slug}`,
      '/mn/news?page=2',
      `/zh/certificates/${seedCertificate.zh!.slug}`,
    ]) {
      const page = await open(url, { width: 360 });
      try {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ url, overflow }).toEqual({ url, overflow: 0 });
        if (url.startsWith('/zh/news/'))
          await page.screenshot({ path: path.join(screenshots, 'article-zh-360.png'), fullPage: true });
      } finally {
        await page.close();
      }
    }
  });

  test('keyboard: the skip link comes first and moves focus to the main content, focus is visible', async () => {
    const page = await open('/zh');
    try {
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        href: document.activeElement?.getAttribute('href'),
        outline: getComputedStyle(document.activeElement!).outlineStyle,
      }));
      expect(skip).toEqual({ text: '跳到主要内容', href: '#content', outline: 'solid' });
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('content');
    } finally {
      await page.close();
    }
  });

  test.each(locales)(
    'axe-core finds no WCAG 2 A/AA violations on the %s home, list, article, certificate and 404 pages',
    async (locale) => {
      const urls = [
        `/${locale}`,
        `/${locale}/news?page=2`,
        `/${locale}/news/${seedArticle[locale]!.slug}`,
        `/${locale}/certificates/${seedCertificate[locale]!.slug}`,
        `/${locale}/news/${oneLanguageArticles(locale)[0]![locale]!.slug}`,
        `/${locale}/no-such-page`,
      ];
      for (const url of urls) {
        const page = await browser.newPage();
        try {
          const response = await page.goto(`${site.baseUrl}${url}`);
          expect([200, 404]).toContain(response?.status());
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: {
                  run: (
                    context: Document,
                    options: object,
                  ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
                };
              }
            ).axe;
            const result = await axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            });
            return result.violations.map((violation) => ({
              id: violation.id,
              targets: violation.nodes.map((node) => node.target),
            }));
          });
          expect({ url, violations }).toEqual({ url, violations: [] });
        } finally {
          await page.close();
        }
      }
    },
  );

  test('pages are drawn on the server: no page content or UI text is shipped as client code', async () => {
    const pages = [
      '/mn',
      '/zh/news',
      '/mn/news?page=2',
      `/mn/news/${seedArticle.mn!.slug}`,
      `/zh/news/${seedArticle.zh!.slug}`,
      '/zh/certificates',
      `/zh/certificates/${seedCertificate.zh!.slug}`,
      '/mn/search?q=a',
      '/zh/no-such-page',
    ];
    const chunks = new Map<string, Buffer>();
    const report: string[] = [];
    for (const url of pages) {
      const html = await (await fetch(`${site.baseUrl}${url}`)).text();
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      let gzipped = 0;
      for (const src of scripts) {
        if (!chunks.has(src)) chunks.set(src, Buffer.from(await (await fetch(`${site.baseUrl}${src}`)).arrayBuffer()));
        gzipped += zlib.gzipSync(chunks.get(src)!, { level: 9 }).length;
      }
      report.push(`${url}: ${scripts.length} scripts, ${gzipped} B gzipped`);
    }
    // Words that only server components render: the article label, the
    // language switch, search and list texts, the 404 message.
    for (const [src, body] of chunks) {
      const text = body.toString('utf8');
      for (const serverOnly of [
        'Нийтэлсэн',
        '发布日期',
        'data-language-switch',
        'Хайлт',
        '页面未找到',
        'article-card',
        'ld+json',
      ]) {
        expect({ src, contains: text.includes(serverOnly) ? serverOnly : null }).toEqual({ src, contains: null });
      }
    }
    // Reported, not asserted: almost all of it is Next's and React's runtime.
    console.log(`JavaScript per page:\n${report.join('\n')}`);
  });
});
