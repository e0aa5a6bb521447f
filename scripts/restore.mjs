// npm run restore -- <backup file> --yes
// Replaces ALL content, media files and settings of the CMS database that cms/.env (or the
// environment) names with those in a backup from `npm run backup` (Strapi's `strapi import`).
// Stop the CMS first. An encrypted backup (.enc) needs BACKUP_ENCRYPTION_KEY. Admin users and
// API tokens are kept as they are (a backup does not contain them).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runStrapiTransfer } = require('./lib/transfer.cjs');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { yes: { type: 'boolean', default: false } },
});
const file = positionals[0] && path.resolve(positionals[0]);
if (!file || !fs.existsSync(file)) {
  console.error('Usage: npm run restore -- <backup file (.tar.gz or .tar.gz.enc)> --yes');
  process.exit(2);
}
if (!values.yes) {
  console.error(
    `Restoring ${path.basename(file)} deletes every entry, media file and setting in the CMS database first.\nStop the CMS, then run again with --yes.`,
  );
  process.exit(2);
}
const key = process.env.BACKUP_ENCRYPTION_KEY?.trim();
if (file.endsWith('.enc') && !key) {
  console.error(`${path.basename(file)} is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was written with.`);
  process.exit(2);
}

await runStrapiTransfer(['import', '--file', file, '--force', ...(file.endsWith('.enc') ? ['--key', key] : [])], key);
console.log(`Restored ${path.basename(file)}. Start the CMS again.`);
