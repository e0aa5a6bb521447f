import path from 'node:path';
import type { Page } from 'playwright-core';
import { chooseInterfaceLanguage, logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

// An editor writes a new article's title in the admin, key by key, and watches the slug follow it:
// transliterated for mn, in pinyin for zh. Once they edit the slug by hand it stays. A slug another
// article already has gets -2 when saved.

const COLLECTIONS = '/admin/content-manager/collection-types';
const SAVE = { mn: 'Хадгалах', 'zh-Hans': '保存' } as const;

const slugInput = (page: Page) => page.locator('input[name="slug"]');

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `admin-slug-${name}.png`) });

/** Waits until the slug field shows `slug`; says what it showed instead if it never does. */
async function slugBecomes(page: Page, slug: string): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => document.querySelector<HTMLInputElement>('input[name="slug"]')?.value === expected,
      slug,
      { timeout: 30_000 },
    );
  } catch {
    await shot(page, 'failure');
    const title = await page.locator('input[name="title"], input[name="name"]').first().inputValue();
    throw new Error(`The slug field shows "${await slugInput(page).inputValue()}", not "${slug}" (title "${title}")`);
  }
}

/** The slug field once the page has rendered what was typed last (the title's effects have run). */
async function slugAfterRender(page: Page): Promise<string> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return slugInput(page).inputValue();
}

/** Opens a new document of `uid` in content locale `locale`, with its form ready. */
async function createNew(page: Page, baseUrl: string, uid: string, locale: string, titleField: string) {
  await page.goto(`${baseUrl}${COLLECTIONS}/${uid}/create?plugins[i18n][locale]=${locale}`);
  await page.locator(`input[name="${titleField}"]`).waitFor({ timeout: 30_000 });
  // As a person does, start typing once the page has finished loading.
  await page.waitForLoadState('networkidle');
}

/** Types into a field at its end, key by key, as a person does. */
async function typeInto(page: Page, name: string, text: string) {
  await page.locator(`input[name="${name}"]`).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 20 });
}

/** Replaces the slug by hand: selects what is there and types over it. */
async function typeSlug(page: Page, slug: string) {
  await slugInput(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(slug, { delay: 20 });
}

/** Saves with the Save button and returns the slug the CMS stored. */
async function save(page: Page, uid: string, language: keyof typeof SAVE): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().includes(`/collection-types/${uid}`) && ['POST', 'PUT'].includes(r.request().method()),
      { timeout: 30_000 },
    ),
    page.getByRole('button', { name: SAVE[language], exact: true }).click(),
  ]);
  expect(response.status()).toBeLessThan(300);
  const body = (await response.json()) as { data: { slug: string } };
  await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30_000 });
  return body.data.slug;
}

describe('slugs follow the title in the admin', () => {
  const panel = setUpAdminPanel();
  let page: Page;

  beforeAll(async () => {
    const context = await panel.browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await logInToAdmin(page, panel.cms, panel.cms.admin);
    await chooseInterfaceLanguage(page, panel.cms, 'mn');
  }, 120_000);

  test('mn: the slug follows the typed title, is saved as it reads, and stays once edited by hand', async () => {
    const { baseUrl } = panel.cms;
    await createNew(page, baseUrl, 'api::article.article', 'mn', 'title');
    // No title yet: no slug made of the type's name.
    expect(await slugAfterRender(page)).not.toBe('article');

    await typeInto(page, 'title', 'Шинэ');
    await slugBecomes(page, 'shine');
    await typeInto(page, 'title', ' гэрчилгээ');
    await slugBecomes(page, 'shine-gerchilgee');
    await shot(page, 'mn-following');
    expect(await save(page, 'api::article.article', 'mn')).toBe('shine-gerchilgee');

    // Reopened, a slug that is still the title's keeps following it.
    await page.reload();
    await slugBecomes(page, 'shine-gerchilgee');
    await typeInto(page, 'title', ' олгов');
    await slugBecomes(page, 'shine-gerchilgee-olgov');

    // Edited by hand, it stays whatever the title becomes, and is saved as typed.
    await typeSlug(page, 'manai-gerchilgee');
    await typeInto(page, 'title', ' 2026');
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Шинэ гэрчилгээ олгов 2026');
    expect(await slugAfterRender(page)).toBe('manai-gerchilgee');
    await shot(page, 'mn-edited-by-hand');
    expect(await save(page, 'api::article.article', 'mn')).toBe('manai-gerchilgee');

    // Reopened, the hand-made slug still stays.
    await page.reload();
    await slugBecomes(page, 'manai-gerchilgee');
    await typeInto(page, 'title', '!');
    expect(await slugAfterRender(page)).toBe('manai-gerchilgee');
  });

  test('mn: once published, the slug stays when the title changes (its address is out in links)', async () => {
    const { baseUrl } = panel.cms;
    await createNew(page, baseUrl, 'api::article.article', 'mn', 'title');
    await typeInto(page, 'title', 'Нийтлэгдсэн мэдээ');
    await slugBecomes(page, 'niitlegdsen-medee');
    expect(await save(page, 'api::article.article', 'mn')).toBe('niitlegdsen-medee');
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', {
        timeout: 30_000,
      }),
      page.getByRole('button', { name: 'Нийтлэх', exact: true }).click(),
    ]);
    expect(published.status()).toBeLessThan(300);

    // A typo fixed in the title of a published article does not move its page.
    await page.reload();
    await slugBecomes(page, 'niitlegdsen-medee');
    await page.waitForLoadState('networkidle');
    await typeInto(page, 'title', ' (засвар)');
    expect(await slugAfterRender(page)).toBe('niitlegdsen-medee');
    await shot(page, 'mn-published-stays');
  });

  test('mn: a title another article has already gets its slug with -2 when saved', async () => {
    const { baseUrl } = panel.cms;
    for (const expected of ['tusgai-zar', 'tusgai-zar-2']) {
      await createNew(page, baseUrl, 'api::article.article', 'mn', 'title');
      await typeInto(page, 'title', 'Тусгай зар');
      await slugBecomes(page, 'tusgai-zar');
      expect(await save(page, 'api::article.article', 'mn')).toBe(expected);
      await slugBecomes(page, expected);
    }
    await shot(page, 'mn-collision');
  });

  test('mn: a certificate and a category follow their name', async () => {
    const { baseUrl } = panel.cms;
    await createNew(page, baseUrl, 'api::certificate.certificate', 'mn', 'name');
    await typeInto(page, 'name', 'Шинэ гэрчилгээ');
    await slugBecomes(page, 'shine-gerchilgee');
    expect(await save(page, 'api::certificate.certificate', 'mn')).toBe('shine-gerchilgee');

    await createNew(page, baseUrl, 'api::category.category', 'mn', 'name');
    await typeInto(page, 'name', 'Үйлдвэрийн мэдээ');
    await slugBecomes(page, 'uildveriin-medee');
    await shot(page, 'mn-category');
    expect(await save(page, 'api::category.category', 'mn')).toBe('uildveriin-medee');
  });

  test('zh: the slug follows the typed title in pinyin and stays once edited by hand', async () => {
    const { baseUrl } = panel.cms;
    await chooseInterfaceLanguage(page, panel.cms, 'zh-Hans');
    await createNew(page, baseUrl, 'api::article.article', 'zh', 'title');
    await typeInto(page, 'title', '新证书');
    await slugBecomes(page, 'xin-zheng-shu');
    await typeInto(page, 'title', '颁发');
    await slugBecomes(page, 'xin-zheng-shu-ban-fa');
    await shot(page, 'zh-following');

    await typeSlug(page, 'zheng-shu-2026');
    await typeInto(page, 'title', '仪式');
    expect(await slugAfterRender(page)).toBe('zheng-shu-2026');
    await shot(page, 'zh-edited-by-hand');
    expect(await save(page, 'api::article.article', 'zh-Hans')).toBe('zheng-shu-2026');
  });
});
