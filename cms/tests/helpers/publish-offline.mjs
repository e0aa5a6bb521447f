// Publishes a change with the CMS's server stopped, the way a script or another CMS instance
// sharing the database would: `node publish-offline.mjs <uid> <documentId> <locale> '<json data>'`.
// Runs the built app (dist/) with the same environment as the server, so Document Service
// middlewares — the site's change notices among them — run as they would in the server.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// NOTE: @strapi/strapi's ESM build fails to resolve lodash/fp under Node's ESM loader; use CJS.
const { createStrapi } = require('@strapi/strapi');
const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [uid, documentId, locale, json] = process.argv.slice(2);

const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
let exitCode = 0;
try {
  await strapi.documents(uid).update({ documentId, locale, data: JSON.parse(json) });
  await strapi.documents(uid).publish({ documentId, locale });
  console.log(`published ${uid} ${documentId} (${locale})`);
} catch (error) {
  console.error(`publish-offline failed: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await strapi.destroy();
}
process.exit(exitCode);
