import path from 'node:path';
import type { Page } from 'playwright-core';
import { seedArticles } from '../../cms/tests/helpers/seed-data';
import { chooseInterfaceLanguage, logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

// An editor overwrites a paragraph of a published article and saves; then opens History, compares
// the older version with the draft, and restores it. The draft is back; the site kept showing the
// published text all along, because a restore never publishes.

const ARTICLE = 'api::article.article';
const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;
const ADDED = ' Энэ өгүүлбэрийг андуурч нэмсэн.';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, `admin-history-${name}.png`) });

/** The body (blocks) editor's text. */
const bodyText = (page: Page) =>
  page.locator('[name="body"] [contenteditable="true"], [contenteditable="true"]').first();

describe('History in the admin: compare and restore', () => {
  const panel = setUpAdminPanel();
  let page: Page;

  beforeAll(async () => {
    const context = await panel.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    await logInToAdmin(page, panel.cms, panel.cms.admin);
    await chooseInterfaceLanguage(page, panel.cms, 'mn');
  }, 120_000);

  const publicBody = async (documentId: string) => {
    const response = await fetch(`${panel.cms.baseUrl}/api/articles/${documentId}?locale=mn`, {
      headers: { Authorization: `Bearer ${panel.cms.siteReadToken}` },
    });
    return JSON.stringify(((await response.json()) as { data: { body: unknown } }).data.body);
  };

  test('mn: edit a paragraph and save, open History, see the difference, restore the older version as the draft', async () => {
    const { baseUrl } = panel.cms;
    // The seed article's edit view, from the list as a person opens it.
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=mn&_q=${encodeURIComponent(seedArticle.mn!.title)}`,
    );
    await page.getByText(seedArticle.mn!.title, { exact: true }).first().click({ timeout: 30_000 });
    await page.locator('input[name="title"]').waitFor({ timeout: 30_000 });
    const documentId = new URL(page.url()).pathname.split('/').pop()!;
    await page.waitForLoadState('networkidle');
    const publishedBefore = await publicBody(documentId);
    const original = await bodyText(page).innerText();

    // Overwrite: a sentence typed at the end of the first paragraph, then Save.
    await bodyText(page).locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(ADDED, { delay: 10 });
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/collection-types/${ARTICLE}/`) && r.request().method() === 'PUT', {
        timeout: 30_000,
      }),
      page.getByRole('button', { name: 'Хадгалах', exact: true }).click(),
    ]);
    expect(saved.status()).toBe(200);

    // The History panel lists the save on top; the version before it is the seed's.
    const versions = page.locator('[data-testid="history-versions"] [data-version]');
    await page.getByText('Түүх', { exact: true }).first().waitFor({ timeout: 30_000 });
    await expectCount(page, versions, 2);
    await versions.first().getByText('Хадгалсан').waitFor({ timeout: 30_000 });
    await shot(page, 'panel');
    await versions.nth(1).getByRole('button', { name: 'Харьцуулах' }).click();

    // The body differs by the added sentence: struck out, since restoring removes it.
    const removed = page.locator('[data-field="body"] del[data-diff="removed"]');
    await removed.first().waitFor({ timeout: 30_000 });
    expect((await removed.allInnerTexts()).join('')).toContain('андуурч');
    await shot(page, 'compare');

    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/restore') && r.request().method() === 'POST', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Ноорог болгон сэргээх' }).click(),
    ]);
    // The edit view reloads with the restored draft: the sentence is gone.
    await page.waitForFunction(
      (added) => {
        const editor = document.querySelector('[contenteditable="true"]');
        return editor && !editor.textContent?.includes(added.trim());
      },
      ADDED,
      { timeout: 30_000 },
    );
    expect((await bodyText(page).innerText()).trim()).toBe(original.trim());
    // The restore is itself a version, on top.
    await versions.first().getByText('Сэргээсэн').waitFor({ timeout: 30_000 });
    await shot(page, 'restored');

    // Still published, with the text it had: nothing was published by the restore.
    expect(await publicBody(documentId)).toBe(publishedBefore);
    expect(publishedBefore).not.toContain('андуурч');
  });
});

/** Waits until `locator` matches at least `count` elements. */
async function expectCount(page: Page, locator: ReturnType<Page['locator']>, count: number) {
  await page.waitForFunction(
    ([selector, wanted]) => document.querySelectorAll(selector as string).length >= (wanted as number),
    ['[data-testid="history-versions"] [data-version]', count],
    { timeout: 30_000 },
  );
  expect(await locator.count()).toBeGreaterThanOrEqual(count);
}
