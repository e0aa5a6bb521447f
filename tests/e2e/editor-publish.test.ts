import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { until } from '../../cms/tests/helpers/poll';
import { screenshots, setUpEditorStack } from './admin-panel';
import type { SiteInstance } from './site';

// The editor's whole path in the real admin UI, against the built site the CMS notifies:
// the article list, a new mn article (post date defaulted, slug from the title), its preview,
// publish, the zh translation, unpublish.

const ARTICLE = 'api::article.article';
/**
 * How long to wait for the admin or the site to show something. This bounds a wait, not speed: how
 * soon a publish shows is measured by the bench (scripts/bench-publish.mjs), since a wall-clock
 * bound here fails whenever the machine is loaded.
 */
const generously = { timeoutMs: 60_000 };

function todayInUlaanbaatar(): { iso: string; admin: string } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ulaanbaatar',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date())
    .split('-');
  return { iso: `${year}-${month}-${day}`, admin: `${month}/${day}/${year}` };
}

describe('an editor publishes an article from the admin and the site follows', () => {
  const stack = setUpEditorStack();
  let cms: CmsInstance;
  let site: SiteInstance;
  let page: Page;
  const run = Date.now().toString(36);
  const mnTitle = `Шинэ мэдээ ${run}`;
  const zhTitle = `新闻 ${run}`;
  const zhSlug = `xinwen-${run}`;
  let mnSlug = '';
  let documentUrl = '';

  const get = async (sitePath: string) => {
    const response = await fetch(`${site.baseUrl}${sitePath}`);
    return { status: response.status, text: await response.text() };
  };
  const shows = (sitePath: string, text: string) => async () => {
    const answer = await get(sitePath);
    return answer.status === 200 && answer.text.includes(text);
  };
  const shot = (name: string) =>
    page.screenshot({ path: path.join(screenshots, `editor-${name}.png`), fullPage: true });
  /**
   * Clicks `button` and resolves, once the admin's request to `action` has answered, with the
   * variant the CMS says it wrote: a later wait on the site then fails knowing what was published.
   */
  const clickAndWait = async (button: ReturnType<Page['getByRole']>, action: string) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/actions/${action}`) && r.request().method() === 'POST'),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  };

  beforeAll(() => {
    ({ cms, site, page } = stack);
  });

  test('the article list shows title, post date, locales and status, newest post first', async () => {
    await page.goto(`${cms.baseUrl}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=mn`);
    const header = page.locator('thead');
    await header.waitFor({ timeout: 30_000 });
    const columns = (await header.innerText())
      .split('\n')
      .map((text) => text.trim().toLowerCase())
      .filter(Boolean);
    expect(columns).toEqual(['title', 'posted at', 'available in', 'status']);
    const dates = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? ''));
    const parsed = dates.map((text) => Date.parse(text));
    expect(parsed.every(Number.isFinite)).toBe(true);
    expect(parsed).toEqual([...parsed].sort((a, b) => b - a));
    await shot('list');
  });

  test('a new mn article: slug from its title, today as post date, previewed as a draft on the site', async () => {
    await page.goto(`${cms.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=mn`);
    await page.locator('input[name="title"]').fill(mnTitle);
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await until(
      'a slug from the title',
      async () => {
        const slug = await page.locator('input[name="slug"]').inputValue();
        return slug !== '' && slug !== 'article' && slug.endsWith(run);
      },
      generously,
    );
    mnSlug = await page.locator('input[name="slug"]').inputValue();

    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/collection-types/${ARTICLE}`) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    expect(saved.status()).toBe(201);
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    documentUrl = page.url();
    await until(
      'the post date defaulted to today',
      async () => (await page.locator('input[name="postedAt"]').inputValue()) === todayInUlaanbaatar().admin,
      generously,
    );
    expect((await get(`/mn/news/${mnSlug}`)).status).toBe(404);

    await page
      .getByRole('link', { name: 'Open preview' })
      .or(page.getByRole('button', { name: 'Open preview' }))
      .click();
    const frame = page.frameLocator('iframe');
    await frame.locator('h1', { hasText: mnTitle }).waitFor({ timeout: 30_000 });
    await expect(frame.locator('.preview-banner').innerText()).resolves.toContain('Урьдчилан харах горим');
    await shot('preview');
    expect((await get(`/mn/news/${mnSlug}`)).status).toBe(404);

    // The frame's session is this draft's, in an HttpOnly cookie scripts cannot read; the editor's
    // browser keeps it outside the admin too, until the banner's exit link ends it.
    const session = (await page.context().cookies(site.baseUrl)).find((cookie) => cookie.name === 'medee_preview');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await page.goto(`${site.baseUrl}/mn/news/${mnSlug}`);
    await page.locator('h1', { hasText: mnTitle }).waitFor({ timeout: 30_000 });
    const [afterExit] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === `/mn/news/${mnSlug}`),
      page.locator('.preview-banner__exit').click(),
    ]);
    expect(afterExit.status()).toBe(404);
    expect(await page.locator('.preview-banner').count()).toBe(0);
    expect((await page.context().cookies(site.baseUrl)).map((cookie) => cookie.name)).not.toContain('medee_preview');
    await page.goto(documentUrl);
  });

  test('publishing it puts it on the news list and its page', async () => {
    const published = await clickAndWait(page.getByRole('button', { name: 'Publish' }), 'publish');
    expect(published).toMatchObject({ locale: 'mn', title: mnTitle, slug: mnSlug, status: 'published' });
    await Promise.all([
      until('the article page', shows(`/mn/news/${mnSlug}`, mnTitle), generously),
      until('the news list', shows('/mn/news', mnTitle), generously),
    ]);
    expect((await get(`/mn/news/${mnSlug}`)).text).toContain(`dateTime="${todayInUlaanbaatar().iso}"`);
    await shot('published');
  });

  test("the zh translation, created from the admin's locale switch, is published on the zh site and linked from the mn page", async () => {
    await page.getByRole('combobox', { name: 'Locales' }).click();
    await page.getByRole('option', { name: /中文/ }).click();
    await page.waitForURL((url) => url.search.includes('locale]=zh'));
    await page.locator('input[name="title"]').fill(zhTitle);
    await page.locator('input[name="slug"]').fill(zhSlug);
    const published = await clickAndWait(page.getByRole('button', { name: 'Publish' }), 'publish');
    expect(published).toMatchObject({ locale: 'zh', title: zhTitle, slug: zhSlug, status: 'published' });
    await Promise.all([
      until('the zh page', shows(`/zh/news/${zhSlug}`, zhTitle), generously),
      until('the zh news list', shows('/zh/news', zhTitle), generously),
    ]);
    // The site's language switch leads to the other language's home page in this version; the
    // article's own link to its translation is the page's hreflang alternate.
    await until("the mn page's link to the translation", shows(`/mn/news/${mnSlug}`, `/zh/news/${zhSlug}`), generously);
    await shot('translated');
  });

  test('unpublishing the mn article makes its page 404 and takes it off the list (and the sitemap and feed, where they exist)', async () => {
    // The sitemap and the feed come with issue 3; where they list the article, it must leave them too.
    const extras: string[] = [];
    for (const sitePath of ['/sitemap.xml', '/mn/feed.xml']) {
      const answer = await get(sitePath);
      if (answer.status === 200 && answer.text.includes(mnSlug)) extras.push(sitePath);
    }

    await page.goto(documentUrl.replace(/locale%5D=zh|locale]=zh/, 'locale]=mn'));
    await page.getByRole('button', { name: 'More document actions' }).click();
    const unpublished = page.waitForResponse(
      (r) => r.url().includes('/actions/unpublish') && r.request().method() === 'POST',
    );
    await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
    // The admin asks for confirmation only when the draft has unpublished changes.
    const dialog = page.getByRole('alertdialog');
    const asked = await Promise.race([
      unpublished.then(() => false),
      dialog.waitFor({ state: 'visible' }).then(
        () => true,
        () => false,
      ),
    ]);
    if (asked)
      await dialog
        .getByRole('button', { name: /confirm|unpublish/i })
        .last()
        .click();
    const response = await unpublished;
    expect(response.status()).toBe(200);

    await until('the page to 404', async () => (await get(`/mn/news/${mnSlug}`)).status === 404, generously);
    await until(
      'the list without it',
      async () => {
        const list = await get('/mn/news');
        return list.status === 200 && !list.text.includes(mnTitle);
      },
      generously,
    );
    for (const sitePath of extras) {
      await until(`${sitePath} without it`, async () => !(await get(sitePath)).text.includes(mnSlug), generously);
    }
    expect((await get(`/zh/news/${zhSlug}`)).status).toBe(200);
    await shot('unpublished');
  });
});
