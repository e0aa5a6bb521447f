// npm start: install, build, seed on first run, then run the CMS (:1337) and the site (:3000)
// on the embedded SQLite database until Ctrl-C. The site runs as its image does: Next's
// standalone server (web/Dockerfile), not `next start`, which does not serve that build.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureInstalled, ensureCmsBuilt, ensureWebBuilt } = require('./lib/build.cjs');
const { portInUse } = require('./lib/processes.cjs');
const { demoLogins, effectiveCmsEnv, effectiveWebEnv, ensureEnvFiles } = require('./lib/env-files.cjs');

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`medee needs Node.js 20 or newer (this is ${process.version}).`);
  process.exit(1);
}

const rootDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const cmsDir = path.join(rootDir, 'cms');
const started = Date.now();

await ensureInstalled();
// Loaded after the install: the CMS helpers need the cms workspace's packages.
const { seedCms, startCms } = require('./lib/cms.cjs');
const { startStandaloneSite } = require('./lib/site.cjs');

const { created } = ensureEnvFiles();
if (created.length > 0) console.log(`Wrote ${created.join(' and ')} with fresh development secrets (not committed).`);
// Every value below (ports, database, the printed logins) is the one the CMS will use.
const cmsEnv = effectiveCmsEnv();
const cmsPort = Number(cmsEnv.PORT || 1337);
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

const databaseFile = path.join(cmsDir, cmsEnv.DATABASE_FILENAME || '.tmp/data.db');
const usesSqlite = (cmsEnv.DATABASE_CLIENT || 'sqlite') === 'sqlite' && !cmsEnv.DATABASE_URL;
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
  // The standalone server reads env files only from its own directory, a copy of the build
  // without web/.env.local: it gets that file's values from here.
  const web = await startStandaloneSite({
    name: 'web',
    port: webPort,
    env: { ...effectiveWebEnv(), STRAPI_URL: `http://127.0.0.1:${cmsPort}` },
    echo: true,
  });
  // Its stop() also removes the copy of the build it runs from.
  processes.push({ name: 'web', exited: web.proc.exited, stop: web.stop });
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

// The CMS creates each demo login only when no user has it yet (bootstrap/admin-user.ts), so a
// login changed in the environment or the admin since then may not work: print only what does.
const logins = [];
for (const login of demoLogins(cmsEnv)) {
  const response = await fetch(`http://127.0.0.1:${cmsPort}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  logins.push(
    response.ok
      ? `  ${login.label.padEnd(9)} ${login.email} / ${login.password}`
      : `  ${login.label.padEnd(9)} ${login.email} does not log in with the password set for it: the CMS creates a demo account only while none exists and keeps an existing one as it is`,
  );
}

console.log(`
medee is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s):
  Site      ${require('@medee/contract')
    .locales.map((locale) => `http://localhost:${webPort}/${locale}`)
    .join('   ')}
  CMS admin http://localhost:${cmsPort}/admin
${logins.join('\n')}
Press Ctrl-C to stop both.`);
