import path from 'node:path';
import type { Page } from 'playwright-core';
import { chooseInterfaceLanguage, logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

// An editor with the interface in Mongolian or Chinese picks an article's post date (postedAt) in
// Strapi's date picker: the calendar reads in the interface language, the picked day is what is
// saved. The design system formats the calendar with the browser's Intl, which in Chromium has no
// Mongolian.

const ARTICLES = '/admin/content-manager/collection-types/api::article.article';

const LANGUAGES = {
  mn: {
    // CLDR's stand-alone month names, the way a calendar heading names a month.
    months: [
      'Нэгдүгээр сар',
      'Хоёрдугаар сар',
      'Гуравдугаар сар',
      'Дөрөвдүгээр сар',
      'Тавдугаар сар',
      'Зургаадугаар сар',
      'Долоодугаар сар',
      'Наймдугаар сар',
      'Есдүгээр сар',
      'Аравдугаар сар',
      'Арван нэгдүгээр сар',
      'Арван хоёрдугаар сар',
    ],
    // Mongolia's week starts on Monday.
    weekdays: ['Да', 'Мя', 'Лх', 'Пү', 'Ба', 'Бя', 'Ня'],
    /** The input's value, year first as Mongolians write a date. */
    value: (y: string, m: string, d: string) => `${y}.${m}.${d}`,
    save: 'Хадгалах',
  },
  'zh-Hans': {
    months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    value: (y: string, m: string, d: string) => `${y}/${m}/${d}`,
    save: '保存',
  },
} as const;

/** The Latin-letter words in a text (the date picker has no names to allow). */
const latinWords = (text: string) => text.match(/[A-Za-z]{2,}/g) ?? [];

/**
 * Opens the first article, picks another day of its post date's month in the calendar, saves,
 * reloads, and returns what the editor saw and what came back.
 */
async function pickPostDate(page: Page, baseUrl: string, language: keyof typeof LANGUAGES) {
  const { save } = LANGUAGES[language];
  await page.goto(`${baseUrl}${ARTICLES}`);
  await page.locator('main table tbody tr').first().click();
  const input = page.locator('input[name="postedAt"]');
  await input.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="postedAt"]')?.value, null, {
    timeout: 30_000,
  });
  const before = await input.inputValue();
  // Another day of the same month; 15 and 16 appear once in any month's grid.
  const picked = before.endsWith('15') ? '16' : '15';

  await input.click();
  const calendar = page.locator('[role="dialog"]').filter({ has: page.locator('table[role="grid"]') });
  await calendar.waitFor({ timeout: 30_000 });
  await calendar.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)));
  await page.screenshot({ path: path.join(screenshots, `admin-${language}-date-picker.png`) });
  const seen = {
    before,
    month: await calendar.locator('[role="combobox"]').first().innerText(),
    weekdays: (await calendar.locator('thead th').allInnerTexts()).map((day) => day.trim()),
    // What a screen reader announces for each day, e.g. "Мягмар, 2025 оны 6-р сарын 10".
    dayNames: await calendar
      .locator('td[role="gridcell"]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? '')),
    // What a screen reader announces besides: the calendar, its month and year selects, the clear button.
    labels: await page
      .locator('[role="dialog"][aria-label], [role="dialog"] [aria-label], input[name="postedAt"] ~ button')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? '')),
    text: await calendar.innerText(),
  };
  await calendar.locator('td[role="gridcell"]', { hasText: new RegExp(`^${picked}$`) }).click();
  const chosen = await input.inputValue();

  const [saved] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().includes('/collection-types/api::article.article/') && r.request().method() === 'PUT',
    ),
    page.getByRole('button', { name: save }).click(),
  ]);
  await page.reload();
  await input.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="postedAt"]')?.value, null, {
    timeout: 30_000,
  });
  const reloaded = await input.inputValue();
  // A fresh load of the admin races the polyfill's loading against the first calendar.
  await input.click();
  await calendar.waitFor({ timeout: 30_000 });
  const monthAfterReload = await calendar.locator('[role="combobox"]').first().innerText();
  await page.keyboard.press('Escape');
  // Cleared (not saved), the input shows its placeholder (the design system's default is the
  // format in Latin letters, "DD/MM/YYYY").
  await page.locator('input[name="postedAt"] ~ button').click();
  return {
    seen,
    picked,
    chosen,
    status: saved.status(),
    reloaded,
    monthAfterReload,
    placeholder: await input.getAttribute('placeholder'),
  };
}

describe('the post date picker in Mongolian and Chinese', () => {
  const panel = setUpAdminPanel();

  test.each(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[])(
    'in %s the calendar reads in the interface language and the picked day is saved',
    async (language) => {
      const { cms, browser } = panel;
      // Where the company's editors work (UTC+8): the day picked is the day saved.
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        timezoneId: 'Asia/Ulaanbaatar',
      });
      try {
        const page = await context.newPage();
        await logInToAdmin(page, cms, cms.admin);
        await chooseInterfaceLanguage(page, cms, language);
        const { seen, picked, chosen, status, reloaded, monthAfterReload, placeholder } = await pickPostDate(
          page,
          cms.baseUrl,
          language,
        );
        const { months, weekdays, value } = LANGUAGES[language];

        // Both languages write the year first, then the month and the day.
        const [year = '', month = '', day = ''] = seen.before.match(/\d+/g) ?? [];
        expect(seen.before).toBe(value(year, month, day));
        expect(seen.month).toBe(months[Number(month) - 1]);
        expect(seen.weekdays).toEqual(weekdays);
        expect({
          calendar: latinWords(seen.text),
          days: latinWords(seen.dayNames.join(' ')),
          labels: latinWords(seen.labels.join(' ')),
          placeholder: latinWords(placeholder ?? ''),
        }).toEqual({ calendar: [], days: [], labels: [], placeholder: [] });
        expect(chosen).toBe(value(year, month, picked));
        expect(status).toBe(200);
        expect(reloaded).toBe(chosen);
        expect(monthAfterReload).toBe(seen.month);
      } finally {
        await context.close();
      }
    },
  );
});
