import path from 'node:path';
import type { Page } from 'playwright-core';
import { chooseInterfaceLanguage, logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

// The admin in Mongolian and Chinese as an editor sees it: the screens an editor and a translator
// work in show (almost) no English. History and scheduling (Releases) are licensed features that
// Strapi 5.54 CE does not show, so they have no screen to check here.

/**
 * Names that read the same in every language: the product, codes, keyboard keys, and the initials
 * of the demo admin ("medee admin") on the avatar.
 */
const NAMES = new Set([
  'Strapi',
  'SEO',
  'ID',
  'XLIFF',
  'URL',
  'PDF',
  'Ctrl',
  'Cmd',
  'Command',
  'Control',
  'Shift',
  'Enter',
  'MA',
  // Time-zone notation (the schedule hint's "UTC+8"), written so in Mongolian and Chinese too.
  'UTC',
]);
/** "A handful": the rest of the Latin-letter words per screen, e.g. a user's or a file's name. */
const HANDFUL = 5;

const ARTICLES = '/admin/content-manager/collection-types/api::article.article';

/** The words in Latin letters a person reads on the page (its visible text), minus names. */
async function latinWords(page: Page): Promise<string[]> {
  const text = (await page.locator('body').innerText())
    // File names and slugs (the media library's cards, an article's address) are names too.
    .replace(/[\w.-]+\.(?:jpe?g|png|gif|webp|avif|pdf)\b/gi, ' ')
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]*)+/g, ' ');
  return (text.match(/[A-Za-z][A-Za-z']+/g) ?? []).filter((word) => !NAMES.has(word));
}

/** Waits for a screen to settle, takes its screenshot and lists its Latin-letter words. */
async function readScreen(page: Page, screen: string, language: string): Promise<string[]> {
  // The menu, the page's header and its main area, then late translations and lazy panels.
  await page.locator('nav').first().waitFor({ timeout: 30_000 });
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  // The slug field shows a spinner (an icon titled "Loading", Strapi's own) until its availability
  // check answers, which takes seconds on a loaded machine: read the settled screen.
  await page.waitForFunction(() => !/\bLoading\b/.test(document.body.innerText), null, { timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, `admin-${language}-${screen}.png`), fullPage: true });
  return latinWords(page);
}

/** Every editor screen with more than a handful of Latin-letter words, and those words. */
async function englishOnEditorScreens(page: Page, baseUrl: string, language: string) {
  const words: Record<string, string[]> = {};

  await page.goto(`${baseUrl}${ARTICLES}`);
  await page.locator('main table tbody tr').first().waitFor({ timeout: 30_000 });
  words['article list'] = await readScreen(page, 'article-list', language);

  await page.goto(`${baseUrl}${ARTICLES}/create`);
  await page.locator('input[name="title"]').waitFor({ timeout: 30_000 });
  words['create screen'] = await readScreen(page, 'article-create', language);

  // An article with relations (category, certificates) in its edit view.
  await page.goto(`${baseUrl}${ARTICLES}`);
  await page.locator('main table tbody tr').first().click();
  await page.locator('input[name="title"]').waitFor({ timeout: 30_000 });
  await page.locator('[name="category"], [name="certificates"]').first().waitFor({ timeout: 30_000 });
  words['edit screen'] = await readScreen(page, 'article-edit', language);

  await page.goto(`${baseUrl}/admin/plugins/upload`);
  words['media library'] = await readScreen(page, 'media-library', language);

  await page.goto(`${baseUrl}/admin/translations`);
  await page.locator('main table tbody tr').first().waitFor({ timeout: 30_000 });
  words.Translations = await readScreen(page, 'translations', language);

  return Object.fromEntries(Object.entries(words).filter(([, found]) => found.length > HANDFUL));
}

describe('the admin in Mongolian and Chinese', () => {
  const panel = setUpAdminPanel();

  test('the login page offers Монгол and 中文 next to English', async () => {
    const page = await panel.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${panel.cms.baseUrl}/admin/auth/login`);
      await page.locator('input[name="email"]').waitFor({ timeout: 30_000 });
      await page.locator('[role="combobox"]').first().click();
      const options = await page.getByRole('option').allInnerTexts();
      expect(options.map((option) => option.trim()).sort()).toEqual(['English', 'Монгол', '中文'].sort());
      await page.screenshot({ path: path.join(screenshots, 'admin-login-languages.png') });
    } finally {
      await page.close();
    }
  });

  test('the demo admin starts in Mongolian; the editor screens are in Mongolian', async () => {
    const { cms, browser } = panel;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await logInToAdmin(page, cms, cms.admin);
      await page.waitForFunction(() => document.documentElement.lang === 'mn', null, { timeout: 30_000 });
      await expect(englishOnEditorScreens(page, cms.baseUrl, 'mn')).resolves.toEqual({});
    } finally {
      await page.close();
    }
  });

  test('a user who picks 中文 in the profile keeps it at the next login; the screens are in Chinese', async () => {
    const { cms, browser } = panel;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      await logInToAdmin(page, cms, cms.admin);
      await chooseInterfaceLanguage(page, cms, 'zh-Hans');

      // A new browser (no local storage): the choice comes back from the user's profile.
      const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const again = await fresh.newPage();
        await logInToAdmin(again, cms, cms.admin);
        await again.waitForFunction(() => document.documentElement.lang === 'zh-Hans', null, { timeout: 30_000 });
        await expect(englishOnEditorScreens(again, cms.baseUrl, 'zh-Hans')).resolves.toEqual({});
      } finally {
        await fresh.close();
      }
    } finally {
      await context.close();
    }
  });

  test('translators start in their locale’s interface language', async () => {
    const { cms, browser } = panel;
    for (const [locale, language] of [
      ['mn', 'mn'],
      ['zh', 'zh-Hans'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        await logInToAdmin(page, cms, cms.translators[locale]);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language, { timeout: 30_000 });
      } finally {
        await context.close();
      }
    }
  });
});
