// Loads cms/data/seed into the configured database; idempotent (see src/seed/index.ts).
// Runs the compiled app in dist/: `npm run seed` compiles first, the test helpers after a build.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { appDir, runWithStrapi } = require('./with-strapi.cjs');

await runWithStrapi('seed', async (strapi) => {
  const { seed } = require(path.join(appDir, 'dist', 'src', 'seed', 'index.js'));
  const report = await seed(strapi);
  for (const line of report.created) console.log(`seed: created ${line}`);
  console.log(`seed: ${report.created.length} variants created, ${report.skipped} already seeded (left as they are)`);
});
