// npm run bench [-- --quick] [--out DIR] [--port-base N] [--seconds S] [--articles N] [--db postgres|sqlite]
//
// One run, side by side: the built site in production mode (Next's standalone server) against
// a seeded CMS (`strapi start`), the same HTML bytes served as static files by nginx (the
// physical ceiling), and the production front (nginx with the micro-cache of
// deploy/nginx/templates/medee.conf.template). The CMS figures are measured on each database in
// turn — a throw-away PostgreSQL cluster, then SQLite (the embedded default) — or on the one
// --db names; the site-wide figures on the first of them. Everything runs on loopback ports of
// its own (free ones, or --port-base N..N+6), so it runs beside `npm start`.
// Prints one table and writes the JSON to .bench/ (gitignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// Only Node's own modules and the repo's package-free ones here: a fresh clone has no
// node_modules until installAndLoadTools() has run.
import { measureMemoryLookup } from './memory.mjs';
import { measureHistoryStorage } from './history-storage.mjs';
import { evaluateGoals, formatReport } from './report.mjs';
import { measureScheduleLateness } from './schedule-lateness.mjs';
import { addRedirects, measureRedirectLookups } from './redirects.mjs';
import { measureSitemap } from './sitemap.mjs';
import { measureSearch } from './search.mjs';
import { pinServers, startBaseline } from './baseline.mjs';
import { measureColdRender } from './cold-render.mjs';
import { alternateRounds } from './rounds.mjs';

const require = createRequire(import.meta.url);
const { ensureInstalled, ensureCmsBuilt, ensureWebBuilt } = require('../lib/build.cjs');
const { freePort, portInUse, run, startProcess, waitForHttp } = require('../lib/processes.cjs');
const { generateAdminPassword, generateApiTokenKey, generateCmsSecrets } = require('../lib/secrets.cjs');
const { findNginx, singleInstanceFront, startFront, startNginx, staticServerConf } = require('../lib/nginx.cjs');

const rootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(rootDir, '.bench') },
    'port-base': { type: 'string' },
    seconds: { type: 'string' },
    articles: { type: 'string' },
    db: { type: 'string' },
  },
});
const quick = options.quick;
const seconds = Number(options.seconds ?? (quick ? 2 : 5));
const largeScale = Number(options.articles ?? (quick ? 200 : 10_000));
const smallScale = 100;
const connectionLevels = [10, 50];
const cmsConnections = 10;
// The CMS scales are measured in alternating rounds (100, 10k, 100, 10k, …; rounds.mjs) on two
// copies of the database, so a change in the machine's load hits both alike.
const cmsRounds = quick ? 1 : 3;
const DATABASES = { postgres: 'PostgreSQL', sqlite: 'SQLite' };
if (options.db !== undefined && !Object.hasOwn(DATABASES, options.db))
  throw new Error('--db must be postgres or sqlite');
// The databases measured, in this order; the site-wide figures are measured on the first.
const dbs = options.db ? [options.db] : Object.keys(DATABASES);

const log = (message) => console.log(`[bench] ${message}`);
const cleanups = [];
const startedAt = new Date();
const startLoad = Number(os.loadavg()[0].toFixed(2));

// The builds need the CMS secrets in the environment (config is loaded at build time); these
// are throw-away values for this run, never written anywhere.
const secrets = generateCmsSecrets();
Object.assign(process.env, secrets, { STRAPI_TELEMETRY_DISABLED: 'true', NEXT_TELEMETRY_DISABLED: '1' });

async function ports() {
  const names = ['cms', 'site', 'ceiling', 'front', 'frontCms', 'cmsLarge', 'siteLarge', 'baseline'];
  if (options['port-base'] === undefined)
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])));
  const base = Number(options['port-base']);
  const chosen = Object.fromEntries(names.map((n, i) => [n, base + i]));
  for (const [name, port] of Object.entries(chosen)) {
    if (await portInUse(port)) throw new Error(`Port ${port} (${name}) is in use; choose another --port-base.`);
  }
  return chosen;
}

async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response;
}

/** The CMS reads the site makes (web/lib/strapi/index.ts), as REST query strings. */
function cmsQueries(qs, slug) {
  const mediaFields = ['url', 'alternativeText', 'width', 'height'];
  const summaryPopulate = { category: { fields: ['name', 'slug'] }, cover: { fields: mediaFields } };
  const list = {
    locale: 'zh',
    sort: ['postedAt:desc', 'id:desc'],
    fields: ['title', 'slug', 'summary', 'postedAt', 'locale'],
    populate: summaryPopulate,
    pagination: { page: 1, pageSize: 10 },
  };
  const bySlug = {
    locale: 'zh',
    filters: { slug: { $eq: slug } },
    populate: {
      ...summaryPopulate,
      certificates: { fields: ['name', 'slug', 'issuer', 'issuedOn', 'level', 'locale'], sort: ['issuedOn:desc'] },
      seo: true,
      localizations: { fields: ['locale', 'slug'] },
    },
    pagination: { page: 1, pageSize: 1 },
  };
  const encode = (query) => qs.stringify(query, { encodeValuesOnly: true });
  return { list: `/api/articles?${encode(list)}`, slug: `/api/articles?${encode(bySlug)}` };
}

/**
 * The PostgreSQL plans of one request of each CMS query, logged by auto_explain (loaded at
 * cluster start, switched on only around these two requests). Summarized as the scans used
 * on the articles table: a "Seq Scan on articles" at 10,000 articles is a missing index.
 */
async function explainCmsQueries(pg, pgClient, cmsUrl, queries, headers) {
  const plans = {};
  for (const [name, pathAndQuery] of Object.entries(queries)) {
    const before = fs.statSync(pg.logFile).size;
    await pgClient.query('ALTER SYSTEM SET auto_explain.log_min_duration = 0');
    await pgClient.query('SELECT pg_reload_conf()');
    // A reload reaches the pooled connections at their next statement; the first request warms them.
    await fetchOk(`${cmsUrl}${pathAndQuery}`, { headers });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fromLog = () => fs.readFileSync(pg.logFile, 'utf8').slice(before);
    const start = fromLog().length;
    await fetchOk(`${cmsUrl}${pathAndQuery}`, { headers });
    await pgClient.query('ALTER SYSTEM RESET auto_explain.log_min_duration');
    await pgClient.query('SELECT pg_reload_conf()');
    const text = fromLog().slice(start);
    const scans = [
      ...text.matchAll(
        /(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using (\S+))? on (articles\w*)/g,
      ),
    ].map((m) => `${m[1]}${m[2] ? ` using ${m[2]}` : ''} on ${m[3]}`);
    const seqScans = scans.filter((s) => s.startsWith('Seq Scan on articles ') || s === 'Seq Scan on articles');
    if (scans.length === 0)
      throw new Error(`auto_explain logged no plan for the CMS ${name} query:\n${text.slice(0, 2000)}`);
    plans[name] = {
      summary: seqScans.length ? `${seqScans.length} seq scan(s) on articles` : 'indexed',
      scans: [...new Set(scans)],
      log: text,
    };
  }
  return plans;
}

/**
 * Installs and builds what is missing, then loads what needs the installed packages: the bench's
 * measuring tools and the libraries that start the CMS, the site and PostgreSQL. Nothing above
 * this imports a package, so a fresh clone gets here before anything fails.
 */
async function installAndLoadTools() {
  await ensureInstalled();
  await ensureCmsBuilt();
  await ensureWebBuilt();
  const { cmsEnv, seedCms, startCms } = require('../lib/cms.cjs');
  return {
    measure: await import('./measure.mjs'),
    cmsEnv,
    seedCms,
    startCms,
    startStandaloneSite: require('../lib/site.cjs').startStandaloneSite,
    startPostgres: require('../lib/postgres.cjs').startPostgres,
    qs: require(require.resolve('qs', { paths: [path.join(rootDir, 'web')] })),
    pg: require(require.resolve('pg', { paths: [path.join(rootDir, 'cms')] })),
    sqlite: require(require.resolve('better-sqlite3', { paths: [path.join(rootDir, 'cms')] })),
  };
}

/** History storage per 1,000 saves (history-storage.mjs), on the small-scale CMS and its database. */
async function measureHistory(tools, databases, cmsUrl) {
  const saves = quick ? 100 : 1000;
  log(`history storage: ${saves} saves of one article…`);
  const admin = { email: databases.env.CMS_ADMIN_EMAIL, password: databases.env.CMS_ADMIN_PASSWORD };
  if (databases.pg) {
    const client = new tools.pg.Client({ connectionString: databases.pg.url });
    await client.connect();
    try {
      const scalar = async (sql) => Object.values((await client.query(sql)).rows[0] ?? {})[0] ?? null;
      return await measureHistoryStorage({ cmsUrl, admin, scalar, database: 'postgres', saves });
    } finally {
      await client.end();
    }
  }
  const db = new tools.sqlite(path.join(rootDir, 'cms', databases.env.DATABASE_FILENAME), { readonly: true });
  try {
    const scalar = async (sql) => db.prepare(sql).pluck().get() ?? null;
    return await measureHistoryStorage({ cmsUrl, admin, scalar, database: 'sqlite', saves });
  } finally {
    db.close();
  }
}

const sqliteFiles = (file) => ['', '-wal', '-shm'].map((suffix) => path.join(rootDir, 'cms', `${file}${suffix}`));

/**
 * The CMS's two databases on `db` (postgres or sqlite): a throw-away one, seeded and topped up to
 * the small scale, and a copy of it (same seed, same site token) topped up to the large scale.
 * Returns the env of a CMS on each.
 */
async function prepareDatabases(tools, port, db) {
  let pg = null;
  let databaseUrl;
  let sqliteFile;
  if (db === 'postgres') {
    pg = await tools.startPostgres({
      database: 'medee_bench',
      // auto_explain stays off (log_min_duration -1, its default) until explainCmsQueries turns it
      // on with ALTER SYSTEM, which a -c here would override.
      settings: { shared_preload_libraries: 'auto_explain', 'auto_explain.log_analyze': 'on' },
    });
    cleanups.push(pg.stop);
    databaseUrl = pg.url;
  } else {
    sqliteFile = path.join('.tmp', `bench-${process.pid}.db`);
    cleanups.push(() => {
      for (const file of sqliteFiles(sqliteFile)) fs.rmSync(file, { force: true });
    });
  }
  const siteReadToken = generateApiTokenKey();
  const env = tools.cmsEnv({
    port: port.cms,
    databaseUrl,
    sqliteFile,
    secrets,
    extra: {
      CMS_ADMIN_EMAIL: 'bench@medee.local',
      CMS_ADMIN_PASSWORD: generateAdminPassword(),
      SITE_READ_TOKEN: siteReadToken,
    },
  });
  log('seeding the CMS…');
  await tools.seedCms(env);
  const generate = async (perLocale, generateEnv) => {
    const output = await run(
      process.execPath,
      [path.join(rootDir, 'scripts', 'bench', 'generate-articles.cjs'), '--per-locale', String(perLocale)],
      { env: generateEnv, quiet: true },
    );
    return JSON.parse(output.trim().split('\n').pop());
  };
  const smallGenerated = await generate(smallScale, env);

  const largeEnv = { ...env, PORT: String(port.cmsLarge), PUBLIC_URL: `http://127.0.0.1:${port.cmsLarge}` };
  if (pg) {
    const admin = new tools.pg.Client({ connectionString: pg.url.replace(/\/medee_bench$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE medee_bench_large TEMPLATE medee_bench');
    } finally {
      await admin.end();
    }
    largeEnv.DATABASE_URL = pg.url.replace(/\/medee_bench$/, '/medee_bench_large');
  } else {
    const largeFile = path.join('.tmp', `bench-${process.pid}-large.db`);
    const [from, to] = [sqliteFiles(sqliteFile), sqliteFiles(largeFile)];
    for (const [i, file] of from.entries()) if (fs.existsSync(file)) fs.copyFileSync(file, to[i]);
    cleanups.push(() => {
      for (const file of to) fs.rmSync(file, { force: true });
    });
    largeEnv.DATABASE_FILENAME = largeFile;
  }
  log(`generating up to ${largeScale} articles per locale in a copy of the database…`);
  const largeGenerated = await generate(largeScale, largeEnv);
  log(`generated ${largeGenerated.documentsCreated} documents in ${largeGenerated.ms} ms`);
  const redirectsGenerated = await addRedirects(run, rootDir, largeEnv);
  log(`added ${redirectsGenerated.redirectsCreated} redirects in ${redirectsGenerated.ms} ms`);
  return { db, pg, env, largeEnv, siteReadToken, smallGenerated, largeGenerated };
}

/** The site (standalone, own copy) reading the small-scale CMS and, with nginx, the front. */
async function startStack(tools, port, nginxPath, databases) {
  const frontUrl = nginxPath ? `http://127.0.0.1:${port.front}` : null;
  const site = await tools.startStandaloneSite({
    port: port.site,
    env: {
      STRAPI_URL: `http://127.0.0.1:${port.cms}`,
      STRAPI_READ_TOKEN: databases.siteReadToken,
      SITE_URL: frontUrl ?? `http://127.0.0.1:${port.site}`,
    },
  });
  cleanups.push(site.stop);
  let front = null;
  if (nginxPath) {
    front = await startFront(
      singleInstanceFront({
        port: port.front,
        cmsPort: port.frontCms,
        sitePort: port.site,
        cmsInstancePort: port.cms,
        refreshToken: generateApiTokenKey(),
      }),
      { healthUrl: `${frontUrl}/mn` },
    );
    cleanups.push(front.stop);
  }
  return { site, front, frontUrl };
}

/** The pages measured in each locale, around the seed's own page (DESIGN.md): the 专精特新 certificate article. */
function benchPages() {
  const readSeed = (name) => JSON.parse(fs.readFileSync(path.join(rootDir, 'cms', 'data', 'seed', name), 'utf8'));
  const article = readSeed('articles.json').find((a) => a.mn && a.zh && a.certificates.length > 0);
  const certificate = readSeed('certificates.json').find((c) => c.key === article.certificates[0]);
  const pages = ['mn', 'zh'].flatMap((locale) => [
    { page: 'home', locale, path: `/${locale}` },
    { page: 'news', locale, path: `/${locale}/news` },
    { page: 'news-page-2', locale, path: `/${locale}/news?page=2` },
    { page: 'article', locale, path: `/${locale}/news/${article[locale].slug}` },
    { page: 'certificate', locale, path: `/${locale}/certificates/${certificate[locale].slug}` },
  ]);
  return { pages, article };
}

/**
 * Renders every page once (the site caches it, the front too) and serves its HTML as a static
 * file: the ceiling, from nginx or, without it, a minimal Node server. Sets each page's `file`.
 */
async function startCeiling(pages, { site, frontUrl }, port, nginxPath) {
  const ceilingRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-ceiling-'));
  fs.chmodSync(ceilingRoot, 0o755);
  cleanups.push(() => fs.rmSync(ceilingRoot, { recursive: true, force: true }));
  for (const [index, page] of pages.entries()) {
    page.file = `page-${index}.html`;
    await fetchOk(`${site.baseUrl}${page.path}`);
    const html = Buffer.from(await (await fetchOk(`${site.baseUrl}${page.path}`)).arrayBuffer());
    fs.writeFileSync(path.join(ceilingRoot, page.file), html, { mode: 0o644 });
    if (frontUrl) await fetchOk(`${frontUrl}${page.path}`);
  }
  const healthUrl = `http://127.0.0.1:${port.ceiling}/${pages[0].file}`;
  let ceiling;
  if (nginxPath) {
    ceiling = await startNginx({
      name: 'ceiling',
      healthUrl,
      prepare: () => ({ 'ceiling.conf': staticServerConf({ port: port.ceiling, root: ceilingRoot }) }),
    });
  } else {
    const proc = startProcess('ceiling', process.execPath, [
      path.join(rootDir, 'scripts', 'bench', 'static-server.cjs'),
      ceilingRoot,
      String(port.ceiling),
    ]);
    await waitForHttp(healthUrl, { proc, timeoutMs: 10_000 });
    ceiling = { pid: proc.pid, stop: proc.stop };
  }
  cleanups.push(ceiling.stop);
  return `http://127.0.0.1:${port.ceiling}`;
}

/** Site loads: direct, ceiling, front and bare Next (baseline.mjs), for each page and connection level. */
async function loadSite({ load }, pages, { site, frontUrl }, ceilingUrl, baseline) {
  const rows = [];
  for (const page of pages) {
    for (const [level, connections] of connectionLevels.entries()) {
      const settings = { connections, seconds, warmupSeconds: level === 0 ? 1 : 0 };
      const direct = await load(`${site.baseUrl}${page.path}`, settings);
      const ceilingResult = await load(`${ceilingUrl}/${page.file}`, settings);
      const frontResult = frontUrl ? await load(`${frontUrl}${page.path}`, settings) : null;
      const baselineResult = await load(baseline.url(page), settings);
      const ratio = (r) => (r && ceilingResult.rps ? Number((r.rps / ceilingResult.rps).toFixed(3)) : null);
      rows.push({
        page: page.page,
        locale: page.locale,
        path: page.path,
        connections,
        direct,
        ceiling: ceilingResult,
        front: frontResult,
        directRatio: ratio(direct),
        frontRatio: ratio(frontResult),
        baseline: baselineResult,
        baselineRatio: baselineResult.rps ? Number((direct.rps / baselineResult.rps).toFixed(3)) : null,
      });
      log(
        `${page.locale} ${page.page} @${connections}: site ${direct.rps} rps, ceiling ${ceilingResult.rps}, front ${frontResult?.rps ?? '-'}, bare Next ${baselineResult.rps}`,
      );
    }
  }
  return rows;
}

/**
 * Every page's HTML and scripts. "Own" JS is every chunk that defines a client component of ours
 * (or of a library we chose), counted whole, shared framework code and all; the rest is the
 * framework runtime (the build's rootMainFiles and polyfills, and chunks that define only Next's
 * own client components).
 */
async function weighPages(measure, pages, site) {
  const nextDir = path.join(site.dir, 'web', '.next');
  const chunkModules = measure.clientModulesByChunk(path.join(nextDir, 'server', 'app'));
  const moduleFiles = measure.clientModuleIds(path.join(nextDir, 'server', 'app'));
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8'));
  const runtimeChunks = new Set(
    [...buildManifest.rootMainFiles, ...buildManifest.polyfillFiles].map((file) => `/_next/${file}`),
  );
  const isOwnChunk = (pathname, code) => {
    if (runtimeChunks.has(pathname)) return false;
    return [...measure.chunkModuleIds(code)].some(
      (id) => moduleFiles.has(id) && !moduleFiles.get(id).startsWith('node_modules/next/'),
    );
  };
  const weight = [];
  for (const page of pages) {
    weight.push({
      page: page.page,
      locale: page.locale,
      ...(await measure.pageWeight(`${site.baseUrl}${page.path}`, isOwnChunk, chunkModules)),
    });
  }
  return weight;
}

/**
 * The CMS API at both scales (`urls`: the CMS on each of the database's two copies), in
 * alternating rounds, with the large scale's query plans on PostgreSQL.
 */
async function loadCms(tools, { queries, headers, urls, databases }) {
  const { load } = tools.measure;
  const scales = Object.entries(urls);
  const totals = {};
  for (const [scale, url] of scales) {
    for (const [name, pathAndQuery] of Object.entries(queries)) {
      const body = await (await fetchOk(`${url}${pathAndQuery}`, { headers })).json();
      if (!Array.isArray(body.data) || body.data.length === 0)
        throw new Error(`CMS ${scale} ${name} query returned no data`);
      totals[`${scale}:${name}`] = body.meta?.pagination?.total ?? null;
      // Warm-up, not counted: JIT, connection pool, PostgreSQL's buffers.
      await load(`${url}${pathAndQuery}`, { connections: cmsConnections, seconds: quick ? 1 : 2, headers });
    }
  }
  const figures = await alternateRounds({
    names: Object.keys(queries),
    scales: Object.keys(urls),
    rounds: cmsRounds,
    measureOne: (name, scale) =>
      load(`${urls[scale]}${queries[name]}`, { connections: cmsConnections, seconds, headers }),
  });
  const summarize = (scale) =>
    Object.fromEntries(
      Object.keys(queries).map((name) => [name, { ...figures[name][scale], total: totals[`${scale}:${name}`] }]),
    );
  const small = { perLocale: smallScale, generated: databases.smallGenerated, ...summarize('small') };
  const large = { perLocale: largeScale, generated: databases.largeGenerated, ...summarize('large') };
  let plans = null;
  if (databases.pg) {
    const client = new tools.pg.Client({ connectionString: databases.pg.url });
    await client.connect();
    try {
      plans = await explainCmsQueries(databases.pg, client, urls.large, queries, headers);
    } finally {
      await client.end();
    }
  }
  const p99Ratio = (name) => Number((large[name].p99 / small[name].p99).toFixed(2));
  return {
    connections: cmsConnections,
    rounds: cmsRounds,
    small,
    large,
    p99Ratio: { list: p99Ratio('list'), slug: p99Ratio('slug') },
    plans,
  };
}

/** Lighthouse through the front (what readers get): home, list and article. */
async function runLighthouse(measure, pages, baseUrl) {
  const lighthousePages = pages
    .filter((p) => ['home', 'news', 'article'].includes(p.page))
    .slice(0, quick ? 1 : undefined);
  log(`Lighthouse on ${lighthousePages.length} page(s)…`);
  return (await measure.lighthouseScores(lighthousePages.map((p) => `${baseUrl}${p.path}`))).map((r, i) => ({
    page: `${lighthousePages[i].locale} ${lighthousePages[i].page}`,
    ...r,
  }));
}

/**
 * Time to publish, measured by the editor issue's script (npm run bench:publish) when it is in
 * this tree. It runs its own stack (SQLite CMS, `next start`) and writes .bench/publish-*.json.
 */
async function measureTimeToPublish() {
  const publishScript = fs
    .readdirSync(path.join(rootDir, 'scripts'))
    .find((name) => /^bench-publish\.(c|m)?js$/.test(name));
  if (!publishScript) return 'pending issue 4 (scripts/bench-publish.* is not in this tree)';
  const publishRuns = quick ? 3 : 20;
  log(`time to publish: scripts/${publishScript} --runs ${publishRuns}…`);
  const before = Date.now();
  await run(process.execPath, [path.join(rootDir, 'scripts', publishScript), '--runs', String(publishRuns)], {
    cwd: rootDir,
    quiet: true,
  });
  const benchDir = path.join(rootDir, '.bench');
  const report = fs
    .readdirSync(benchDir)
    .filter((name) => /^publish-.*\.json$/.test(name))
    .map((name) => path.join(benchDir, name))
    .filter((file) => fs.statSync(file).mtimeMs >= before)
    .sort()
    .pop();
  if (!report) throw new Error(`scripts/${publishScript} wrote no .bench/publish-*.json`);
  const { rows } = JSON.parse(fs.readFileSync(report, 'utf8'));
  const targets = rows.filter((row) => row.name !== 'publish call');
  // The slowest target's figures (article page, news list, feed), directly and via the front.
  const slowest = (list) =>
    list.length
      ? {
          medianMs: Math.round(Math.max(...list.map((row) => row.median))),
          p95Ms: Math.round(Math.max(...list.map((row) => row.p95))),
        }
      : null;
  const viaFront = (row) => row.name.endsWith(' via front');
  return {
    runs: publishRuns,
    ...slowest(targets.filter((row) => !viaFront(row))),
    targets: Object.fromEntries(
      targets.map((row) => [row.name, { medianMs: Math.round(row.median), p95Ms: Math.round(row.p95) }]),
    ),
    front: slowest(targets.filter(viaFront)),
    note: `scripts/${publishScript}: the stack as in production (notices through the front, which the site refreshes)`,
    report: path.relative(rootDir, report),
  };
}

function runMeta(port, nginxPath) {
  return {
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationS: null,
    seconds,
    connections: connectionLevels,
    databases: dbs.map((db) => DATABASES[db]),
    // The site-wide figures (site loads, weight, Lighthouse, sitemap, history…) are on this one.
    siteDatabase: DATABASES[dbs[0]],
    ceiling: nginxPath ? 'nginx static file' : 'in-memory Node server',
    front: nginxPath ? 'nginx (deploy/nginx/templates/medee.conf.template), 1 site instance' : 'none',
    ports: port,
    machine: {
      // 1-minute load averages at the start and the end: the machine may be shared.
      loadAverage: { start: startLoad, end: null },
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
  };
}

/** The JSON (stamped, and as latest.json), the table (latest.txt) and the query plans. */
function writeReport(result) {
  fs.mkdirSync(options.out, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const jsonFile = path.join(options.out, `bench-${result.meta.mode}-${stamp}.json`);
  const text = formatReport(result);
  fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, 'latest.txt'), `${text}\n`);
  // The query plans are PostgreSQL's (auto_explain).
  const { plans } = result.databases.find((d) => d.cms.plans)?.cms ?? {};
  if (plans)
    fs.writeFileSync(
      path.join(options.out, 'latest-plans.txt'),
      Object.entries(plans)
        .map(([q, p]) => `### ${q}\n${p.log}`)
        .join('\n'),
    );
  console.log(`\n${text}\n`);
  log(
    `JSON: ${path.relative(process.cwd(), jsonFile)} (and latest.json, latest.txt${plans ? ', latest-plans.txt' : ''}) — ${result.meta.durationS} s`,
  );
}

/**
 * The per-database phase: everything reported for PostgreSQL and SQLite side by side. `ctx` has
 * `db` ('postgres' | 'sqlite'), `urls.small` and `urls.large` (the CMS at 100 and at the large
 * scale, both running on that database), `headers` and `token` (the site's read token),
 * `perLocale` (the large scale) and `databases` (prepareDatabases' result). Add a per-database
 * measurement as one more field of the returned object; report.mjs prints each field per
 * database (formatDatabases) and judges it per database (databaseGoals).
 */
async function measureDatabase(tools, ctx) {
  log(`${DATABASES[ctx.db]}: CMS API loads (${cmsRounds} alternating round(s) per scale)…`);
  const sampler = tools.measure.rssSampler(ctx.pids);
  const cms = await loadCms(tools, ctx);
  const redirects = await measureRedirectLookups(tools.measure.load, ctx.urls, {
    connections: cmsConnections,
    seconds,
    rounds: cmsRounds,
  });
  const rss = sampler.peak();
  sampler.stop();
  log(`${DATABASES[ctx.db]}: search at the large scale…`);
  const search = await measureSearch(ctx.urls.large, { samples: quick ? 10 : 30 });
  log(`${DATABASES[ctx.db]}: cold renders at the large scale…`);
  const coldRender = await measureColdRender({
    startStandaloneSite: tools.startStandaloneSite,
    cmsUrl: ctx.urls.large,
    token: ctx.token,
    perLocale: ctx.perLocale,
    perLocaleCount: quick ? 20 : 150,
    concurrency: 10,
  });
  return { cms: { ...cms, rssMiB: Math.max(...Object.values(rss)) }, redirects, search, coldRender };
}

/**
 * The site-wide figures, on the first database only: the site and the front on its small-scale
 * CMS (the ceiling beside them), Lighthouse, time to publish, scheduled publishes, the sitemap at
 * both scales and the history storage.
 */
async function measureSiteWide(tools, port, nginxPath, ctx) {
  const { measure } = tools;
  const stack = await startStack(tools, port, nginxPath, ctx.databases);
  const ceilingUrl = await startCeiling(ctx.pages, stack, port, nginxPath);
  const sampler = measure.rssSampler({
    site: stack.site.pid,
    cms: ctx.pids.small,
    ...(stack.front ? { front: stack.front.pid } : {}),
  });
  log('building the bare Next baseline on the same HTML…');
  const baseline = await startBaseline(ctx.pages, stack.site.baseUrl, port.baseline);
  cleanups.push(baseline.stop);
  const pinning = await pinServers([stack.site.pid, baseline.pid]);
  const siteRows = await loadSite(measure, ctx.pages, stack, ceilingUrl, baseline);
  pinning.restore();
  await baseline.stop();
  const rss = sampler.peak();
  sampler.stop();
  const weight = await weighPages(measure, ctx.pages, stack.site);
  const lighthouse = await runLighthouse(measure, ctx.pages, stack.frontUrl ?? stack.site.baseUrl);
  const timeToPublish = await measureTimeToPublish();
  log('scheduled publishes: how late they fire…');
  const { env } = ctx.databases;
  const scheduleLateness = await measureScheduleLateness({
    cmsUrl: ctx.urls.small,
    admin: { email: env.CMS_ADMIN_EMAIL, password: env.CMS_ADMIN_PASSWORD },
    readToken: ctx.token,
    samples: quick ? 6 : 20,
  });
  const sitemap = await measureSitemap(tools, stack, port, ctx.token, ctx.urls.large);
  const history = await measureHistory(tools, ctx.databases, ctx.urls.small);
  return {
    baseline: { nextVersion: require('next/package.json').version, pinned: pinning.pinned },
    site: siteRows,
    weight,
    rss: { ...rss, unit: 'MiB' },
    lighthouseVersion: require('lighthouse/package.json').version,
    lighthouseTarget: stack.frontUrl ? 'through the front' : 'direct',
    lighthouse,
    timeToPublish,
    scheduleLateness,
    sitemap,
    history,
  };
}

async function main() {
  const nginxPath = findNginx();
  log(
    `${quick ? 'quick' : 'full'} run: ${seconds} s per load, ${smallScale} and ${largeScale} articles per locale, CMS on ${dbs.map((db) => DATABASES[db]).join(' and ')}`,
  );
  if (!nginxPath)
    log('nginx not found: the ceiling is a minimal Node server and there is no front (apt-get install -y nginx-light)');

  const tools = await installAndLoadTools();
  const port = await ports();
  const { pages, article } = benchPages();
  const queries = cmsQueries(tools.qs, article.zh.slug);
  const result = { meta: runMeta(port, nginxPath), databases: [] };
  for (const db of dbs) {
    // What this database's phase starts is stopped at its end, so the next one has the machine.
    const phaseStart = cleanups.length;
    log(`${DATABASES[db]}: preparing ${smallScale} and ${largeScale} articles per locale…`);
    const databases = await prepareDatabases(tools, port, db);
    const cmsSmall = await tools.startCms(databases.env, { timeoutMs: 300_000 });
    cleanups.push(cmsSmall.stop);
    const cmsLarge = await tools.startCms(databases.largeEnv, { timeoutMs: 300_000 });
    cleanups.push(cmsLarge.stop);
    const token = databases.siteReadToken;
    const ctx = {
      db,
      databases,
      pages,
      queries,
      token,
      headers: { Authorization: `Bearer ${token}` },
      perLocale: largeScale,
      urls: { small: `http://127.0.0.1:${port.cms}`, large: `http://127.0.0.1:${port.cmsLarge}` },
      pids: { small: cmsSmall.pid, large: cmsLarge.pid },
    };
    result.databases.push({ db, label: DATABASES[db], ...(await measureDatabase(tools, ctx)) });
    if (db === dbs[0]) Object.assign(result, await measureSiteWide(tools, port, nginxPath, ctx));
    await cleanUp(phaseStart);
  }
  result.memoryLookup = measureMemoryLookup({ segments: quick ? 10_000 : 100_000 });
  result.goals = evaluateGoals(result);
  result.meta.machine.loadAverage.end = Number(os.loadavg()[0].toFixed(2));
  result.meta.durationS = Math.round((Date.now() - startedAt.getTime()) / 1000);
  writeReport(result);
}

/** Runs the cleanups pushed since index `from` (all by default), newest first. */
async function cleanUp(from = 0) {
  while (cleanups.length > from) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`[bench] cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping what the bench started…`);
    cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`[bench] failed: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
