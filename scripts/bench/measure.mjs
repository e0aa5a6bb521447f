// What the bench measures with: load (autocannon), memory (RSS of a process tree), page
// weight (gzipped HTML and JS) and Lighthouse in Debian's Chromium.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const { findChromium, CHROMIUM_ARGS } = require('../lib/chromium.cjs');

const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

/**
 * One load: `connections` keep-alive connections hammer `url` for `seconds`. No
 * Accept-Encoding header, so every target (site, front, static ceiling) sends the same
 * identity bytes. Returns requests/s, latency percentiles (ms) and failures.
 */
export async function load(url, { connections, seconds, headers = {}, warmupSeconds = 0 }) {
  let duration = seconds;
  for (;;) {
    const result = await autocannon({
      url,
      connections,
      duration,
      headers,
      timeout: 10,
      // Not counted: lets the JIT, connection pools and caches settle before sampling.
      ...(warmupSeconds > 0 ? { warmup: { connections, duration: warmupSeconds } } : {}),
    });
    // A target slower than the window (every connection still waiting when it closed) has no
    // figures yet: measure it again over a longer window rather than report zeros.
    if (result.requests.total === 0 && result.errors + result.timeouts === 0 && duration < seconds * 8) {
      duration *= 2;
      continue;
    }
    const failures = result.errors + result.timeouts + result.non2xx;
    return {
      rps: round(result.requests.average, 0),
      p50: round(result.latency.p50, 2),
      p99: round(result.latency.p99, 2),
      requests: result.requests.total,
      errors: failures,
      ...(duration !== seconds ? { seconds: duration } : {}),
    };
  }
}

/** `pid` and all its descendants, from /proc. */
export function processTree(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = [];
  const visit = (p) => {
    tree.push(p);
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return tree;
}

/** Resident memory (MiB) of `pid` and all its descendants, from /proc. */
export function treeRssMiB(pid) {
  let kib = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (match) kib += Number(match[1]);
    } catch {
      /* exited meanwhile */
    }
  }
  return kib / 1024;
}

/** Samples the RSS of named process trees every 250 ms; peak() gives the maxima so far. */
export function rssSampler(pids) {
  const peaks = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) peaks[name] = Math.max(peaks[name], treeRssMiB(pid));
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    peak: () => Object.fromEntries(Object.entries(peaks).map(([name, value]) => [name, round(value, 0)])),
    stop: () => clearInterval(timer),
  };
}

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 6 }).length;

/** The external scripts a page loads (Next's chunks), as absolute URLs. */
export function scriptUrls(html, baseUrl) {
  const urls = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
    urls.add(new URL(match[1].replaceAll('&amp;', '&'), baseUrl).href);
  return [...urls];
}

/**
 * Weight of a page: its HTML and all its scripts, gzipped; and "own" JS — the scripts that
 * `isOwnChunk(pathname, code)` says are ours.
 */
export async function pageWeight(url, isOwnChunk, chunkModules = new Map()) {
  const html = Buffer.from(await (await fetch(url)).arrayBuffer());
  const scripts = scriptUrls(html.toString('utf8'), url);
  let jsGz = 0;
  let ownJsGz = 0;
  const own = [];
  for (const script of scripts) {
    const response = await fetch(script);
    if (!response.ok) throw new Error(`${script} answered ${response.status}`);
    const code = Buffer.from(await response.arrayBuffer());
    const size = gzipSize(code);
    jsGz += size;
    if (isOwnChunk(new URL(script).pathname, code.toString('utf8'))) {
      ownJsGz += size;
      const chunk = new URL(script).pathname;
      own.push({ chunk, gz: size, clientModules: chunkModules.get(chunk) ?? [] });
    }
  }
  return { htmlBytes: html.length, htmlGz: gzipSize(html), jsGz, ownJsGz, scripts: scripts.length, ownScripts: own };
}

/**
 * Which client components (files) each browser chunk carries, from the build's client
 * reference manifests: says what "own JS" is made of.
 */
export function clientModulesByChunk(appServerDir) {
  const byChunk = new Map();
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('_client-reference-manifest.js')) {
        const sandbox = { globalThis: { __RSC_MANIFEST: {} } };
        new Function('globalThis', fs.readFileSync(file, 'utf8'))(sandbox.globalThis);
        for (const manifest of Object.values(sandbox.globalThis.__RSC_MANIFEST)) {
          for (const [name, ref] of Object.entries(manifest.clientModules ?? {})) {
            const module = name
              .replace(/^\[project\]\//, '')
              .replace(/ <.*>$/, '')
              .replace(/ \[.*\]$/, '');
            for (const chunk of ref.chunks ?? []) {
              const key = chunk.startsWith('/') ? chunk : `/_next/${chunk}`;
              if (!byChunk.has(key)) byChunk.set(key, new Set());
              byChunk.get(key).add(module);
            }
          }
        }
      }
    }
  };
  visit(appServerDir);
  return new Map([...byChunk].map(([chunk, modules]) => [chunk, [...modules].sort()]));
}

/**
 * The module ids a Turbopack browser chunk defines: it registers them with
 * `(globalThis.TURBOPACK ||= []).push([script, id, factory, id, factory, …])`, which is run
 * here against a stub (the factories are collected, never called). Empty for other scripts.
 */
export function chunkModuleIds(code) {
  const pushed = [];
  const stub = { TURBOPACK: { push: (entry) => pushed.push(entry) } };
  try {
    new Function('globalThis', 'self', 'window', 'document', code)(stub, stub, stub, undefined);
  } catch {
    return new Set();
  }
  return new Set(
    pushed.flatMap((entry) => (Array.isArray(entry) ? entry.filter((item) => typeof item === 'number') : [])),
  );
}

/**
 * Client module entries of the build (from its client reference manifests): module id → file,
 * for telling which chunk defines one of our components.
 */
export function clientModuleIds(appServerDir) {
  const ids = new Map();
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('_client-reference-manifest.js')) {
        const sandbox = { __RSC_MANIFEST: {} };
        new Function('globalThis', fs.readFileSync(file, 'utf8'))(sandbox);
        for (const manifest of Object.values(sandbox.__RSC_MANIFEST)) {
          for (const [name, ref] of Object.entries(manifest.clientModules ?? {})) {
            ids.set(
              Number(ref.id),
              name
                .replace(/^\[project\]\//, '')
                .replace(/ <.*>$/, '')
                .replace(/ \[.*\]$/, ''),
            );
          }
        }
      }
    }
  };
  visit(appServerDir);
  return ids;
}

/** Lighthouse scores (0-100) for each URL, one Chromium for all, default (mobile) settings. */
export async function lighthouseScores(urls) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  const results = [];
  try {
    for (const url of urls) {
      const runnerResult = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const { categories, runtimeError, audits } = runnerResult.lhr;
      if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`);
      const score = (key) => (categories[key]?.score == null ? null : Math.round(categories[key].score * 100));
      // The audits that cost points, so a score below 100 says why.
      const failed = Object.values(audits)
        .filter(
          (audit) =>
            audit.score !== null &&
            audit.score < 1 &&
            audit.scoreDisplayMode !== 'informative' &&
            audit.scoreDisplayMode !== 'manual' &&
            audit.scoreDisplayMode !== 'notApplicable',
        )
        .map((audit) => audit.id);
      results.push({
        url,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: round(audits['largest-contentful-paint']?.numericValue ?? NaN, 0),
        failedAudits: failed,
      });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}
