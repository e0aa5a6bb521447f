import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../scripts/lib/processes.cjs';
import { rootDir } from '../../scripts/lib/cms.cjs';

// One quick bench (small N, ~2 s loads, 200 articles per locale, the CMS figures on PostgreSQL
// and on SQLite, Lighthouse on one page), then checks that every figure the full bench reports
// is there and numeric. Speed is not asserted: the figures depend on the machine; their presence
// and the absence of failed requests do not.

type Load = { rps: number; p50: number; p99: number; requests: number; errors: number };

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function expectLoad(load: Load, label: string) {
  for (const key of ['rps', 'p50', 'p99', 'requests', 'errors'] as const) {
    if (!isNumber(load[key])) throw new Error(`${label}.${key} is ${JSON.stringify(load[key])}, not a number`);
  }
  // Requests were answered, every one 2xx: a broken page or a front that fails requests shows here.
  expect({ label, answered: load.requests > 0, errors: load.errors }).toEqual({ label, answered: true, errors: 0 });
}

describe('npm run bench -- --quick', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-bench-test-'));
  let output = '';
  // biome-ignore lint/suspicious/noExplicitAny: the bench's JSON report is asserted field by field
  let result: any;

  beforeAll(async () => {
    output = await run(
      process.execPath,
      [path.join(rootDir, 'scripts', 'bench', 'run.mjs'), '--quick', '--out', outDir],
      { cwd: rootDir, quiet: true },
    );
    result = JSON.parse(fs.readFileSync(path.join(outDir, 'latest.json'), 'utf8'));
  }, 1_500_000);

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('loads every page in both locales at 10 and 50 connections: site, static ceiling, front and bare Next, with ratios', () => {
    const pages = ['home', 'news', 'news-page-2', 'article', 'certificate'];
    const expected = ['mn', 'zh'].flatMap((locale) =>
      pages.flatMap((page) => [10, 50].map((connections) => `${locale} ${page} @${connections}`)),
    );
    expect(
      result.site
        .map(
          (row: { locale: string; page: string; connections: number }) =>
            `${row.locale} ${row.page} @${row.connections}`,
        )
        .sort(),
    ).toEqual(expected.sort());
    for (const row of result.site) {
      const label = `${row.locale} ${row.page} @${row.connections}`;
      expectLoad(row.direct, `${label} site`);
      expectLoad(row.ceiling, `${label} ceiling`);
      expectLoad(row.front, `${label} front`);
      expectLoad(row.baseline, `${label} bare Next`);
      expect(isNumber(row.directRatio) && isNumber(row.frontRatio) && isNumber(row.baselineRatio)).toBe(true);
    }
  });

  it('measures the CMS API at 100 and at the large scale on PostgreSQL and on SQLite, with p99 ratios', () => {
    expect(result.databases.map((d: { db: string }) => d.db)).toEqual(['postgres', 'sqlite']);
    for (const { db, cms, redirects, search, coldRender } of result.databases) {
      expect(cms.small.perLocale).toBe(100);
      expect(cms.large.perLocale).toBe(200);
      for (const scale of ['small', 'large']) {
        for (const query of ['list', 'slug']) {
          expectLoad(cms[scale][query], `${db} cms ${scale} ${query}`);
        }
        // The list's total is the published zh articles: the generator reached the scale.
        expect(cms[scale].list.total).toBeGreaterThanOrEqual(cms[scale].perLocale);
      }
      expect(isNumber(cms.p99Ratio.list) && isNumber(cms.p99Ratio.slug)).toBe(true);
      expect(cms.rssMiB).toBeGreaterThan(0);
      for (const [name, load] of Object.entries(redirects.rows)) expectLoad(load as Load, `${db} redirect ${name}`);
      // Search at the large scale: every term answered, with its p95.
      expect(search.rows.length).toBeGreaterThan(0);
      for (const row of search.rows) expect(isNumber(row.p95)).toBe(true);
      // Cold renders: distinct article pages of both locales, each rendered once, all answered.
      expect(coldRender).toMatchObject({ perLocale: 200, pages: 40, errors: 0 });
      expect(isNumber(coldRender.pagesPerSecond)).toBe(true);
    }
    // The query plans are PostgreSQL's (auto_explain).
    const { plans } = result.databases[0].cms;
    for (const query of ['list', 'slug']) {
      expect(plans[query].scans.length).toBeGreaterThan(0);
      expect(plans[query].log).toMatch(/Query Text:/);
    }
    expect(result.databases[1].cms.plans).toBeNull();
  });

  it('weighs every page (HTML and JS gzipped) and the processes (RSS)', () => {
    expect(result.weight).toHaveLength(10);
    for (const row of result.weight) {
      for (const key of ['htmlBytes', 'htmlGz', 'jsGz', 'ownJsGz', 'scripts']) expect(isNumber(row[key])).toBe(true);
      expect(row.htmlGz).toBeGreaterThan(0);
      expect(row.htmlGz).toBeLessThan(row.htmlBytes);
      expect(row.jsGz).toBeGreaterThanOrEqual(row.ownJsGz);
    }
    for (const key of ['site', 'cms', 'front']) expect(result.rss[key]).toBeGreaterThan(0);
    // The sitemap at both scales: one urlset listing every page (home, lists, documents).
    for (const scale of ['small', 'large'] as const) {
      expect(result.sitemap[scale]).toMatchObject({ status: 200, kind: 'urlset' });
      expect(result.sitemap[scale].entries).toBeGreaterThan(2 * result.databases[0].cms[scale].perLocale);
      // First render, then from the cache (scripts/bench/sitemap.mjs).
      for (const key of ['ms', 'worstFirstMs', 'cachedMs']) expect(isNumber(result.sitemap[scale][key])).toBe(true);
    }
  });

  it('runs Lighthouse (all four categories) and reports time to publish and the goals', () => {
    expect(result.lighthouse).toHaveLength(1);
    for (const key of ['performance', 'accessibility', 'bestPractices', 'seo']) {
      expect(result.lighthouse[0][key]).toBeGreaterThanOrEqual(0);
      expect(result.lighthouse[0][key]).toBeLessThanOrEqual(100);
    }
    // scripts/bench-publish.mjs is in the tree: its figures are in the bench's.
    const ttp = result.timeToPublish;
    expect(isNumber(ttp.p95Ms) && isNumber(ttp.medianMs)).toBe(true);
    expect(Object.keys(ttp.targets)).toEqual(
      expect.arrayContaining([
        'article page',
        'news list',
        'feed',
        'article page via front',
        'news list via front',
        'feed via front',
      ]),
    );
    expect(isNumber(ttp.front.p95Ms) && isNumber(ttp.front.medianMs)).toBe(true);
    // Scheduled publishes: each one live after its time, never before it.
    const late = result.scheduleLateness;
    expect(late.samples).toBeGreaterThan(0);
    expect(isNumber(late.p95Ms) && isNumber(late.medianMs)).toBe(true);
    expect(late.medianMs).toBeGreaterThanOrEqual(0);
    // The per-database goals (CMS p99 ratio, redirect lookup, search, cold render) once for each
    // database, SQLite at scale, and the bare-Next baseline.
    expect(result.goals).toHaveLength(18);
    for (const label of ['PostgreSQL', 'SQLite'])
      expect(result.goals.filter((g: { goal: string }) => g.goal.startsWith(`${label}: `))).toHaveLength(4);
    expect(result.goals.map((goal: { goal: string }) => goal.goal)).toEqual(
      expect.arrayContaining([expect.stringMatching(/bare Next/), expect.stringMatching(/^SQLite: Cold render/)]),
    );
    for (const goal of result.goals)
      expect(['met', 'not met', 'pending', 'met directly; front not measured']).toContain(goal.status);
    // Both databases ran; the SQLite figures carry no failed request.
    const atScale = result.goals.find((g: { goal: string }) => g.goal.startsWith('SQLite (the embedded default)'));
    expect(atScale).toMatchObject({ status: 'met', figures: { perLocale: 200, errors: 0 } });
  });

  it('prints the table with every section', () => {
    for (const heading of [
      'Site: requests/s',
      'Site vs bare Next',
      'CMS API',
      'SQLite: Cold render:',
      'PostgreSQL: Search (',
      'SQLite: generated',
      'PostgreSQL: generated',
      'Weight',
      'RSS peak',
      'Lighthouse',
      'Time to publish',
      'Scheduled publishes',
      'Goals',
    ]) {
      expect(output).toContain(heading);
    }
    expect(fs.existsSync(path.join(outDir, 'latest.txt'))).toBe(true);
  });
});
