import fs from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes.cjs';
import { type AdminClient, adminClient } from '../../cms/tests/helpers/admin-api';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { seedCategories, seedGlobal } from '../../cms/tests/helpers/seed-data';
import { logInToAdmin, screenshots } from './admin-panel';
import { launchBrowser, seedArticle, seedCertificate } from './reader-data';
import { frontedSitePorts, startFrontFor, startSite, type SiteInstance } from './site';

// Preview inside the admin, wherever an editor opens it. Like `npm start`, the site's address is
// http://localhost:<port> and the site reaches the CMS at 127.0.0.1: the admin at localhost frames
// a site on the same site, the admin at 127.0.0.1 one on another site (no cookies in its frame).
// Each document has a draft with unpublished changes; the admin's Preview must show the draft on
// its Draft tab and the published version on its Published tab, in its frame.

const ARTICLE = 'api::article.article';
const CERTIFICATE = 'api::certificate.certificate';
const CATEGORY = 'api::category.category';
const GLOBAL = 'api::global.global';
const run = Date.now().toString(36);

interface Previewed {
  uid: string;
  locale: 'mn' | 'zh';
  documentId: string;
  published: string;
  draft: string;
}

/** The documentId of the `locale` variant with `slug` (content API, read token). */
async function documentIdOf(cms: CmsInstance, collection: string, locale: string, slug: string) {
  const response = await fetch(
    `${cms.baseUrl}/api/${collection}?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug)}&fields[0]=slug`,
    { headers: { Authorization: `Bearer ${cms.siteReadToken}` } },
  );
  const json = (await response.json()) as { data: Array<{ documentId: string }> };
  return json.data[0]!.documentId;
}

/** Saves `draft` as the `field` of the seeded variant, without publishing it. */
async function saveDraft(
  cms: CmsInstance,
  api: AdminClient,
  uid: string,
  collection: string,
  locale: 'mn' | 'zh',
  field: 'title' | 'name',
  seeded: { slug: string; title?: string; name?: string },
  draft: string,
): Promise<Previewed> {
  const documentId = await documentIdOf(cms, collection, locale, seeded.slug);
  await api('PUT', `/content-manager/collection-types/${uid}/${documentId}?locale=${locale}`, { [field]: draft });
  return { uid, locale, documentId, published: seeded[field]!, draft };
}

/** Waits for the frame to show `text` in `selector`, and that `absent` is nowhere in it. */
async function frameShows(frame: FrameLocator, selector: string, text: string, absent: string) {
  await frame.locator(selector, { hasText: text }).first().waitFor({ timeout: 30_000 });
  expect(await frame.locator('body').innerText()).not.toContain(absent);
}

/** Opens the document's edit view, clicks Preview, and checks both tabs in the frame. */
async function previewInAdmin(page: Page, adminUrl: string, document: Previewed, heading: string, shot: string) {
  const collection = `${adminUrl}/admin/content-manager/collection-types/${document.uid}`;
  await page.goto(`${collection}/${document.documentId}?plugins[i18n][locale]=${document.locale}`);
  await page.locator('input[name="title"], input[name="name"]').first().waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Open preview' }).click();
  const frame = page.frameLocator('iframe[data-testid="preview-iframe"]');
  await frameShows(frame, heading, document.draft, document.published);
  await page.screenshot({ path: path.join(screenshots, `preview-${shot}-draft.png`) });

  await page.getByRole('tab', { name: /published/i }).click();
  await frameShows(frame, heading, document.published, document.draft);
  await page.screenshot({ path: path.join(screenshots, `preview-${shot}-published.png`) });

  await page.getByRole('tab', { name: /draft/i }).click();
  await frameShows(frame, heading, document.draft, document.published);
}

describe("the admin's Preview shows the draft and the published version in its frame", () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let browser: Browser;
  let api: AdminClient;
  const previewed: Record<'article' | 'certificate' | 'category' | 'global', Previewed> = {} as never;

  beforeAll(async () => {
    const sitePort = await freePort();
    const siteUrl = `http://localhost:${sitePort}`;
    // Its selectors read Strapi's English labels.
    cms = await startSeededCms('sqlite', { site: { url: siteUrl }, env: { CMS_ADMIN_LANGUAGE: 'en' } });
    site = await startSite(cms, { port: sitePort, env: { SITE_URL: siteUrl } });
    browser = await launchBrowser();
    fs.mkdirSync(screenshots, { recursive: true });
    api = await adminClient(cms);

    // A draft with unpublished changes of each: saved, not published.
    previewed.article = await saveDraft(
      cms,
      api,
      ARTICLE,
      'articles',
      'mn',
      'title',
      seedArticle.mn!,
      `Ноорог гарчиг ${run}`,
    );
    previewed.certificate = await saveDraft(
      cms,
      api,
      CERTIFICATE,
      'certificates',
      'zh',
      'name',
      seedCertificate.zh!,
      `草稿证书 ${run}`,
    );
    previewed.category = await saveDraft(
      cms,
      api,
      CATEGORY,
      'categories',
      'zh',
      'name',
      seedCategories[0]!.zh,
      `草稿分类 ${run}`,
    );
    const global = await api('GET', `/content-manager/single-types/${GLOBAL}?locale=mn`);
    const globalDraft = `Ноорог сайт ${run}`;
    await api('PUT', `/content-manager/single-types/${GLOBAL}?locale=mn`, { siteName: globalDraft });
    previewed.global = {
      uid: GLOBAL,
      locale: 'mn',
      documentId: global.data.documentId,
      published: seedGlobal.mn.siteName,
      draft: globalDraft,
    };
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  for (const adminHost of ['localhost', '127.0.0.1']) {
    describe(`the admin at http://${adminHost}:<port>/admin`, () => {
      let page: Page;
      let adminUrl: string;

      beforeAll(async () => {
        adminUrl = cms.baseUrl.replace('127.0.0.1', adminHost);
        // A browser of its own: nothing carried over from the other address.
        page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
        await logInToAdmin(page, { baseUrl: adminUrl }, cms.admin);
      }, 120_000);

      afterAll(async () => {
        await page?.context().close();
      });

      test("an mn article's Preview: the draft on the Draft tab, the published version on the Published tab", async () => {
        await previewInAdmin(page, adminUrl, previewed.article, 'h1', `article-${adminHost}`);
      });

      test("a zh certificate's Preview: the draft on the Draft tab, the published version on the Published tab", async () => {
        await previewInAdmin(page, adminUrl, previewed.certificate, 'h1', `certificate-${adminHost}`);
      });
    });
  }

  describe('every previewable type, each version, as the frame gets it (no cookies)', () => {
    /** The page the admin's preview link for `document` leads to, as a frame without cookies gets it. */
    const previewPage = async (document: Previewed, status: 'draft' | 'published') => {
      const query = new URLSearchParams({ documentId: document.documentId, locale: document.locale, status });
      const { data } = await api('GET', `/content-manager/preview/url/${document.uid}?${query}`);
      const entry = await fetch(data.url, { redirect: 'manual' });
      expect(entry.status).toBe(307);
      const pageUrl = new URL(entry.headers.get('location')!, data.url);
      const response = await fetch(pageUrl);
      return { pageUrl, response, html: await response.text() };
    };

    test.each([
      ['an mn article', 'article', `/mn/news/`],
      ['a zh certificate', 'certificate', `/zh/certificates/`],
      ['a zh category (its news list)', 'category', `/zh/news`],
      ['the mn global settings (the home page)', 'global', `/mn`],
    ] as const)('%s: draft and published, private and framed by the admin only', async (_, key, pagePath) => {
      const document = previewed[key];
      for (const [status, shown, hidden] of [
        ['draft', document.draft, document.published],
        ['published', document.published, document.draft],
      ] as const) {
        const { pageUrl, response, html } = await previewPage(document, status);
        expect(pageUrl.pathname.startsWith(pagePath)).toBe(true);
        expect(response.status).toBe(200);
        expect(html).toContain(shown);
        // The draft never shows through the published version. The published name may on a draft
        // page: a category's news list names it on each published article, and the site name is
        // part of the company name and the SEO title.
        if (status === 'published' || key === 'article' || key === 'certificate') expect(html).not.toContain(hidden);
        expect(response.headers.get('cache-control')).toMatch(/private/);
        expect(response.headers.get('cache-control')).toMatch(/no-store/);
        const cmsPort = new URL(cms.baseUrl).port;
        expect(response.headers.get('content-security-policy')).toMatch(
          new RegExp(`frame-ancestors 'self' http://127\\.0\\.0\\.1:${cmsPort} http://localhost:${cmsPort}(;|$)`),
        );
      }
    });

    test('a public page, or one with a bad scope, is the published version, framed by the site only', async () => {
      const { pageUrl } = await previewPage(previewed.article, 'draft');
      const bad = new URL(pageUrl);
      bad.searchParams.set('preview', `${bad.searchParams.get('preview')!.slice(0, -2)}AA`);
      const plain = new URL(pageUrl);
      plain.search = '';
      for (const url of [plain, bad]) {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).toContain(previewed.article.published);
        expect(html).not.toContain(previewed.article.draft);
        expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
      }
    });
  });
});

describe("behind the production front (nginx): the admin's Preview through it, never cached there", () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let front: Awaited<ReturnType<typeof startFrontFor>>;
  let browser: Browser;
  let article: Previewed;
  let adminUrl: string;
  let frontUrl: string;

  beforeAll(async () => {
    const ports = await frontedSitePorts();
    frontUrl = ports.frontUrl;
    // As in docker-compose.yml and start:cluster: the CMS links previews to the front, editors
    // open the admin through it, and the site knows that address as CMS_PUBLIC_URL.
    adminUrl = `http://127.0.0.1:${ports.frontCms}`;
    cms = await startSeededCms('sqlite', { site: { url: frontUrl }, env: { CMS_ADMIN_LANGUAGE: 'en' } });
    site = await startSite(cms, { port: ports.site, env: { SITE_URL: frontUrl, CMS_PUBLIC_URL: adminUrl } });
    front = await startFrontFor(ports, cms, 'r'.repeat(32));
    browser = await launchBrowser();
    fs.mkdirSync(screenshots, { recursive: true });
    const api = await adminClient(cms);
    article = await saveDraft(cms, api, ARTICLE, 'articles', 'mn', 'title', seedArticle.mn!, `Урдаар ноорог ${run}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await front?.stop();
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  test("an mn article's Preview in the admin opened through the front: the draft, then the published version", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await logInToAdmin(page, { baseUrl: adminUrl }, cms.admin);
    const previewPages: Array<{ path: string; cacheControl: string | null; xCache: string | null }> = [];
    page.on('response', (response) => {
      if (new URL(response.url()).searchParams.has('preview')) {
        previewPages.push({
          path: new URL(response.url()).pathname,
          cacheControl: response.headers()['cache-control'] ?? null,
          xCache: response.headers()['x-cache'] ?? null,
        });
      }
    });
    await previewInAdmin(page, adminUrl, article, 'h1', 'article-front');
    // Each tab's page came from the site through the front, which neither served nor stored it.
    expect(previewPages.length).toBeGreaterThanOrEqual(3);
    for (const answer of previewPages) {
      expect(answer.xCache).toBe('BYPASS');
      expect(answer.cacheControl).toMatch(/private.*no-store|no-store.*private/);
    }
    // And readers of the front still get the published page.
    const published = await (await fetch(`${frontUrl}${previewPages[0]!.path}`)).text();
    expect(published).not.toContain(article.draft);
    await page.close();
  });
});
