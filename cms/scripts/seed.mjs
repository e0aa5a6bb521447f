// Loads cms/data/seed into the configured database; idempotent (see src/seed/index.ts).
// Runs the compiled app in dist/: `npm run seed` compiles first, the test helpers after a build.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// NOTE: @strapi/strapi's ESM build fails to resolve lodash/fp under Node's ESM loader; use CJS.
const { createStrapi } = require('@strapi/strapi');
const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(appDir, 'dist');
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';

const strapi = await createStrapi({ appDir, distDir }).load();
let exitCode = 0;
try {
  const { seed } = require(path.join(distDir, 'src', 'seed', 'index.js'));
  const report = await seed(strapi);
  for (const line of report.created) console.log(`seed: created ${line}`);
  console.log(`seed: ${report.created.length} variants created, ${report.skipped} already seeded (left as they are)`);
} catch (error) {
  console.error(`seed failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await strapi.destroy();
}
process.exit(exitCode);
