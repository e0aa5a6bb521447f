// npm test: check prerequisites, install, build the CMS and the site once, run every suite.
// Extra arguments go to the CMS + browser Jest run only (e.g. `npm test -- --selectProjects cms`).
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const { ensureInstalled, ensureCmsBuilt, ensureWebBuilt } = require('./lib/build.cjs');
const { run } = require('./lib/processes.cjs');
const { findChromium } = require('./lib/chromium.cjs');
const { findPostgresBinary } = require('./lib/postgres.cjs');

const rootDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..');

// A missing prerequisite fails the run with what to install; nothing is skipped silently.
const missing = [];
try {
  findChromium();
} catch (error) {
  missing.push(error.message);
}
for (const binary of ['initdb', 'pg_ctl', 'postgres']) {
  try {
    findPostgresBinary(binary);
  } catch (error) {
    missing.push(error.message);
  }
}
// The bench (static ceiling, front) and the cluster tests (front, shared cache).
const { missingClusterPackages } = require('./lib/cluster.cjs');
const missingPackages = missingClusterPackages().filter((name) => name !== 'postgresql');
if (missingPackages.length > 0)
  missing.push(
    `nginx and Redis for the bench and cluster suites (Debian: apt-get install -y ${missingPackages.join(' ')})`,
  );
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    missing.push(
      'Running as root needs a "postgres" user to own the test clusters (Debian: apt-get install -y postgresql).',
    );
  }
}
if (missing.length > 0) {
  console.error(`npm test cannot run:\n- ${missing.join('\n- ')}`);
  process.exit(1);
}

await ensureInstalled();
await ensureCmsBuilt();
await ensureWebBuilt();

const jest = path.join(rootDir, 'node_modules', 'jest', 'bin', 'jest.js');
const env = { STRAPI_TELEMETRY_DISABLED: 'true', NEXT_TELEMETRY_DISABLED: '1' };
try {
  if (process.argv.length === 2) {
    // Lint and format first: it takes a second and names the file and line.
    await run(path.join(rootDir, 'node_modules', '.bin', 'biome'), ['check', '.'], { cwd: rootDir });
    // The builds type-check the apps' server code; this adds the admin panel and the tests.
    await run(
      process.execPath,
      [path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'cms/src/admin/tsconfig.json'],
      { cwd: rootDir },
    );
    await run(
      process.execPath,
      [path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tests/tsconfig.json'],
      { cwd: rootDir },
    );
    // The site's unit tests run from web/: next/jest loads web/next.config.ts relative to the cwd.
    await run(process.execPath, [jest], { cwd: path.join(rootDir, 'web'), env });
  }
  await run(process.execPath, [jest, ...process.argv.slice(2)], { cwd: rootDir, env });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
