import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { type CmsInstance, type CmsOptions, startSeededCms } from '../../cms/tests/helpers/cms-instance';
import { launchBrowser } from './reader-data';

// What the browser tests of Strapi's admin panel share: a CMS with a browser, and the login form.

export const screenshots = path.join(rootDir, 'test-results', 'screenshots');

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
      if (!panel.cms) throw new Error('The CMS is not started yet: read it inside a test');
      return panel.cms;
    },
    get browser() {
      if (!panel.browser) throw new Error('The browser is not started yet: read it inside a test');
      return panel.browser;
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
