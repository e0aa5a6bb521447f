#!/usr/bin/env node
// Writes N manual redirects (/bench/old-<i>.html → /mn/news) straight into the CMS database
// through strapi.db, for the redirect lookup bench. Prints a JSON report as its last line.
const crypto = require('node:crypto');
const { runWithStrapi } = require('../../cms/scripts/with-strapi.cjs');

const BATCH = 500;

async function generateRedirects(strapi, count) {
  const started = Date.now();
  const { tableName, attributes } = strapi.db.metadata.get('api::redirect.redirect');
  const column = (name) => attributes[name].columnName ?? name;
  const now = new Date();
  for (let from = 0; from < count; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(count, from + BATCH); i += 1) {
      rows.push({
        [column('documentId')]: crypto.randomUUID().replaceAll('-', '').slice(0, 24),
        [column('fromPath')]: `/bench/old-${i}.html`,
        [column('toPath')]: '/mn/news',
        [column('permanent')]: true,
        [column('automatic')]: false,
        [column('createdAt')]: now,
        [column('updatedAt')]: now,
        [column('publishedAt')]: now,
      });
    }
    await strapi.db.connection(tableName).insert(rows);
  }
  // Planner statistics, as autovacuum gives a production database after a bulk load.
  const { client } = strapi.db.connection.client.config;
  if (client === 'postgres' || client === 'pg') await strapi.db.connection.raw('ANALYZE ??', [tableName]);
  return { redirectsCreated: count, ms: Date.now() - started };
}

if (require.main === module) {
  const count = Number(process.argv[process.argv.indexOf('--count') + 1] ?? 10_000);
  runWithStrapi(
    'generate-redirects',
    async (strapi) => {
      console.log(JSON.stringify(await generateRedirects(strapi, count)));
    },
    { logLevel: 'warn' },
  );
}

module.exports = { generateRedirects };
