import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.cjs';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { seedArticles } from '../../cms/tests/helpers/seed-data';
import { startSite, type SiteInstance } from './site';

const screenshots = path.join(rootDir, 'test-results', 'screenshots');
const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;

describe('a reader opens the seed article in both languages', () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let browser: Browser;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
    site = await startSite(cms);
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    fs.mkdirSync(screenshots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  test.each([
    { locale: 'mn', variant: seedArticle.mn!, date: '2022 оны 1-р сарын 29', label: 'Шуудангийн цаг' },
    { locale: 'zh', variant: seedArticle.zh!, date: '2022年1月29日', label: '发布时间' },
  ])('/$locale/news/<slug> shows the title and the post date', async ({ locale, variant, date, label }) => {
    const page = await browser.newPage({ locale: locale === 'mn' ? 'mn-MN' : 'zh-CN' });
    try {
      const response = await page.goto(`${site.baseUrl}/${locale}/news/${variant.slug}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').innerText()).resolves.toBe(variant.title);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      const time = page.locator('time[datetime="2022-01-29"]');
      await expect(time.innerText()).resolves.toBe(date);
      await expect(page.locator('body').innerText()).resolves.toContain(label);
      await page.screenshot({ path: path.join(screenshots, `article-${locale}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });

  test('unknown locales and slugs are real 404s', async () => {
    for (const url of ['/xx', '/xx/news', '/mn/news/no-such-article', '/zh/certificates/no-such-certificate', `/zh/news/${seedArticle.mn!.slug}`]) {
      const response = await fetch(`${site.baseUrl}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
    }
  });

  test('/ redirects to the preferred language, mn by default', async () => {
    const preferred = async (acceptLanguage?: string) => {
      const response = await fetch(`${site.baseUrl}/`, {
        redirect: 'manual',
        headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
      });
      expect(response.status).toBeGreaterThanOrEqual(300);
      expect(response.status).toBeLessThan(400);
      return new URL(response.headers.get('location')!, site.baseUrl).pathname;
    };
    await expect(preferred('zh-CN,zh;q=0.9,en;q=0.8')).resolves.toBe('/zh');
    await expect(preferred('mn-MN,mn;q=0.9')).resolves.toBe('/mn');
    await expect(preferred('en-US,en;q=0.9')).resolves.toBe('/mn');
    await expect(preferred()).resolves.toBe('/mn');
  });

  test('the news list has a second page titled like the seed page', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${site.baseUrl}/mn/news?page=2`);
      expect(response?.status()).toBe(200);
      await expect(page.title()).resolves.toContain('мэдээ (2)');
    } finally {
      await page.close();
    }
  });
});
