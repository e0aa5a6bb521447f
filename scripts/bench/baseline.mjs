// The bench's baseline (issue 15, goal 1): a minimal Next app of the site's Next version
// (scripts/bench/baseline-app) serving the site's own HTML bytes as static routes, built and
// started in the same run. The site's requests/s over the baseline's says what medee's own
// request path costs on top of bare Next. Only Node's own modules at the top: report.mjs imports
// this before the bench has installed anything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const rootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The goal: the site directly reaches this share of the baseline's requests/s on every page. */
export const BASELINE_GOAL_RATIO = 0.9;

const baselineName = (page) => `${page.locale}-${page.page}`;

/**
 * Builds the baseline with every page's HTML as fetched from the running site (`siteUrl`) and
 * starts it (`next start`) on `port`. The app lives under web/.next so that `next`, React and
 * the rest resolve from the repository's node_modules (web's React, not the CMS's), with no
 * network; web/.next is a build output, ignored by git and by the site's build hash.
 */
export async function startBaseline(pages, siteUrl, port) {
  const { run, startProcess, waitForHttp } = require('../lib/processes.cjs');
  const next = path.join(rootDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const dir = fs.mkdtempSync(path.join(rootDir, 'web', '.next', 'bench-baseline-'));
  fs.cpSync(path.join(rootDir, 'scripts', 'bench', 'baseline-app'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'pages'));
  const env = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  try {
    for (const page of pages) {
      const response = await fetch(`${siteUrl}${page.path}`);
      if (!response.ok) throw new Error(`${siteUrl}${page.path} answered ${response.status}`);
      const html = Buffer.from(await response.arrayBuffer());
      fs.writeFileSync(path.join(dir, 'pages', `${baselineName(page)}.html`), html);
    }
    await run(process.execPath, [next, 'build'], { cwd: dir, env, quiet: true });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // localhost, as the site binds (scripts/lib/site.cjs).
  const proc = startProcess('baseline', process.execPath, [next, 'start', '-p', String(port), '-H', 'localhost'], {
    cwd: dir,
    env,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${baseUrl}/${baselineName(pages[0])}`, { proc, timeoutMs: 60_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: proc.pid, stop, url: (page) => `${baseUrl}/${baselineName(page)}` };
}

const taskset = (cpus, pid) => execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });

/**
 * Pins the servers under test (`pids`, with their children) to CPU 0 and this process, the load
 * generator, to CPU 1, so load and server never share a core. Returns what was done and a
 * restore() for this process; a no-op on one CPU or without taskset (util-linux).
 */
export async function pinServers(pids) {
  const { processTree } = await import('./measure.mjs');
  const cpus = os.cpus().length;
  try {
    if (cpus < 2) throw new Error('one CPU');
    for (const pid of pids) for (const p of processTree(pid)) taskset('0', p);
    taskset('1', process.pid);
  } catch {
    return { pinned: 'no (one CPU or no taskset)', restore: () => {} };
  }
  return {
    pinned: 'servers on CPU 0, load generator on CPU 1',
    restore: () => taskset(`0-${cpus - 1}`, process.pid),
  };
}

const rowName = (row) => `${row.locale} ${row.page} @${row.connections}`;

/** Goal 1 of issue 15, judged on the rows of the site's loads that carry a baseline figure. */
export function baselineGoals(result) {
  const rows = result.site.filter((row) => row.baseline);
  if (rows.length === 0) return [];
  const worst = rows.reduce((a, b) => (b.baselineRatio < a.baselineRatio ? b : a));
  return [
    {
      goal: `Site directly >= ${BASELINE_GOAL_RATIO} x bare Next on the same HTML (req/s), every page, both locales, ${[...new Set(rows.map((r) => r.connections))].join(' and ')} connections`,
      status: rows.every((row) => row.baselineRatio >= BASELINE_GOAL_RATIO) ? 'met' : 'not met',
      figures: {
        worst: `${rowName(worst)}: ${worst.baselineRatio}`,
        below: rows.filter((row) => row.baselineRatio < BASELINE_GOAL_RATIO).length,
        of: rows.length,
      },
    },
  ];
}

/** The baseline's table: site and baseline side by side, per page and connection level. */
export function formatBaseline(result, table) {
  const rows = result.site.filter((row) => row.baseline);
  if (rows.length === 0) return [];
  return [
    `Site vs bare Next ${result.baseline?.nextVersion ?? ''} on the same HTML bytes (scripts/bench/baseline-app; ${result.baseline?.pinned ?? ''}): requests/s, p99 ms; goal >= ${BASELINE_GOAL_RATIO}`,
    table(
      ['page', 'conn', 'site rps', 'p99', 'baseline rps', 'p99', 'site/baseline', 'status'],
      rows.map((r) => [
        `${r.locale} ${r.page}`,
        r.connections,
        r.direct.rps,
        r.direct.p99,
        r.baseline.rps,
        r.baseline.p99,
        r.baselineRatio,
        r.baselineRatio >= BASELINE_GOAL_RATIO ? 'met' : 'not met',
      ]),
    ),
    '',
  ];
}
