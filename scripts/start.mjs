// npm start: install, build, seed on first run, then run the CMS (:1337) and the site (:3000)
// on the embedded SQLite database until Ctrl-C.
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureInstalled, ensureCmsBuilt, ensureWebBuilt } = require('./lib/build.cjs');
const { portInUse, startProcess, waitForHttp } = require('./lib/processes.cjs');
const { ensureEnvFiles } = require('./lib/env-files.cjs');

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`medee needs Node.js 20 or newer (this is ${process.version}).`);
  process.exit(1);
}

const rootDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const cmsDir = path.join(rootDir, 'cms');
const webDir = path.join(rootDir, 'web');
const started = Date.now();

await ensureInstalled();
// Loaded after the install: the CMS helpers need the cms workspace's packages.
const { seedCms, startCms } = require('./lib/cms.cjs');

const { admin, translators, cmsEnvFile, created } = ensureEnvFiles();
if (created.length > 0) console.log(`Wrote ${created.join(' and ')} with fresh development secrets (not committed).`);
const cmsEnvValues = parseEnv(fs.readFileSync(cmsEnvFile, 'utf8'));
const cmsPort = Number(process.env.PORT ?? cmsEnvValues.PORT ?? 1337);
const webPort = Number(process.env.WEB_PORT ?? 3000);

for (const [name, port] of [
  ['CMS', cmsPort],
  ['site', webPort],
]) {
  if (await portInUse(port)) {
    console.error(`Port ${port} (${name}) is already in use: stop what runs there (another npm start?) and try again.`);
    process.exit(1);
  }
}

await ensureCmsBuilt();
await ensureWebBuilt();

const databaseFile = path.join(
  cmsDir,
  process.env.DATABASE_FILENAME ?? cmsEnvValues.DATABASE_FILENAME ?? '.tmp/data.db',
);
const usesSqlite =
  (process.env.DATABASE_CLIENT ?? cmsEnvValues.DATABASE_CLIENT ?? 'sqlite') === 'sqlite' &&
  !(process.env.DATABASE_URL ?? cmsEnvValues.DATABASE_URL);
if (usesSqlite && !fs.existsSync(databaseFile)) {
  console.log('First run: seeding the database…');
  await seedCms({ PORT: String(cmsPort) }, { quiet: false });
}

const processes = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.all(processes.map((proc) => proc.stop()));
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  // The CMS announces publishes to the site and links previews to it: follow a WEB_PORT override.
  const siteOverride = process.env.WEB_PORT
    ? { SITE_URL: `http://localhost:${webPort}`, SITE_REVALIDATE_URL: `http://127.0.0.1:${webPort}/api/revalidate` }
    : {};
  const cms = await startCms(
    { ...process.env, ...siteOverride, PORT: String(cmsPort), STRAPI_TELEMETRY_DISABLED: 'true' },
    { echo: true },
  );
  processes.push(cms);
  const web = startProcess(
    'web',
    path.join(rootDir, 'node_modules', '.bin', 'next'),
    ['start', '-p', String(webPort), '-H', '127.0.0.1'],
    {
      cwd: webDir,
      env: { NEXT_TELEMETRY_DISABLED: '1', STRAPI_URL: `http://127.0.0.1:${cmsPort}` },
      echo: true,
    },
  );
  processes.push(web);
  await waitForHttp(`http://127.0.0.1:${webPort}/mn`, { proc: web, timeoutMs: 60_000 });
  for (const proc of processes)
    proc.exited.then((code) => {
      if (stopping) return;
      console.error(`${proc.name} exited (${code})`);
      stopAll(1);
    });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}

console.log(`
medee is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s):
  Site      ${require('@medee/contract')
    .locales.map((locale) => `http://localhost:${webPort}/${locale}`)
    .join('   ')}
  CMS admin http://localhost:${cmsPort}/admin
  Login     ${admin.email} / ${admin.password}
${translators
  .filter((t) => t.email && t.password)
  .map((t) => `  Translator (${t.locale}) ${t.email} / ${t.password}`)
  .join('\n')}
Press Ctrl-C to stop both.`);
