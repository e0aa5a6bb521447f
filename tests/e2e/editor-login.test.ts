import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.cjs';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';

const screenshots = path.join(rootDir, 'test-results', 'screenshots');

describe('an editor logs in to the admin panel offline', () => {
  let cms: CmsInstance;
  let browser: Browser;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    fs.mkdirSync(screenshots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  }, 60_000);

  test('the demo admin reaches the dashboard and the admin asks nothing of the internet', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      const { protocol, hostname } = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && !['127.0.0.1', 'localhost'].includes(hostname)) {
        foreign.push(request.url());
      }
    });
    try {
      await page.goto(`${cms.baseUrl}/admin`);
      await page.locator('input[name="email"]').fill(cms.admin.email);
      await page.locator('input[name="password"]').fill(cms.admin.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
      await page.getByRole('link', { name: /Content Manager/i }).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshots, 'admin-dashboard.png') });
      expect(foreign).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
