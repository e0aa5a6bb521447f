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
const { rootDir } = require('./lib/cms.cjs');
const { runStrapiTransfer } = require('./lib/transfer.cjs');

const { values } = parseArgs({ options: { file: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const base = path.resolve(values.file ?? path.join(rootDir, 'backups', `medee-${stamp}`));
fs.mkdirSync(path.dirname(base), { recursive: true });

const key = process.env.BACKUP_ENCRYPTION_KEY?.trim();
await runStrapiTransfer(['export', '--file', base, ...(key ? ['--key', key] : ['--no-encrypt'])], key);
const file = `${base}.tar.gz${key ? '.enc' : ''}`;
if (!fs.existsSync(file)) {
  console.error(`strapi export finished but ${file} is missing`);
  process.exit(1);
}
console.log(`Backup written: ${file}${key ? ' (encrypted)' : ''}`);
