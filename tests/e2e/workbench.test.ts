import path from 'node:path';
import { loginAdmin } from '../../cms/tests/helpers/admin-api';
import { seedArticles } from '../../cms/tests/helpers/seed-data';
import { xliffStructureProblems } from '../../cms/tests/helpers/xliff-structure';
import { logInToAdmin, screenshots, setUpAdminPanel } from './admin-panel';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;
const oldSummaryZh = seedArticle.zh!.summary!;
const newSummaryMn = seedArticle.mn!.summary!.replace('6-р сард', '7-р сард');
const newSummaryZh = oldSummaryZh.replace('6月', '7月');

describe('the Translate screen', () => {
  const panel = setUpAdminPanel();

  test('translator-zh updates an outdated article: source diff, memory match, glossary warning, draft saved', async () => {
    const { cms, browser } = panel;
    const admin = await loginAdmin(cms.baseUrl, cms.admin);
    const list = await admin.request('GET', `${ARTICLES}?locale=mn&filters[slug][$eq]=${seedArticle.mn!.slug}`);
    const documentId: string = list.body.results[0].documentId;
    // The editor changes the month in the mn summary: the zh translation is outdated.
    const edited = await admin.request('PUT', `${ARTICLES}/${documentId}?locale=mn`, { summary: newSummaryMn });
    expect(edited.status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await logInToAdmin(page, cms, cms.translators.zh);
      // 1. Open the outdated article, from its edit view's translation panel.
      await page.goto(`${cms.baseUrl}/admin${ARTICLES}/${documentId}?plugins[i18n][locale]=zh`);
      const outdated = page.locator('[data-locale="zh"] [data-status="outdated"]');
      await outdated.waitFor({ timeout: 30_000 });
      // A zh translator is offered Translate into zh only.
      await expect(page.locator('a[data-translate]').count()).resolves.toBe(1);
      await page.locator('a[data-translate="zh"]').click();
      await page.waitForURL(/\/admin\/translate\?/);

      // 2. The source diff: the summary changed 6 → 7, and its zh segment is marked for review.
      const summary = page.locator('[data-segment="summary/s1"]');
      await summary.waitFor({ timeout: 30_000 });
      await expect(summary.getAttribute('data-review')).resolves.toBe('yes');
      await expect(summary.locator('[data-diff] ins').allTextContents()).resolves.toEqual(['7']);
      await expect(summary.locator('[data-diff] del').allTextContents()).resolves.toEqual(['6']);
      // Unchanged segments need no review.
      await expect(page.locator('[data-segment="title/s1"]').getAttribute('data-review')).resolves.toBe('no');
      // The source's glossary terms are shown with their approved translation.
      await expect(summary.locator('[data-glossary]').allTextContents()).resolves.toEqual(
        expect.arrayContaining([expect.stringContaining('专精特新')]),
      );
      await page.screenshot({ path: path.join(screenshots, 'workbench-diff.png'), fullPage: true });

      // 3. Accept the memory match: the old summary, a fuzzy match below 100%.
      const target = summary.locator('textarea');
      await target.fill('');
      const match = summary.locator('[data-match]').first();
      const score = Number(await match.getAttribute('data-match'));
      expect(score).toBeGreaterThanOrEqual(90);
      expect(score).toBeLessThan(100);
      await match.locator('button').click();
      await expect(target.inputValue()).resolves.toBe(oldSummaryZh);

      // 4. A wrong rendering of 专精特新 gets a glossary warning; the approved term clears it.
      await target.fill(newSummaryZh.replace('专精特新', '专业特新'));
      await summary.locator('[data-warning="missing"]').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshots, 'workbench-glossary-warning.png'), fullPage: true });
      await target.fill(newSummaryZh);
      await summary.locator('[data-warning]').first().waitFor({ state: 'detached', timeout: 30_000 });

      // 5. Save the draft.
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/translations/workbench') && r.request().method() === 'PUT'),
        page.getByRole('button', { name: '保存草稿' }).click(),
      ]);
      expect(saved.status()).toBe(200);
      await summary.and(page.locator('[data-review="no"]')).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshots, 'workbench-saved.png'), fullPage: true });
    } finally {
      await page.close();
    }

    // The draft holds the new text, the published zh version the old one, and zh is current again.
    const draft = await admin.request('GET', `${ARTICLES}/${documentId}?locale=zh`);
    expect(draft.body.data.summary).toBe(newSummaryZh);
    const published = await admin.request('GET', `${ARTICLES}/${documentId}?locale=zh&status=published`);
    expect(published.body.data.summary).toBe(oldSummaryZh);
    const status = await admin.request('GET', `/translations/status?documentId=${documentId}`);
    expect(status.body.rows[0].locales.zh.status).toBe('published');
    // The confirmed pair is in the memory: the new mn summary is now an exact match.
    const bench = await admin.request(
      'GET',
      `/translations/workbench?contentType=api::article.article&documentId=${documentId}&locale=zh`,
    );
    const segment = bench.body.segments.find((s: { unit: string }) => s.unit === 'summary');
    expect(segment.matches[0]).toMatchObject({ score: 100, target: newSummaryZh });

    // The XLIFF export of that article carries memory matches (mtc) and glossary entries (gls),
    // passes the structural schema check, and imports back (dry run).
    const exported = await fetch(`${cms.baseUrl}/translations/export?source=mn&target=zh&only=all`, {
      headers: { Authorization: `Bearer ${admin.token}` },
    });
    const xliff = await exported.text();
    const fileXml = xliff.slice(xliff.indexOf(`api::article.article/${documentId}`));
    const articleXml = fileXml.slice(0, fileXml.indexOf('</file>'));
    expect(articleXml).toMatch(/<mtc:match ref="#s1" similarity="100"[^>]*>/);
    expect(articleXml).toContain('<gls:term source="medee">Чиндао хотын жижиг');
    expect(articleXml).toMatch(/<gls:translation>[^<]*专精特新/);
    expect(xliffStructureProblems(xliff)).toEqual([]);
    const imported = await admin.request('POST', '/translations/import', { xliff, dryRun: true });
    expect(imported.body.problems).toEqual([]);
    expect(imported.status).toBe(200);
  });

  test('the mn translator may read the zh Translate screen but not save it', async () => {
    const { cms } = panel;
    const mn = await loginAdmin(cms.baseUrl, cms.translators.mn);
    const admin = await loginAdmin(cms.baseUrl, cms.admin);
    const list = await admin.request('GET', `${ARTICLES}?locale=mn&filters[slug][$eq]=${seedArticle.mn!.slug}`);
    const documentId: string = list.body.results[0].documentId;
    const query = { contentType: 'api::article.article', documentId, locale: 'zh' };
    const read = await mn.request('GET', `/translations/workbench?${new URLSearchParams(query)}`);
    expect(read.status).toBe(200);
    expect(read.body.mayWrite).toBe(false);
    const write = await mn.request('PUT', '/translations/workbench', {
      ...query,
      segments: [{ unit: 'title', segment: 's1', target: '标题' }],
    });
    expect(write.status).toBe(403);
    expect((await admin.request('GET', `${ARTICLES}/${documentId}?locale=zh`)).body.data.title).toBe(
      seedArticle.zh!.title,
    );
    // Bad input is a 400 with a message, not a 500.
    const bad = await mn.request('PUT', '/translations/workbench', { ...query, segments: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/segments/);
  });
});
