// Strapi's data transfer commands (`strapi export`, `strapi import`) as npm run backup and
// npm run restore run them.
'use strict';

const path = require('node:path');
const { run } = require('./processes.cjs');
const { cmsDir, rootDir } = require('./cms.cjs');

/**
 * Runs `strapi <args>` in cms/ without printing its progress. On a failure it prints Strapi's
 * output and exits with 1, with `key` masked: the encryption key is a command-line argument, so
 * the output may contain it.
 */
async function runStrapiTransfer(args, key) {
  try {
    await run(path.join(rootDir, 'node_modules', '.bin', 'strapi'), args, {
      cwd: cmsDir,
      env: { STRAPI_TELEMETRY_DISABLED: 'true' },
      quiet: true,
    });
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    console.error(key ? message.replaceAll(key, '***') : message);
    process.exit(1);
  }
}

module.exports = { runStrapiTransfer };
