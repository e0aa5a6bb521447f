// npm run bench:publish [-- --runs 20]: time from the publish call in Strapi to the first fresh
// response of the article page, the news list and the feed, directly from the site and through
// the production front (nginx with deploy/nginx/'s micro-cache, when nginx is installed).
//
// Starts its own stack from the built apps — a seeded CMS on a throw-away SQLite file, `next
// start` wired to it and the front before it, as in production (change notices through the
// front, the site refreshing the front's cache), on free ports — publishes one article `runs`
// times with a new title, and after each publish polls every target until it shows that title.
// Prints median, p95 and max per target; the goal is p95 under 1 s.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { ensureInstalled, ensureCmsBuilt, ensureWebBuilt } = require('./lib/build.cjs');
const { freePort, startProcess, waitForHttp } = require('./lib/processes.cjs');
const {
  generateAdminPassword,
  generateApiTokenKey,
  generateCmsSecrets,
  generateSiteSecrets,
} = require('./lib/secrets.cjs');
const { findNginx, singleInstanceFront, startFront } = require('./lib/nginx.cjs');

const rootDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    locale: { type: 'string' },
    'poll-ms': { type: 'string', default: '20' },
  },
});
const runs = Number(options.runs);
const pollMs = Number(options['poll-ms']);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer (got ${options.runs})`);

await ensureInstalled();
// Loaded after the install, which builds the contract.
const { defaultLocale, isLocale, locales } = require('@medee/contract');
const locale = options.locale ?? defaultLocale;
if (!isLocale(locale)) throw new Error(`--locale must be one of ${locales.join(', ')} (got ${locale})`);
// Loaded after the install: the CMS helpers need the cms workspace's packages.
const { cmsDir, cmsEnv, seedCms, startCms } = require('./lib/cms.cjs');
await ensureCmsBuilt();
await ensureWebBuilt();

const processes = [];
const cleanups = [];
async function shutdown() {
  for (const proc of processes.reverse()) await proc.stop();
  for (const cleanup of cleanups) cleanup();
}
process.on('SIGINT', () => shutdown().then(() => process.exit(130)));

const [cmsPort, sitePort, frontPort, frontCmsPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const cmsUrl = `http://127.0.0.1:${cmsPort}`;
const siteUrl = `http://127.0.0.1:${sitePort}`;
const withFront = Boolean(findNginx());
if (!withFront)
  console.log('nginx not found: measuring the site directly only (apt-get install -y nginx-light for the front)');
const frontUrl = withFront ? `http://127.0.0.1:${frontPort}` : null;
const frontRefreshToken = generateApiTokenKey();
const admin = { email: 'bench@medee.test', password: generateAdminPassword() };
const readToken = generateApiTokenKey();
const shared = generateSiteSecrets();
const sqliteFile = path.join('.tmp', `bench-publish-${process.pid}.db`);
cleanups.push(() => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(cmsDir, `${sqliteFile}${suffix}`), { force: true });
});

const env = cmsEnv({
  port: cmsPort,
  sqliteFile,
  secrets: generateCmsSecrets(),
  extra: {
    CMS_ADMIN_EMAIL: admin.email,
    CMS_ADMIN_PASSWORD: admin.password,
    SITE_READ_TOKEN: readToken,
    SITE_URL: frontUrl ?? siteUrl,
    SITE_REVALIDATE_URL: frontUrl ? `${frontUrl}/api/revalidate` : '',
    SITE_REVALIDATE_SECRET: shared.revalidateSecret,
    SITE_PREVIEW_SECRET: shared.previewSecret,
    SITE_PREVIEW_TOKEN: shared.previewToken,
  },
});

try {
  console.log('Seeding a throw-away database and starting the CMS and the site…');
  await seedCms(env);
  processes.push(await startCms(env));
  const site = startProcess(
    'web',
    path.join(rootDir, 'node_modules', '.bin', 'next'),
    ['start', '-p', String(sitePort), '-H', '127.0.0.1'],
    {
      cwd: path.join(rootDir, 'web'),
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        STRAPI_URL: cmsUrl,
        STRAPI_READ_TOKEN: readToken,
        SITE_URL: frontUrl ?? siteUrl,
        REVALIDATE_SECRET: shared.revalidateSecret,
        PREVIEW_SECRET: shared.previewSecret,
        STRAPI_PREVIEW_TOKEN: shared.previewToken,
        ...(frontUrl ? { FRONT_URL: frontUrl, FRONT_REFRESH_TOKEN: frontRefreshToken } : {}),
      },
    },
  );
  processes.push(site);
  await waitForHttp(`${siteUrl}/${locale}`, { proc: site, timeoutMs: 60_000 });
  if (frontUrl) {
    const vars = singleInstanceFront({
      port: frontPort,
      cmsPort: frontCmsPort,
      sitePort,
      cmsInstancePort: cmsPort,
      refreshToken: frontRefreshToken,
    });
    processes.push(await startFront(vars, { healthUrl: `${frontUrl}/${locale}` }));
  }

  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const adminToken = (await login.json()).data.token;
  const adminCall = async (method, apiPath, body) => {
    const response = await fetch(`${cmsUrl}${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };

  const tag = crypto.randomBytes(4).toString('hex');
  const slug = `bench-publish-${tag}`;
  const articles = '/content-manager/collection-types/api::article.article';
  const created = await adminCall('POST', `${articles}?locale=${locale}`, { title: `Bench ${tag} 0`, slug });
  const documentId = created.data.documentId;
  const publish = (title) =>
    adminCall('POST', `${articles}/${documentId}/actions/publish?locale=${locale}`, { title, locale });

  const pages = [
    { name: 'article page', path: `/${locale}/news/${slug}` },
    { name: 'news list', path: `/${locale}/news` },
  ];
  const feedPath = `/${locale}/feed.xml`;
  /** Each page directly from the site and, as readers get it, through the front. */
  const targetsOf = (page) => [
    { ...page, base: siteUrl },
    ...(frontUrl ? [{ ...page, name: `${page.name} via front`, base: frontUrl }] : []),
  ];

  /** Polls `target` until its body contains `text`; resolves with the time it first did. */
  const firstFresh = async (target, text, deadline) => {
    for (;;) {
      const response = await fetch(`${target.base}${target.path}`);
      const body = await response.text();
      if (response.status === 200 && body.includes(text)) return performance.now();
      if (performance.now() > deadline)
        throw new Error(
          `${target.name} (${target.path}) did not show "${text}" within 30 s (last status ${response.status})`,
        );
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };

  // Warm-up publish: every target has been rendered and cached once before measuring.
  await publish(`Bench ${tag} 0`);
  const feed = await fetch(`${siteUrl}${feedPath}`);
  if (feed.status === 200) pages.push({ name: 'feed', path: feedPath });
  const targets = pages.flatMap(targetsOf);
  for (const target of targets) await firstFresh(target, `Bench ${tag} 0`, performance.now() + 30_000);

  const samples = Object.fromEntries([...targets.map((t) => [t.name, []]), ['publish call', []]]);
  console.log(`Measuring ${runs} publishes of ${locale} article "${slug}" (poll every ${pollMs} ms)…`);
  for (let run = 1; run <= runs; run += 1) {
    const title = `Bench ${tag} ${run}`;
    const started = performance.now();
    await publish(title);
    samples['publish call'].push(performance.now() - started);
    const deadline = started + 30_000;
    const times = await Promise.all(targets.map((target) => firstFresh(target, title, deadline)));
    targets.forEach((target, i) => {
      samples[target.name].push(times[i] - started);
    });
    process.stdout.write(
      `  ${String(run).padStart(2)}: ${targets.map((t, i) => `${t.name} ${Math.round(times[i] - started)} ms`).join(', ')}\n`,
    );
  }

  const quantile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  };
  const rows = Object.entries(samples).map(([name, values]) => ({
    name,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    max: Math.max(...values),
  }));
  console.log(
    `\nTime from the publish call to the first fresh response, ${runs} publishes (${os.cpus().length} cores, Node ${process.versions.node}):`,
  );
  console.log(`  ${'target'.padEnd(24)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(24)} ${`${Math.round(row.median)} ms`.padStart(8)} ${`${Math.round(row.p95)} ms`.padStart(8)} ${`${Math.round(row.max)} ms`.padStart(8)}`,
    );
  }
  if (!pages.some((t) => t.name === 'feed'))
    console.log(
      `  feed                     not measured: ${feedPath} answers ${feed.status} (the site has no feed yet)`,
    );
  const measured = rows.filter((row) => row.name !== 'publish call');
  const met = measured.every((row) => row.p95 < 1000);
  console.log(
    `\nGoal p95 < 1 s: ${met ? 'met' : 'NOT met'} (${measured.map((row) => `${row.name} ${Math.round(row.p95)} ms`).join(', ')})`,
  );

  fs.mkdirSync(path.join(rootDir, '.bench'), { recursive: true });
  const report = path.join(rootDir, '.bench', `publish-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    report,
    JSON.stringify(
      {
        runs,
        locale,
        pollMs,
        front: Boolean(frontUrl),
        cores: os.cpus().length,
        node: process.versions.node,
        rows,
        samples,
      },
      null,
      2,
    ),
  );
  console.log(`Samples: ${path.relative(rootDir, report)}`);
} finally {
  await shutdown();
}
