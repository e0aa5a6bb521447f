import fs from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes.cjs';
import { type AdminClient, adminClient } from '../../cms/tests/helpers/admin-api';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { seedCategories, seedGlobal } from '../../cms/tests/helpers/seed-data';
import { logInToAdmin, screenshots } from './admin-panel';
import { launchBrowser, seedArticle, seedCertificate } from './reader-data';
import { startSite, type SiteInstance } from './site';

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

describe("the admin's Preview shows the draft and the published version in its frame", () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let browser: Browser;
  let api: AdminClient;
  const previewed: Record<'article' | 'certificate' | 'category' | 'global', Previewed> = {} as never;

  /** The documentId of the `locale` variant with `slug` (content API, read token). */
  const documentIdOf = async (collection: string, locale: string, slug: string) => {
    const response = await fetch(
      `${cms.baseUrl}/api/${collection}?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug)}&fields[0]=slug`,
      { headers: { Authorization: `Bearer ${cms.siteReadToken}` } },
    );
    const json = (await response.json()) as { data: Array<{ documentId: string }> };
    return json.data[0]!.documentId;
  };

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
    const collectionDraft = async (
      uid: string,
      collection: string,
      locale: 'mn' | 'zh',
      field: 'title' | 'name',
      seeded: { slug: string; title?: string; name?: string },
      draft: string,
    ): Promise<Previewed> => {
      const documentId = await documentIdOf(collection, locale, seeded.slug);
      await api('PUT', `/content-manager/collection-types/${uid}/${documentId}?locale=${locale}`, { [field]: draft });
      return { uid, locale, documentId, published: seeded[field]!, draft };
    };
    previewed.article = await collectionDraft(
      ARTICLE,
      'articles',
      'mn',
      'title',
      seedArticle.mn!,
      `Ноорог гарчиг ${run}`,
    );
    previewed.certificate = await collectionDraft(
      CERTIFICATE,
      'certificates',
      'zh',
      'name',
      seedCertificate.zh!,
      `草稿证书 ${run}`,
    );
    previewed.category = await collectionDraft(
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

  /** Waits for the frame to show `text` in `selector`, and that `absent` is nowhere in it. */
  const frameShows = async (frame: FrameLocator, selector: string, text: string, absent: string) => {
    await frame.locator(selector, { hasText: text }).first().waitFor({ timeout: 30_000 });
    expect(await frame.locator('body').innerText()).not.toContain(absent);
  };

  /** Opens the document's edit view, clicks Preview, and checks both tabs in the frame. */
  const previewInAdmin = async (page: Page, adminUrl: string, document: Previewed, heading: string, shot: string) => {
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
  };

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
