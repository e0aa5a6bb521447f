import type { Browser, BrowserContext } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes.cjs';
import { errorTitle, launchBrowser, serverDocument, type Locale } from './reader-data';
import { startSite, type SiteInstance } from './site';

// The site with its CMS down (nothing listens on the CMS port) and nothing
// cached: readers get the localized error page, never a stack trace.

describe('when the CMS cannot be reached', () => {
  let site: SiteInstance;
  let browser: Browser;
  let noScript: BrowserContext;

  beforeAll(async () => {
    const closedPort = await freePort();
    site = await startSite(
      { baseUrl: `http://127.0.0.1:${closedPort}`, siteReadToken: 'unused' },
      { readyPath: '/robots.txt' },
    );
    browser = await launchBrowser();
    noScript = await browser.newContext({ javaScriptEnabled: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  }, 60_000);

  test.each([
    { url: '/mn', locale: 'mn' as Locale },
    { url: '/zh/news?page=2', locale: 'zh' as Locale },
    { url: '/mn/news/some-article', locale: 'mn' as Locale },
    { url: '/zh/certificates', locale: 'zh' as Locale },
  ])('$url answers 500 with the localized error page in the server HTML', async ({ url, locale }) => {
    const { status, headers, html, page } = await serverDocument(noScript, `${site.baseUrl}${url}`);
    try {
      expect(status).toBe(500);
      // Not cached: the page is rendered afresh once the CMS is back.
      expect(headers.get('cache-control')).toMatch(/no-store/);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await expect(page.locator('main h1').innerText()).resolves.toBe(errorTitle[locale]);
      await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
      expect(html).not.toMatch(/CmsUnavailableError|ECONNREFUSED|fetch failed|at async|\.js:\d+:\d+/);
    } finally {
      await page.close();
    }
  });

  test('with JavaScript, the search page shows the localized error too', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${site.baseUrl}/mn/search?q=${encodeURIComponent('гэрчилгээ')}`);
      expect(response?.status()).toBe(500);
      await expect(page.locator('[role="alert"] h1').innerText()).resolves.toBe(errorTitle.mn);
    } finally {
      await page.close();
    }
  });

  test('feeds and the sitemap fail with a bare 500, without details', async () => {
    for (const url of ['/zh/feed.xml', '/sitemap.xml']) {
      const response = await fetch(`${site.baseUrl}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 500 });
      expect(await response.text()).not.toMatch(/Cms|ECONNREFUSED|at async/);
    }
  });
});
