// One-shot scripts against the configured database (the seed, test and bench helpers): the
// built app (dist/) loaded without its HTTP server, so every Document Service middleware runs as
// it does in the server.
'use strict';

const path = require('node:path');

const appDir = path.join(__dirname, '..');

/**
 * Loads the CMS, runs `task(strapi)`, destroys it and exits the process: 0, or 1 after printing
 * `<name> failed: <error>`.
 * @param {string} name
 * @param {(strapi: any) => Promise<void>} task
 * @param {{ logLevel?: string }} [options]
 */
async function runWithStrapi(name, task, { logLevel } = {}) {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  // NOTE: @strapi/strapi's ESM build fails to resolve lodash/fp under Node's ESM loader; use CJS.
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  if (logLevel) strapi.log.level = logLevel;
  let exitCode = 0;
  try {
    await task(strapi);
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? error.stack : error}`);
    exitCode = 1;
  } finally {
    await strapi.destroy();
  }
  process.exit(exitCode);
}

module.exports = { appDir, runWithStrapi };
