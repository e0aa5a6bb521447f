import path from 'node:path';
import { seedArticles } from '../../cms/tests/helpers/seed-data';
import { logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;

describe('a translator works in the admin panel', () => {
  const panel = setUpAdminPanel();

  test('the zh translator sees the Translations view with the seed article and opens it in zh', async () => {
    const { cms, browser } = panel;
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await logInToAdmin(page, cms, cms.translators.zh);

      // The zh translator's admin is in Chinese: find things by address and data attributes.
      await page.locator('nav a[href$="/translations"]').first().click({ timeout: 30_000 });
      await page.waitForURL(/\/admin\/translations/);
      const row = page.locator('tr', { hasText: seedArticle.mn!.title });
      await row.waitFor({ timeout: 30_000 });
      // The page opens on the translator's own locale: the zh column only.
      await expect(page.getByRole('combobox', { name: '语言' }).textContent()).resolves.toContain('中文');
      await expect(page.locator('td[data-locale="mn"]').count()).resolves.toBe(0);
      await expect(row.locator('td[data-locale="zh"] [data-status]').textContent()).resolves.toBe('已发布');
      // A Mongolian-only article needs a Chinese translation, which the zh translator may start.
      const mnOnly = seedArticles.find((article) => article.mn && !article.zh)!;
      const mnOnlyZh = page.locator('tr', { hasText: mnOnly.mn!.title }).locator('td[data-locale="zh"]');
      await expect(mnOnlyZh.locator('[data-status]').textContent()).resolves.toBe('未翻译');
      await expect(mnOnlyZh.locator('a').textContent()).resolves.toBe('翻译成中文');
      await page.screenshot({ path: path.join(screenshots, 'translator-status.png'), fullPage: true });

      // All locales: the mn column shows statuses, but offers no "Translate into mn" the zh translator cannot do.
      await page.getByRole('combobox', { name: '语言' }).click();
      await page.getByRole('option', { name: '全部语言' }).click();
      await expect(row.locator('td[data-locale="mn"] [data-status]').textContent()).resolves.toBe('已发布 · 原文');
      const zhOnly = seedArticles.find((article) => article.zh && !article.mn)!;
      const zhOnlyMn = page.locator('tr', { hasText: zhOnly.zh!.title }).locator('td[data-locale="mn"]');
      await zhOnlyMn.locator('[data-status]').waitFor({ timeout: 30_000 });
      await expect(page.locator('td[data-locale="mn"] a').allTextContents()).resolves.not.toContain('翻译成蒙古语');
      await expect(zhOnlyMn.locator('a').count()).resolves.toBe(0);
      await page.screenshot({ path: path.join(screenshots, 'translator-status-all.png'), fullPage: true });

      await row.locator('td[data-locale="zh"] a').click();
      await page.waitForURL(/content-manager\/collection-types\/api::article\.article\/.+locale.*zh/);
      const title = page.locator('input[name="title"]');
      await title.waitFor({ timeout: 30_000 });
      await expect(title.inputValue()).resolves.toBe(seedArticle.zh!.title);
      // The edit view's side panel shows the same status for this document.
      const panelZh = page.locator('[data-locale="zh"] [data-status]');
      await panelZh.waitFor({ timeout: 30_000 });
      await expect(panelZh.textContent()).resolves.toBe('已发布');
      await expect(page.locator('[data-locale="mn"] [data-status]').textContent()).resolves.toBe('已发布 · 原文');
      await page.screenshot({ path: path.join(screenshots, 'translator-edit-zh.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
  test("the edit view's Translations panel shows the new status right after a save", async () => {
    const { cms, browser } = panel;
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await logInToAdmin(page, cms, cms.translators.zh);
      await page.locator('nav a[href$="/translations"]').first().click({ timeout: 30_000 });
      // A Mongolian-only article: the zh translator starts its Chinese version from the status page.
      const mnOnly = seedArticles.filter((article) => article.mn && !article.zh).at(-1)!;
      const cell = page.locator('tr', { hasText: mnOnly.mn!.title }).locator('td[data-locale="zh"]');
      await cell.locator('a').click({ timeout: 30_000 });
      await page.waitForURL(/content-manager\/collection-types\/api::article\.article\/.+locale.*zh/);
      const badge = page.locator('[data-locale="zh"] [data-status]');
      await expect(badge.textContent({ timeout: 30_000 })).resolves.toBe('未翻译');
      await page.locator('input[name="title"]').fill('蒙古国学校捐赠活动');
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().includes('/collection-types/api::article.article') &&
            ['POST', 'PUT'].includes(r.request().method()),
          { timeout: 30_000 },
        ),
        page.getByRole('button', { name: '保存', exact: true }).click(),
      ]);
      expect(response.status()).toBeLessThan(300);
      // No reload: the panel reads the status again after the save.
      await page.locator('[data-locale="zh"] [data-status="draft"]').waitFor({ timeout: 30_000 });
      await expect(badge.textContent()).resolves.toBe('仅草稿');
      await page.screenshot({ path: path.join(screenshots, 'translator-panel-after-save.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
