// The CMS as a process: environment, seed, start. Used by `npm start`, the test suites and
// the browser test, so each boots Strapi the same way.
'use strict';

const path = require('node:path');
const { run, startProcess, waitForHttp } = require('./processes.cjs');

const rootDir = path.join(__dirname, '..', '..');
const cmsDir = path.join(rootDir, 'cms');
const strapiBin = path.join(rootDir, 'node_modules', '.bin', 'strapi');

/**
 * Environment for a CMS on `port` with either an SQLite file (relative to cms/) or a
 * PostgreSQL URL. Every variable is set explicitly so a developer's cms/.env cannot leak in
 * (Strapi's dotenv never overrides a variable that is already set, even to '').
 * @param {{ port: number | string, sqliteFile?: string, databaseUrl?: string, secrets: Record<string, string>, extra?: Record<string, string> }} options
 */
function cmsEnv({ port, sqliteFile, databaseUrl, secrets, extra = {} }) {
  return {
    ...secrets,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_CLIENT: databaseUrl ? 'postgres' : 'sqlite',
    DATABASE_FILENAME: sqliteFile ?? '',
    DATABASE_URL: databaseUrl ?? '',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...extra,
  };
}

/** Runs `npm run seed`'s script against the database that `env` names. */
function seedCms(env, { quiet = true } = {}) {
  return run(process.execPath, [path.join(cmsDir, 'scripts', 'seed.mjs')], { cwd: cmsDir, env, quiet });
}

/** Starts the built CMS (`strapi start`) and resolves once /_health answers. */
async function startCms(env, { echo = false, timeoutMs = 120_000 } = {}) {
  const proc = startProcess('cms', strapiBin, ['start'], { cwd: cmsDir, env, echo });
  try {
    await waitForHttp(`http://127.0.0.1:${env.PORT}/_health`, { proc, timeoutMs, accept: (status) => status === 204 });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return proc;
}

module.exports = { rootDir, cmsDir, cmsEnv, seedCms, startCms };
