// The bench's verdict (goals of issue 7) and its one printed table.

import { baselineGoals, formatBaseline } from './baseline.mjs';
import { coldRenderGoals, formatColdRender } from './cold-render.mjs';
import { formatRedirects, redirectGoal } from './redirects.mjs';
import { formatSitemap, sitemapGoal } from './sitemap.mjs';
import { formatSearch, searchGoal } from './search.mjs';

/** Own client JS budget per page, gzipped bytes (5 kB). */
export const OWN_JS_BUDGET_BYTES = 5_000;

const met = (condition) => (condition === null ? 'pending' : condition ? 'met' : 'not met');

/**
 * The goals judged on each database. `database` is an entry of result.databases: `db`, `label`
 * and one field per measurement of run.mjs's measureDatabase. evaluateGoals prefixes each goal
 * with the database's label.
 */
function databaseGoals(database) {
  const { cms, redirects } = database;
  const { list, slug } = cms.p99Ratio;
  return [
    {
      goal: `CMS p99 at ${cms.large.perLocale} articles/locale <= 1.5 x p99 at ${cms.small.perLocale}`,
      status: met(list <= 1.5 && slug <= 1.5),
      figures: { listP99Ratio: list, slugP99Ratio: slug },
    },
    redirectGoal(redirects),
    ...(database.search ? [searchGoal(database.search)] : []),
    ...coldRenderGoals(database),
  ];
}

/** Failed requests in every load of one database's CMS figures. */
const cmsErrors = ({ cms, redirects }) =>
  [cms.small.list, cms.small.slug, cms.large.list, cms.large.slug, ...Object.values(redirects.rows)].reduce(
    (sum, load) => sum + load.errors,
    0,
  );

/**
 * Issue 15 goal 5, the embedded default at scale: the generator filled SQLite to the large scale
 * and its CMS answered every request of the per-database phase, reported beside PostgreSQL.
 */
function embeddedAtScaleGoal(databases) {
  const sqlite = databases.find((d) => d.db === 'sqlite');
  const goal = 'SQLite (the embedded default) at the large scale, reported beside PostgreSQL';
  if (!sqlite || databases.length < 2)
    return { goal, status: 'not measured', figures: { measured: databases.map((d) => d.label) } };
  const { large } = sqlite.cms;
  const errors = cmsErrors(sqlite);
  return {
    goal,
    status: met(large.list.total >= large.perLocale && errors === 0),
    figures: {
      perLocale: large.perLocale,
      publishedZh: large.list.total,
      generatedS: Number((large.generated.ms / 1000).toFixed(1)),
      errors,
    },
  };
}

/** Each goal of issue 7 with the figures it was judged on. */
export function evaluateGoals(result) {
  const goals = [];
  if (result.memoryLookup)
    goals.push({
      goal: `Translation memory: match lookup p95 < 50 ms at ${result.memoryLookup.segments} segments`,
      status: met(result.memoryLookup.p95Ms < 50),
      figures: result.memoryLookup,
    });
  const at50 = result.site.filter(
    (row) => row.connections === 50 && ['article', 'news', 'news-page-2'].includes(row.page),
  );
  if (at50.every((row) => row.front)) {
    const worstRatio = Math.min(...at50.map((row) => row.frontRatio));
    const worstP99 = Math.max(...at50.map((row) => row.front.p99));
    goals.push({
      goal: 'Article and list pages through the front: >= 0.5 x static ceiling (req/s) at 50 connections',
      status: met(worstRatio >= 0.5),
      figures: { worstFrontToCeilingRatio: worstRatio },
    });
    goals.push({
      goal: 'Article and list pages through the front: p99 < 20 ms at 50 connections',
      status: met(worstP99 < 20),
      // The ceiling's own p99 on the same pages: what the machine allows at all.
      figures: { worstFrontP99Ms: worstP99, worstCeilingP99Ms: Math.max(...at50.map((row) => row.ceiling.p99)) },
    });
  } else {
    goals.push({
      goal: 'Article and list pages through the front',
      status: 'not met',
      figures: { reason: 'no front (nginx missing)' },
    });
  }
  for (const database of result.databases) {
    for (const goal of databaseGoals(database)) goals.push({ ...goal, goal: `${database.label}: ${goal.goal}` });
  }
  goals.push(embeddedAtScaleGoal(result.databases));
  const ttp = result.timeToPublish;
  goals.push({
    goal: 'Time to publish p95 < 1 s, directly and through the front',
    status:
      typeof ttp?.p95Ms === 'number'
        ? ttp.p95Ms >= 1000
          ? 'not met'
          : ttp.front
            ? met(ttp.front.p95Ms < 1000)
            : 'met directly; front not measured'
        : 'pending',
    figures:
      typeof ttp === 'object'
        ? { medianMs: ttp.medianMs, p95Ms: ttp.p95Ms, front: ttp.front ?? 'not measured' }
        : { note: ttp },
  });
  const late = result.scheduleLateness;
  goals.push({
    goal: 'Scheduled publishes go live within a minute (p95 < 60 s)',
    status: met(late.p95Ms < 60_000),
    figures: { medianMs: late.medianMs, p95Ms: late.p95Ms, intervalSeconds: late.intervalSeconds },
  });
  const lh = result.lighthouse;
  goals.push({
    goal: 'Lighthouse: performance >= 95, accessibility 100, best practices >= 95, SEO 100 on every measured page',
    status: met(
      lh.every((r) => r.performance >= 95 && r.accessibility === 100 && r.bestPractices >= 95 && r.seo === 100),
    ),
    figures: Object.fromEntries(
      lh.map((r) => [r.page, `${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}`]),
    ),
  });
  const worstOwnJs = Math.max(...result.weight.map((row) => row.ownJsGz));
  goals.push({
    goal: `Own client JS <= ${OWN_JS_BUDGET_BYTES / 1000} kB gzipped per page`,
    status: met(worstOwnJs <= OWN_JS_BUDGET_BYTES),
    figures: { worstOwnJsGzBytes: worstOwnJs },
  });
  goals.push(sitemapGoal(result.sitemap, result.databases[0].cms.large.perLocale));
  goals.push(...baselineGoals(result));
  return goals;
}

function table(headers, rows) {
  const cells = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * The per-database section: the CMS API table with one row per database and query, then each
 * database's other figures (one line per measurement of run.mjs's measureDatabase).
 */
function formatDatabases(databases) {
  const [{ cms: c }] = databases;
  const out = [
    `CMS API (${c.connections} connections, direct, with the site's token; median of ${c.rounds} alternating round(s)): p50/p99 ms at ${c.small.perLocale} and ${c.large.perLocale} published articles per locale, on each database`,
    table(
      [
        'db',
        'query',
        `rps@${c.small.perLocale}`,
        'p50',
        'p99',
        `rps@${c.large.perLocale}`,
        'p50',
        'p99',
        'p99 ratio',
        'err',
        'RSS MiB',
        'plan at large',
      ],
      databases.flatMap(({ label, cms }) =>
        ['list', 'slug'].map((q) => [
          label,
          q === 'list' ? 'list zh, 10/page, populated' : 'find-by-slug zh, populated',
          cms.small[q].rps,
          cms.small[q].p50,
          cms.small[q].p99,
          cms.large[q].rps,
          cms.large[q].p50,
          cms.large[q].p99,
          cms.p99Ratio[q],
          cms.small[q].errors + cms.large[q].errors,
          cms.rssMiB,
          cms.plans?.[q]?.summary ?? '-',
        ]),
      ),
    ),
  ];
  // Each database's other figures, one line per measurement, prefixed with the database.
  for (const database of databases) {
    const g = database.cms.large.generated;
    const lines = [
      `generated ${g.documentsCreated} documents (${g.rowsCreated} rows) in ${(g.ms / 1000).toFixed(1)} s`,
      formatRedirects(database.redirects),
      ...(database.search ? formatSearch(database.search) : []),
      ...formatColdRender(database),
    ];
    out.push(...lines.map((line) => `${database.label}: ${line}`));
  }
  return out;
}

/** The whole result as one printable table (several sections). */
export function formatReport(result) {
  const out = [];
  const m = result.meta;
  out.push(
    `medee bench — ${m.mode} run, ${m.startedAt}, ${m.seconds} s per load, CMS on ${m.databases.join(' and ')} (site-wide figures on ${m.siteDatabase}), ceiling: ${m.ceiling}, front: ${m.front}`,
  );
  out.push(
    `machine: ${m.machine.cpus} x ${m.machine.cpuModel}, node ${m.machine.node}, load average ${m.machine.loadAverage.start} at the start and ${m.machine.loadAverage.end} at the end; load generator autocannon in the same machine (no Accept-Encoding)`,
  );
  out.push('');
  out.push(
    'Site: requests/s, p50/p99 ms, errors — direct (next standalone), static ceiling (same HTML bytes), production front (nginx micro-cache)',
  );
  out.push(
    table(
      [
        'page',
        'conn',
        'site rps',
        'p50',
        'p99',
        'err',
        'ceiling rps',
        'p99',
        'site/ceil',
        'front rps',
        'p50',
        'p99',
        'err',
        'front/ceil',
      ],
      result.site.map((r) => [
        `${r.locale} ${r.page}`,
        r.connections,
        r.direct.rps,
        r.direct.p50,
        r.direct.p99,
        r.direct.errors,
        r.ceiling.rps,
        r.ceiling.p99,
        r.directRatio,
        r.front?.rps,
        r.front?.p50,
        r.front?.p99,
        r.front?.errors,
        r.frontRatio,
      ]),
    ),
  );
  out.push('');
  out.push(...formatBaseline(result, table));
  out.push(...formatDatabases(result.databases));
  out.push('');
  out.push(
    'Weight (gzipped bytes): HTML, all JS, own JS (chunks beyond the framework runtime the build loads on every page and Next’s own client components)',
  );
  out.push(
    table(
      ['page', 'HTML raw', 'HTML gz', 'JS gz', 'own JS gz', 'scripts'],
      result.weight.map((w) => [`${w.locale} ${w.page}`, w.htmlBytes, w.htmlGz, w.jsGz, w.ownJsGz, w.scripts]),
    ),
  );
  if (result.sitemap.small) {
    const { cms } = result.databases[0];
    out.push(formatSitemap(result.sitemap, { small: cms.small.perLocale, large: cms.large.perLocale }));
  }
  const h = result.history;
  if (h)
    out.push(
      `History: ${h.saves} saves of one article (body ${h.articleBodyBytes} B) added ${h.versionsAdded} versions; per 1,000 saves ${h.fieldKiBPer1000} KiB of field data, ${h.tableKiBPer1000 ?? '-'} KiB of table and index`,
    );
  out.push(
    `RSS peak under load (MiB): site ${result.rss.site}, CMS ${result.rss.cms}${result.rss.front ? `, front nginx ${result.rss.front}` : ''}`,
  );
  out.push('');
  out.push(
    `Lighthouse ${result.lighthouseVersion} (mobile defaults, ${result.lighthouseTarget}): performance / accessibility / best practices / SEO`,
  );
  out.push(
    table(
      ['page', 'perf', 'a11y', 'best', 'seo', 'LCP ms', 'audits below 100%'],
      result.lighthouse.map((r) => [
        r.page,
        r.performance,
        r.accessibility,
        r.bestPractices,
        r.seo,
        r.lcpMs,
        r.failedAudits.join(' ') || '-',
      ]),
    ),
  );
  out.push('');
  const t = result.timeToPublish;
  out.push(
    `Time to publish (${
      typeof t === 'object'
        ? `${t.runs} publishes, slowest target): median ${t.medianMs} ms, p95 ${t.p95Ms} ms — ${Object.entries(
            t.targets,
          )
            .map(([name, v]) => `${name} ${v.medianMs}/${v.p95Ms} ms`)
            .join(
              ', ',
            )}${t.front ? `; through the front median ${t.front.medianMs} ms, p95 ${t.front.p95Ms} ms` : `; ${t.note}`}`
        : `): ${t}`
    }`,
  );
  const late = result.scheduleLateness;
  out.push(
    `Scheduled publishes (${late.samples}, scheduler every ${late.intervalSeconds} s): live after their time by median ${late.medianMs} ms, p95 ${late.p95Ms} ms, max ${late.maxMs} ms`,
  );
  out.push('');
  out.push('Goals');
  out.push(
    table(
      ['status', 'goal', 'figures'],
      result.goals.map((g) => [g.status, g.goal, JSON.stringify(g.figures)]),
    ),
  );
  return out.join('\n');
}
