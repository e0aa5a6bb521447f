import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminClient } from '../../cms/tests/helpers/admin-api';
import type { CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { until } from '../../cms/tests/helpers/poll';
import { screenshots, setUpEditorStack } from './admin-panel';
import type { SiteInstance } from './site';

// An editor in Ulaanbaatar schedules a draft article in the real admin: picks today in the date
// picker and a time two minutes ahead, saves, finds it in the list of scheduled articles, and
// watches it go live on the site by itself. The scheduler looks every 5 s here (15 s by default).

const ARTICLE = 'api::article.article';
const ZONE = 'Asia/Ulaanbaatar';
/** Bounds a wait for the schedule to fire (two minutes ahead, then a tick and a page render). */
const untilLive = { timeoutMs: 240_000, intervalMs: 1000 };

/** The calendar cell's name and the time input's text for `date`, as an English admin in UTC+8 shows them. */
function inUlaanbaatar(date: Date): { day: string; time: string } {
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(date);
  return { day, time };
}

describe('an editor schedules an article in the admin and it goes live by itself', () => {
  const stack = setUpEditorStack({
    env: { SCHEDULE_INTERVAL_SECONDS: '5' },
    context: { timezoneId: ZONE },
  });
  let cms: CmsInstance;
  let site: SiteInstance;
  let page: Page;
  const slug = `scheduled-${Date.now().toString(36)}`;
  const title = `Товлосон мэдээ ${slug}`;
  let documentId = '';
  let publishAt: Date;

  const shot = (name: string) =>
    page.screenshot({ path: path.join(screenshots, `schedule-${name}.png`), fullPage: true });
  const siteStatus = async () => (await fetch(`${site.baseUrl}/mn/news/${slug}`)).status;

  beforeAll(async () => {
    ({ cms, site, page } = stack);
    const admin = await adminClient(cms);
    const created = await admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=mn`, { title, slug });
    documentId = created.data.documentId;
  }, 60_000);

  test('the date picker sets Publish at, shown as Ulaanbaatar and Shanghai time; saving keeps it a draft', async () => {
    await page.goto(
      `${cms.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=mn`,
    );
    const schedule = page.getByRole('group', { name: 'Publish at', exact: true });
    await schedule.waitFor({ timeout: 30_000 });
    await expect(
      page.getByText('The time is Ulaanbaatar and Shanghai time (UTC+8).').first().isVisible(),
    ).resolves.toBe(true);

    // Two whole minutes ahead: the time input has minutes, not seconds.
    publishAt = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const { day, time } = inUlaanbaatar(publishAt);
    await schedule.getByRole('combobox', { name: 'Choose date' }).click();
    await page.locator(`td[role="gridcell"][aria-label="${day}"]`).click();
    const timeInput = schedule.getByRole('combobox', { name: 'Choose time' });
    await timeInput.fill(time);
    await timeInput.press('Tab');
    await shot('picked');

    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes(`/collection-types/${ARTICLE}/${documentId}`) && r.request().method() === 'PUT',
      ),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    const body = await saved.json();
    expect(new Date(body.data.publishAt).toISOString()).toBe(publishAt.toISOString());
    expect(body.data.publishedAt).toBeNull();
    expect(await siteStatus()).toBe(404);
  }, 120_000);

  test('the list of scheduled articles shows it', async () => {
    await page.goto(
      `${cms.baseUrl}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=mn&filters[$and][0][publishAt][$notNull]=true`,
    );
    const rows = page.locator('main table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining(title)]);
    await shot('list');
  }, 60_000);

  test('at its time the article is on the site, and the admin shows it published with the schedule cleared', async () => {
    await until('the scheduled article on the site', async () => (await siteStatus()) === 200, untilLive);
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
    await page.goto(`${site.baseUrl}/mn/news/${slug}`);
    await expect(page.locator('h1').innerText()).resolves.toBe(title);
    await shot('live');

    await page.goto(
      `${cms.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=mn`,
    );
    const schedule = page.getByRole('group', { name: 'Publish at', exact: true });
    await schedule.waitFor({ timeout: 30_000 });
    await expect(schedule.getByRole('combobox', { name: 'Choose date' }).inputValue()).resolves.toBe('');
    await page.getByText('Published', { exact: true }).first().waitFor({ timeout: 30_000 });
    await shot('published');
  }, 300_000);
});
