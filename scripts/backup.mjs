// npm run backup [-- --file <path without extension>]
// Everything the CMS holds — every article, certificate, category and the site settings in every
// locale, drafts and published versions, their relations, the media library with its files, and
// the settings store — exported with Strapi's own `strapi export` into one archive. Admin users
// and API tokens are not part of it (the bootstrap recreates the demo admin and the site token).
// With BACKUP_ENCRYPTION_KEY set the archive is encrypted (Strapi's aes-128-ecb; keep it secret,
// it is needed to restore). The database is the one cms/.env (or the environment) names.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { run } = require('./lib/processes.cjs');
const { cmsDir, rootDir } = require('./lib/cms.cjs');

const { values } = parseArgs({ options: { file: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const base = path.resolve(values.file ?? path.join(rootDir, 'backups', `medee-${stamp}`));
fs.mkdirSync(path.dirname(base), { recursive: true });

const key = process.env.BACKUP_ENCRYPTION_KEY?.trim();
const args = ['export', '--file', base, ...(key ? ['--key', key] : ['--no-encrypt'])];
try {
  await run(path.join(rootDir, 'node_modules', '.bin', 'strapi'), args, {
    cwd: cmsDir,
    env: { STRAPI_TELEMETRY_DISABLED: 'true' },
    quiet: true,
  });
} catch (error) {
  // The output may contain the key (it is a command-line argument); never print it.
  console.error(String(error instanceof Error ? error.message : error).replaceAll(key || '\0', '***'));
  process.exit(1);
}
const file = `${base}.tar.gz${key ? '.enc' : ''}`;
if (!fs.existsSync(file)) {
  console.error(`strapi export finished but ${file} is missing`);
  process.exit(1);
}
console.log(`Backup written: ${file}${key ? ' (encrypted)' : ''}`);
