import path from 'node:path';
import { logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

describe('an editor logs in to the admin panel offline', () => {
  // Its selectors read Strapi's English labels (admin-i18n.test.ts covers the other languages).
  const panel = setUpAdminPanel({ env: { CMS_ADMIN_LANGUAGE: 'en' } });

  test('the demo admin reaches the dashboard and the admin asks nothing of the internet', async () => {
    const { cms, browser } = panel;
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      const { protocol, hostname } = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && !['127.0.0.1', 'localhost'].includes(hostname)) {
        foreign.push(request.url());
      }
    });
    try {
      await logInToAdmin(page, cms, cms.admin);
      await page
        .getByRole('link', { name: /Content Manager/i })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshots, 'admin-dashboard.png') });
      expect(foreign).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
