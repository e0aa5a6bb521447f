import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.cjs';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { until } from '../../cms/tests/helpers/poll';
import { seedArticles, seedCertificates, seedGlobal, isPublished } from '../../cms/tests/helpers/seed-data';
import { getDictionary } from '../../web/lib/i18n/dictionaries';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startSite, type SiteInstance } from './site';

/**
 * The site while the CMS fails. The site reaches the CMS through a proxy that can answer 503 or
 * hang; the CMS is also really stopped. Cached reads expire after 1 s here
 * (CMS_REVALIDATE_SECONDS), so every fault also exercises the stale-while-revalidate path: the
 * background refetch fails and the cached copy keeps being served.
 */
const articleMn = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!.mn!;
const publishedZh = seedArticles.filter((article) => isPublished(article.zh)).map((article) => article.zh!);
const certificatesZh = seedCertificates.filter((certificate) => certificate.zh).map((certificate) => certificate.zh!);
const certificateMn = seedCertificates.find((certificate) => certificate.mn)!.mn!;

describe('the site while the CMS is unavailable, slow or stopped', () => {
  let cms: CmsInstance;
  let proxy: FaultProxy;
  let site: SiteInstance;
  let browser: Browser;

  // Rendered before any fault; must keep answering 200 with their content.
  const warmPages: Array<[string, string]> = [
    ['/mn', seedGlobal.mn.siteName],
    ['/zh', seedGlobal.zh.siteName],
    ['/mn/news', articleMn.title],
    [`/mn/news/${articleMn.slug}`, articleMn.title],
    [`/zh/news/${publishedZh[0]!.slug}`, publishedZh[0]!.title],
    ['/zh/certificates', certificatesZh[0]!.name],
  ];

  const get = async (path: string) => {
    const response = await fetch(`${site.baseUrl}${path}`, { signal: AbortSignal.timeout(60_000) });
    return { status: response.status, html: await response.text() };
  };
  const expectWarmPagesServed = async () => {
    for (const [path, text] of warmPages) {
      const { status, html } = await get(path);
      expect({ path, status, hasContent: html.includes(text) }).toEqual({ path, status: 200, hasContent: true });
    }
  };
  /** Serves warm pages until the site has gone back to the (failing) CMS at least `times` more times. */
  const expectServedWhileRevalidationFails = async (times = 2) => {
    const target = proxy.requestCount() + times;
    await until(
      'the site retried the CMS in the background',
      async () => {
        await expectWarmPagesServed();
        return proxy.requestCount() >= target;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await expectWarmPagesServed();
  };
  /**
   * What a reader gets for a page that was never rendered: a 500 (nothing is cached) whose
   * document shows app/[locale]/error.tsx in the page's language. Next.js renders that
   * boundary in the browser (the server sends the error shell), hence Chromium.
   */
  const expectLocalizedErrorPage = async (path: string, locale: 'mn' | 'zh') => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${site.baseUrl}${path}`);
      expect(response?.status()).toBe(500);
      const dictionary = getDictionary(locale);
      await expect(page.locator('.status-page[role="alert"] h1').innerText({ timeout: 30_000 })).resolves.toBe(
        dictionary.error.title,
      );
      await expect(page.locator('.status-page[role="alert"]').innerText()).resolves.toContain(dictionary.error.message);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    } finally {
      await page.close();
    }
  };
  const expectRecovered = async (path: string, text: string) => {
    await until(
      `${path} renders again`,
      async () => {
        const { status, html } = await get(path);
        return status === 200 && html.includes(text);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  };

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
    proxy = await startFaultProxy(cms.baseUrl, { slowMs: 15_000 });
    site = await startSite(
      { baseUrl: proxy.baseUrl, siteReadToken: cms.siteReadToken },
      { env: { CMS_REVALIDATE_SECONDS: '1' } },
    );
    await expectWarmPagesServed();
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await proxy?.stop();
    await cms?.stop();
  }, 60_000);

  test('CMS answering 503: cached pages are served, a never-rendered page shows the localized error, then recovers', async () => {
    proxy.setMode('unavailable');
    await expectServedWhileRevalidationFails();
    await expectLocalizedErrorPage('/mn/news?page=2', 'mn');
    await expectLocalizedErrorPage(`/zh/certificates/${certificatesZh[0]!.slug}`, 'zh');

    proxy.setMode('pass');
    await expectRecovered('/mn/news?page=2', 'Бүх мэдээ (2)');
    await expectRecovered(`/zh/certificates/${certificatesZh[0]!.slug}`, certificatesZh[0]!.name);
    await expectWarmPagesServed();
  }, 180_000);

  test('CMS slower than the site waits (10 s): cached pages are served at once, a never-rendered one errors, then recovers', async () => {
    proxy.setMode('slow');
    await expectServedWhileRevalidationFails();
    await expectLocalizedErrorPage(`/zh/news/${publishedZh[1]!.slug}`, 'zh');

    proxy.setMode('pass');
    await expectRecovered(`/zh/news/${publishedZh[1]!.slug}`, publishedZh[1]!.title);
    await expectWarmPagesServed();
  }, 180_000);

  test('CMS stopped: cached pages are served, a never-rendered page shows the localized error, and the site recovers when the CMS is back', async () => {
    await cms.stopServer();
    await expectServedWhileRevalidationFails();
    await expectLocalizedErrorPage('/zh/news?page=2', 'zh');
    await expectLocalizedErrorPage(`/mn/certificates/${certificateMn.slug}`, 'mn');

    await cms.startServer();
    await expectRecovered('/zh/news?page=2', '全部新闻 (2)');
    await expectRecovered(`/mn/certificates/${certificateMn.slug}`, certificateMn.name);
    await expectWarmPagesServed();
  }, 180_000);
});
