import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { freePort } from '../../scripts/lib/processes.cjs';
import { generateApiTokenKey } from '../../scripts/lib/secrets.cjs';
import { type CmsInstance, type CmsOptions, startSeededCms } from '../../cms/tests/helpers/cms-instance';
import { launchBrowser } from './reader-data';
import { frontedSitePorts, type SiteInstance, startFrontFor, startSite } from './site';

// What the browser tests of Strapi's admin panel share: a CMS with a browser, and the login form.

export const screenshots = path.join(rootDir, 'test-results', 'screenshots');

/**
 * Starts a seeded CMS and a browser before the tests of the describe block it is called in, and
 * stops both after them. Its `cms` and `browser` are set from the first test on.
 */
/** `holder[key]`, or a clear error when a test reads it before beforeAll has set it. */
function started<T>(holder: Partial<Record<string, unknown>>, key: string): T {
  const value = holder[key];
  if (value === undefined) throw new Error(`The ${key} is not started yet: read it inside a test`);
  return value as T;
}

/**
 * Starts a seeded CMS and a browser before the tests of the describe block it is called in, and
 * stops both after them. Its `cms` and `browser` are set from the first test on.
 */
export function setUpAdminPanel(options: CmsOptions = {}): { readonly cms: CmsInstance; readonly browser: Browser } {
  const panel: { cms?: CmsInstance; browser?: Browser } = {};
  beforeAll(async () => {
    panel.cms = await startSeededCms('sqlite', options);
    panel.browser = await launchBrowser();
    fs.mkdirSync(screenshots, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await panel.browser?.close();
    await panel.cms?.stop();
  }, 60_000);
  return {
    get cms() {
      return started<CmsInstance>(panel, 'cms');
    },
    get browser() {
      return started<Browser>(panel, 'browser');
    },
  };
}

export interface EditorStack {
  readonly cms: CmsInstance;
  readonly site: SiteInstance;
  /** Where readers go: the front's address when there is one, else the site's. */
  readonly siteUrl: string;
  readonly browser: Browser;
  /** A page signed in to the admin as the demo admin. */
  readonly page: Page;
}

/**
 * What an editor's whole-path test needs, started before the tests of the describe block and
 * stopped after them: a seeded CMS in the English admin (the tests read Strapi's English labels;
 * admin-i18n.test.ts covers the other languages) whose change notices reach a built site, the
 * site directly or behind the production front (`front: true`, as compose and start:cluster
 * run it), and a browser page signed in to the admin.
 */
export function setUpEditorStack(
  options: { front?: boolean; env?: Record<string, string>; context?: BrowserContextOptions } = {},
): EditorStack {
  const stack: Partial<Record<keyof EditorStack, unknown>> = {};
  let stopFront: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const env = { CMS_ADMIN_LANGUAGE: 'en', ...options.env };
    let cms: CmsInstance;
    if (options.front) {
      const ports = await frontedSitePorts();
      const token = generateApiTokenKey();
      cms = await startSeededCms('sqlite', {
        site: { url: ports.frontUrl, revalidateUrl: `${ports.frontUrl}/api/revalidate` },
        env,
      });
      stack.cms = cms;
      stack.site = await startSite(cms, {
        port: ports.site,
        env: { SITE_URL: ports.frontUrl, FRONT_URL: ports.frontUrl, FRONT_REFRESH_TOKEN: token },
      });
      stopFront = (await startFrontFor(ports, cms, token)).stop;
      stack.siteUrl = ports.frontUrl;
    } else {
      const sitePort = await freePort();
      cms = await startSeededCms('sqlite', { site: { url: `http://127.0.0.1:${sitePort}` }, env });
      stack.cms = cms;
      const site = await startSite(cms, { port: sitePort });
      stack.site = site;
      stack.siteUrl = site.baseUrl;
    }
    const browser = await launchBrowser();
    stack.browser = browser;
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options.context });
    const page = await context.newPage();
    stack.page = page;
    fs.mkdirSync(screenshots, { recursive: true });
    await logInToAdmin(page, cms, cms.admin);
  }, 300_000);
  afterAll(async () => {
    await (stack.browser as Browser | undefined)?.close();
    await stopFront?.();
    await (stack.site as SiteInstance | undefined)?.stop();
    await (stack.cms as CmsInstance | undefined)?.stop();
  }, 60_000);
  return {
    get cms() {
      return started<CmsInstance>(stack, 'cms');
    },
    get site() {
      return started<SiteInstance>(stack, 'site');
    },
    get siteUrl() {
      return started<string>(stack, 'siteUrl');
    },
    get browser() {
      return started<Browser>(stack, 'browser');
    },
    get page() {
      return started<Page>(stack, 'page');
    },
  };
}

/** Signs in through the admin panel's login form, as a person would, and waits to be let in. */
export async function logInToAdmin(
  page: Page,
  cms: Pick<CmsInstance, 'baseUrl'>,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto(`${cms.baseUrl}/admin`);
  await page.locator('input[name="email"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
}

const LANGUAGE_NAMES = { en: 'English', mn: 'Монгол', 'zh-Hans': '中文' } as const;

/** Picks the interface language in the signed-in user's profile, as a person would, and saves it. */
export async function chooseInterfaceLanguage(
  page: Page,
  cms: Pick<CmsInstance, 'baseUrl'>,
  language: keyof typeof LANGUAGE_NAMES,
): Promise<void> {
  await page.goto(`${cms.baseUrl}/admin/me`);
  const languageSelect = page.locator('[role="combobox"]').first();
  await languageSelect.waitFor({ timeout: 30_000 });
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await languageSelect.click();
  await page.getByRole('option', { name: LANGUAGE_NAMES[language] }).click();
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/admin/users/me') && r.request().method() === 'PUT'),
    page.locator('button[type="submit"]').click(),
  ]);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language, { timeout: 30_000 });
}
