// Publishes a change with the CMS's server stopped, the way a script or another CMS instance
// sharing the database would: `node publish-offline.mjs <uid> <documentId> <locale> '<json data>'`.
// Runs the built app (dist/) with the same environment as the server, so Document Service
// middlewares — the site's change notices among them — run as they would in the server.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runWithStrapi } = require('../../scripts/with-strapi.cjs');
const [uid, documentId, locale, json] = process.argv.slice(2);

await runWithStrapi('publish-offline', async (strapi) => {
  await strapi.documents(uid).update({ documentId, locale, data: JSON.parse(json) });
  await strapi.documents(uid).publish({ documentId, locale });
  console.log(`published ${uid} ${documentId} (${locale})`);
});
