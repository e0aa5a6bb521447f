// npm run bench [-- --quick] [--out DIR] [--port-base N] [--seconds S] [--articles N] [--db postgres|sqlite]
//
// One run, side by side: the built site in production mode (Next's standalone server) against
// a seeded CMS (`strapi start`) on a throw-away PostgreSQL cluster, the same HTML bytes served
// as static files by nginx (the physical ceiling), and the production front (nginx with the
// micro-cache of deploy/nginx/templates/medee.conf.template). Everything runs on loopback
// ports of its own (free ones, or --port-base N..N+4), so it runs beside `npm start`.
// Prints one table and writes the JSON to .bench/ (gitignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  chunkModuleIds,
  clientModuleIds,
  clientModulesByChunk,
  lighthouseScores,
  load,
  pageWeight,
  rssSampler,
} from './measure.mjs';
import { evaluateGoals, formatReport } from './report.mjs';

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
    db: { type: 'string', default: 'postgres' },
  },
});
const quick = options.quick;
const seconds = Number(options.seconds ?? (quick ? 2 : 5));
const largeScale = Number(options.articles ?? (quick ? 200 : 10_000));
const smallScale = 100;
const connectionLevels = [10, 50];
const cmsConnections = 10;
// The CMS scales are measured in alternating rounds (100, 10k, 100, 10k, …) on two databases,
// so a change in the machine's load during the run hits both alike; each figure is the median.
const cmsRounds = quick ? 1 : 3;
if (!['postgres', 'sqlite'].includes(options.db)) throw new Error('--db must be postgres or sqlite');

const log = (message) => console.log(`[bench] ${message}`);
const cleanups = [];
const startedAt = new Date();

// The builds need the CMS secrets in the environment (config is loaded at build time); these
// are throw-away values for this run, never written anywhere.
const secrets = generateCmsSecrets();
Object.assign(process.env, secrets, { STRAPI_TELEMETRY_DISABLED: 'true', NEXT_TELEMETRY_DISABLED: '1' });

async function ports() {
  const names = ['cms', 'site', 'ceiling', 'front', 'frontCms', 'cmsLarge', 'siteLarge'];
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

async function main() {
  const nginxPath = findNginx();
  log(
    `${quick ? 'quick' : 'full'} run: ${seconds} s per load, ${smallScale} and ${largeScale} articles per locale, CMS on ${options.db}`,
  );
  if (!nginxPath)
    log('nginx not found: the ceiling is a minimal Node server and there is no front (apt-get install -y nginx-light)');

  await ensureInstalled();
  await ensureCmsBuilt();
  await ensureWebBuilt();
  // Loaded after the build checks: they need the workspaces' packages.
  const { cmsEnv, seedCms, startCms } = require('../lib/cms.cjs');
  const { startStandaloneSite } = require('../lib/site.cjs');
  const { startPostgres } = require('../lib/postgres.cjs');
  const qs = require(require.resolve('qs', { paths: [path.join(rootDir, 'web')] }));
  const port = await ports();
  const cmsUrl = `http://127.0.0.1:${port.cms}`;
  const frontUrl = nginxPath ? `http://127.0.0.1:${port.front}` : null;

  // --- CMS on a throw-away database, seeded, topped up to the small scale
  let pg;
  let databaseUrl;
  let sqliteFile;
  if (options.db === 'postgres') {
    pg = await startPostgres({
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
      for (const suffix of ['', '-wal', '-shm'])
        fs.rmSync(path.join(rootDir, 'cms', `${sqliteFile}${suffix}`), { force: true });
    });
  }
  const siteReadToken = generateApiTokenKey();
  const env = cmsEnv({
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
  await seedCms(env);
  const generate = async (perLocale, generateEnv) => {
    const output = await run(
      process.execPath,
      [path.join(rootDir, 'scripts', 'bench', 'generate-articles.cjs'), '--per-locale', String(perLocale)],
      {
        env: generateEnv,
        quiet: true,
      },
    );
    return JSON.parse(output.trim().split('\n').pop());
  };
  const smallGenerated = await generate(smallScale, env);

  // The large scale: a copy of the small database (same seed, same site token), topped up.
  let largeEnv;
  if (pg) {
    const { Client } = require(require.resolve('pg', { paths: [path.join(rootDir, 'cms')] }));
    const admin = new Client({ connectionString: pg.url.replace(/\/medee_bench$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE medee_bench_large TEMPLATE medee_bench');
    } finally {
      await admin.end();
    }
    largeEnv = {
      ...env,
      PORT: String(port.cmsLarge),
      PUBLIC_URL: `http://127.0.0.1:${port.cmsLarge}`,
      DATABASE_URL: pg.url.replace(/\/medee_bench$/, '/medee_bench_large'),
    };
  } else {
    const largeFile = path.join('.tmp', `bench-${process.pid}-large.db`);
    for (const suffix of ['', '-wal', '-shm']) {
      const from = path.join(rootDir, 'cms', `${sqliteFile}${suffix}`);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(rootDir, 'cms', `${largeFile}${suffix}`));
    }
    cleanups.push(() => {
      for (const suffix of ['', '-wal', '-shm'])
        fs.rmSync(path.join(rootDir, 'cms', `${largeFile}${suffix}`), { force: true });
    });
    largeEnv = {
      ...env,
      PORT: String(port.cmsLarge),
      PUBLIC_URL: `http://127.0.0.1:${port.cmsLarge}`,
      DATABASE_FILENAME: largeFile,
    };
  }
  log(`generating up to ${largeScale} articles per locale in a copy of the database…`);
  const largeGenerated = await generate(largeScale, largeEnv);
  log(`generated ${largeGenerated.documentsCreated} documents in ${largeGenerated.ms} ms`);

  log(`CMS at ${smallScale} articles per locale (+${smallGenerated.documentsCreated} documents); starting it…`);
  const cms = await startCms(env);
  cleanups.push(cms.stop);

  // --- the site (standalone, own copy), the front, the ceiling
  const site = await startStandaloneSite({
    port: port.site,
    env: {
      STRAPI_URL: cmsUrl,
      STRAPI_READ_TOKEN: siteReadToken,
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

  const seed = JSON.parse(fs.readFileSync(path.join(rootDir, 'cms', 'data', 'seed', 'articles.json'), 'utf8'));
  const seedCertificates = JSON.parse(
    fs.readFileSync(path.join(rootDir, 'cms', 'data', 'seed', 'certificates.json'), 'utf8'),
  );
  // The seed's own page (DESIGN.md): the 专精特新 certificate article and its certificate.
  const article = seed.find((a) => a.mn && a.zh && a.certificates.length > 0);
  const certificate = seedCertificates.find((c) => c.key === article.certificates[0]);
  const pages = [];
  for (const locale of ['mn', 'zh']) {
    pages.push({ page: 'home', locale, path: `/${locale}` });
    pages.push({ page: 'news', locale, path: `/${locale}/news` });
    pages.push({ page: 'news-page-2', locale, path: `/${locale}/news?page=2` });
    pages.push({ page: 'article', locale, path: `/${locale}/news/${article[locale].slug}` });
    pages.push({ page: 'certificate', locale, path: `/${locale}/certificates/${certificate[locale].slug}` });
  }

  // Render every page once (the site caches it), keep its HTML as the ceiling's file.
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
  let ceiling;
  if (nginxPath) {
    ceiling = await startNginx({
      name: 'ceiling',
      healthUrl: `http://127.0.0.1:${port.ceiling}/${pages[0].file}`,
      prepare: () => ({ 'ceiling.conf': staticServerConf({ port: port.ceiling, root: ceilingRoot }) }),
    });
  } else {
    const proc = startProcess('ceiling', process.execPath, [
      path.join(rootDir, 'scripts', 'bench', 'static-server.cjs'),
      ceilingRoot,
      String(port.ceiling),
    ]);
    await waitForHttp(`http://127.0.0.1:${port.ceiling}/${pages[0].file}`, { proc, timeoutMs: 10_000 });
    ceiling = { pid: proc.pid, stop: proc.stop };
  }
  cleanups.push(ceiling.stop);

  // --- site loads: direct, ceiling, front, for each page and connection level
  const sampler = rssSampler({ site: site.pid, cms: cms.pid, ...(front ? { front: front.pid } : {}) });
  const siteRows = [];
  for (const page of pages) {
    for (const [level, connections] of connectionLevels.entries()) {
      const settings = { connections, seconds, warmupSeconds: level === 0 ? 1 : 0 };
      const direct = await load(`${site.baseUrl}${page.path}`, settings);
      const ceilingResult = await load(`http://127.0.0.1:${port.ceiling}/${page.file}`, settings);
      const frontResult = frontUrl ? await load(`${frontUrl}${page.path}`, settings) : null;
      const ratio = (r) => (r && ceilingResult.rps ? Number((r.rps / ceilingResult.rps).toFixed(3)) : null);
      siteRows.push({
        page: page.page,
        locale: page.locale,
        path: page.path,
        connections,
        direct,
        ceiling: ceilingResult,
        front: frontResult,
        directRatio: ratio(direct),
        frontRatio: ratio(frontResult),
      });
      log(
        `${page.locale} ${page.page} @${connections}: site ${direct.rps} rps, ceiling ${ceilingResult.rps}, front ${frontResult?.rps ?? '-'}`,
      );
    }
  }
  const siteRss = sampler.peak();

  // --- weight: every page's HTML and scripts. "Own" JS is every chunk that defines a client
  // component of ours (or of a library we chose), counted whole, shared framework code and all;
  // the rest is the framework runtime (the build's rootMainFiles and polyfills, and chunks that
  // define only Next's own client components).
  const nextDir = path.join(site.dir, 'web', '.next');
  const chunkModules = clientModulesByChunk(path.join(nextDir, 'server', 'app'));
  const moduleFiles = clientModuleIds(path.join(nextDir, 'server', 'app'));
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8'));
  const runtimeChunks = new Set(
    [...buildManifest.rootMainFiles, ...buildManifest.polyfillFiles].map((file) => `/_next/${file}`),
  );
  const isOwnChunk = (pathname, code) => {
    if (runtimeChunks.has(pathname)) return false;
    return [...chunkModuleIds(code)].some(
      (id) => moduleFiles.has(id) && !moduleFiles.get(id).startsWith('node_modules/next/'),
    );
  };
  const weight = [];
  for (const page of pages) {
    weight.push({
      page: page.page,
      locale: page.locale,
      ...(await pageWeight(`${site.baseUrl}${page.path}`, isOwnChunk, chunkModules)),
    });
  }

  // --- CMS API at both scales
  const headers = { Authorization: `Bearer ${siteReadToken}` };
  const queries = cmsQueries(qs, article.zh.slug);
  log(`CMS API loads (${cmsRounds} alternating round(s) per scale)…`);
  const cmsLarge = await startCms(largeEnv);
  cleanups.push(cmsLarge.stop);
  const largeUrl = `http://127.0.0.1:${port.cmsLarge}`;
  const largeSampler = rssSampler({ cms: cmsLarge.pid });
  const totals = {};
  for (const [scale, url] of [
    ['small', cmsUrl],
    ['large', largeUrl],
  ]) {
    for (const [name, pathAndQuery] of Object.entries(queries)) {
      const body = await (await fetchOk(`${url}${pathAndQuery}`, { headers })).json();
      if (!Array.isArray(body.data) || body.data.length === 0)
        throw new Error(`CMS ${scale} ${name} query returned no data`);
      totals[`${scale}:${name}`] = body.meta?.pagination?.total ?? null;
      // Warm-up, not counted: JIT, connection pool, PostgreSQL's buffers.
      await load(`${url}${pathAndQuery}`, { connections: cmsConnections, seconds: quick ? 1 : 2, headers });
    }
  }
  const rounds = { small: { list: [], slug: [] }, large: { list: [], slug: [] } };
  for (let round = 0; round < cmsRounds; round += 1) {
    for (const name of Object.keys(queries)) {
      for (const [scale, url] of [
        ['small', cmsUrl],
        ['large', largeUrl],
      ]) {
        rounds[scale][name].push(
          await load(`${url}${queries[name]}`, { connections: cmsConnections, seconds, headers }),
        );
      }
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : Number(((sorted[middle - 1] + sorted[middle]) / 2).toFixed(2));
  };
  const summarize = (scale) =>
    Object.fromEntries(
      Object.keys(queries).map((name) => {
        const runs = rounds[scale][name];
        return [
          name,
          {
            rps: median(runs.map((r) => r.rps)),
            p50: median(runs.map((r) => r.p50)),
            p99: median(runs.map((r) => r.p99)),
            requests: runs.reduce((sum, r) => sum + r.requests, 0),
            errors: runs.reduce((sum, r) => sum + r.errors, 0),
            total: totals[`${scale}:${name}`],
            rounds: runs,
          },
        ];
      }),
    );
  const small = { perLocale: smallScale, generated: smallGenerated, ...summarize('small') };
  const large = { perLocale: largeScale, generated: largeGenerated, ...summarize('large') };
  let plans = null;
  if (pg) {
    const { Client } = require(require.resolve('pg', { paths: [path.join(rootDir, 'cms')] }));
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      plans = await explainCmsQueries(pg, client, largeUrl, queries, headers);
    } finally {
      await client.end();
    }
  }
  const cmsRss = Math.max(sampler.peak().cms, largeSampler.peak().cms);
  sampler.stop();
  largeSampler.stop();
  const p99Ratio = (name) => Number((large[name].p99 / small[name].p99).toFixed(2));

  // --- Lighthouse through the front (what readers get), home, list and article
  const lighthouseBase = frontUrl ?? site.baseUrl;
  const lighthousePages = pages
    .filter((p) => ['home', 'news', 'article'].includes(p.page))
    .slice(0, quick ? 1 : undefined);
  log(`Lighthouse on ${lighthousePages.length} page(s)…`);
  const lighthouse = (await lighthouseScores(lighthousePages.map((p) => `${lighthouseBase}${p.path}`))).map((r, i) => ({
    page: `${lighthousePages[i].locale} ${lighthousePages[i].page}`,
    ...r,
  }));

  // --- time to publish: measured by the editor issue's script (npm run bench:publish) when it is
  // in this tree. It runs its own stack (SQLite CMS, `next start`) and writes .bench/publish-*.json.
  const publishScript = fs
    .readdirSync(path.join(rootDir, 'scripts'))
    .find((name) => /^bench-publish\.(c|m)?js$/.test(name));
  let timeToPublish = 'pending issue 4 (scripts/bench-publish.* is not in this tree)';
  if (publishScript) {
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
    timeToPublish = {
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

  // --- sitemap at both scales: built from paginated CMS reads; an index past 50,000 URLs
  const sitemapAt = async (baseUrl) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/sitemap.xml`);
    const xml = await response.text();
    const ms = Math.round(performance.now() - started);
    const kind = /<sitemapindex\b/.test(xml) ? 'index' : /<urlset\b/.test(xml) ? 'urlset' : 'invalid';
    const count = (xml.match(kind === 'index' ? /<sitemap>/g : /<url>/g) ?? []).length;
    return { status: response.status, kind, entries: count, bytes: xml.length, ms };
  };
  const sitemapSmall = await sitemapAt(site.baseUrl);
  const siteLarge = await startStandaloneSite({
    port: port.siteLarge,
    name: 'site-large',
    env: {
      STRAPI_URL: largeUrl,
      STRAPI_READ_TOKEN: siteReadToken,
      SITE_URL: frontUrl ?? `http://127.0.0.1:${port.siteLarge}`,
    },
  });
  let sitemapLarge;
  try {
    sitemapLarge = await sitemapAt(siteLarge.baseUrl);
  } finally {
    await siteLarge.stop();
  }
  const sitemapOk = (m) =>
    m.status === 200 && m.kind !== 'invalid' && m.entries > 0 && (m.kind === 'urlset' ? m.entries <= 50_000 : true);
  const sitemap = {
    status: sitemapOk(sitemapSmall) && sitemapOk(sitemapLarge) ? 'met' : 'not met',
    small: sitemapSmall,
    large: sitemapLarge,
    note: 'index of /sitemaps/<n>.xml past 50,000 URLs (web/lib/sitemap.ts sitemapParts, unit-tested at 60,000); CMS read in pages of 100',
  };

  await cmsLarge.stop();

  const result = {
    meta: {
      mode: quick ? 'quick' : 'full',
      startedAt: startedAt.toISOString(),
      durationS: null,
      seconds,
      connections: connectionLevels,
      database: options.db === 'postgres' ? 'PostgreSQL (throw-away cluster)' : 'SQLite',
      ceiling: nginxPath ? 'nginx static file' : 'in-memory Node server',
      front: nginxPath ? 'nginx (deploy/nginx/templates/medee.conf.template), 1 site instance' : 'none',
      ports: port,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
    },
    site: siteRows,
    cms: {
      connections: cmsConnections,
      rounds: cmsRounds,
      small,
      large,
      p99Ratio: { list: p99Ratio('list'), slug: p99Ratio('slug') },
      plans,
    },
    weight,
    rss: { ...siteRss, cms: cmsRss, unit: 'MiB' },
    lighthouseVersion: require('lighthouse/package.json').version,
    lighthouseTarget: frontUrl ? 'through the front' : 'direct',
    lighthouse,
    timeToPublish,
    sitemap,
  };
  result.goals = evaluateGoals(result);
  result.meta.durationS = Math.round((Date.now() - startedAt.getTime()) / 1000);

  fs.mkdirSync(options.out, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const jsonFile = path.join(options.out, `bench-${result.meta.mode}-${stamp}.json`);
  const text = formatReport(result);
  fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, 'latest.txt'), `${text}\n`);
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

async function cleanUp() {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[bench] cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
  cleanups.length = 0;
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
