// npm run i18n -- status|check|export|import: translation status, QA checks and XLIFF 2.0 exchange, through the
// running CMS's admin API (/translations/*) as an admin user, so the same RBAC applies as in the
// admin panel (a zh translator can only import zh) and the CLI and the admin page share one
// implementation. See README "Translators".
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { effectiveCmsEnv } = require('./lib/env-files.cjs');

const USAGE = `Usage:
  npm run i18n -- status [--locale zh] [--json] [--check]
  npm run i18n -- check [--locale zh] [--document ID] [--json]   QA findings of every translation; exit 1 when any
  npm run i18n -- export --source mn --target zh [--only missing|outdated|all] [--out file.xlf]
  npm run i18n -- import file.xlf [--dry-run] [--json]

Connection (defaults from cms/.env):
  --url URL                 the CMS (MEDEE_CMS_URL; default http://HOST:PORT of cms/.env)
  --as admin|translator-mn|translator-zh
                            log in with that demo account of cms/.env (default: admin)
  MEDEE_CMS_EMAIL / MEDEE_CMS_PASSWORD   log in as another admin user
  MEDEE_CMS_TOKEN           an admin session token instead of a login`;

class CliError extends Error {
  constructor(message, exitCode = 2) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    locale: { type: 'string' },
    document: { type: 'string' },
    json: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    source: { type: 'string' },
    target: { type: 'string' },
    only: { type: 'string', default: 'all' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    url: { type: 'string' },
    as: { type: 'string', default: 'admin' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

// npm runs scripts from the repository root; file arguments are relative to where it was called.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const resolveFile = (file) => path.resolve(callerDir, file);

function connection() {
  const env = effectiveCmsEnv();
  const url = (
    options.url ??
    process.env.MEDEE_CMS_URL ??
    (env.PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || '1337'}`)
  ).replace(/\/$/, '');
  if (process.env.MEDEE_CMS_TOKEN) return { url, token: process.env.MEDEE_CMS_TOKEN };
  if (process.env.MEDEE_CMS_EMAIL)
    return { url, email: process.env.MEDEE_CMS_EMAIL, password: process.env.MEDEE_CMS_PASSWORD ?? '' };
  const accounts = {
    admin: ['CMS_ADMIN_EMAIL', 'CMS_ADMIN_PASSWORD'],
    'translator-mn': ['CMS_TRANSLATOR_MN_EMAIL', 'CMS_TRANSLATOR_MN_PASSWORD'],
    'translator-zh': ['CMS_TRANSLATOR_ZH_EMAIL', 'CMS_TRANSLATOR_ZH_PASSWORD'],
  };
  const names = accounts[options.as];
  if (!names) throw new CliError(`--as must be one of ${Object.keys(accounts).join(', ')}`);
  const [email, password] = names.map((name) => env[name]);
  if (!email || !password)
    throw new CliError(
      `No ${options.as} login: set ${names.join(' and ')} in cms/.env (npm start writes them) or MEDEE_CMS_EMAIL / MEDEE_CMS_PASSWORD.`,
    );
  return { url, email, password };
}

async function request(conn, method, apiPath, body) {
  let response;
  try {
    response = await fetch(`${conn.url}${apiPath}`, {
      method,
      headers: {
        ...(conn.token ? { Authorization: `Bearer ${conn.token}` } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new CliError(
      `The CMS at ${conn.url} is not answering (${error.cause?.code ?? error.message}). Start it with npm start, or pass --url.`,
    );
  }
  return response;
}

async function login(conn) {
  if (conn.token) return conn;
  const response = await request(conn, 'POST', '/admin/login', { email: conn.email, password: conn.password });
  const json = await response.json().catch(() => null);
  if (!response.ok)
    throw new CliError(`Login as ${conn.email} failed (${response.status}): ${json?.error?.message ?? 'no details'}`);
  return { ...conn, token: json.data.token };
}

async function expectOk(response, what) {
  if (response.ok) return;
  const json = await response.json().catch(() => null);
  const message = json?.error?.message ?? response.statusText;
  throw new CliError(`${what} failed (${response.status}): ${message}`, response.status === 403 ? 3 : 2);
}

const STATUS_LABEL = { missing: 'MISSING', draft: 'draft', published: 'published', outdated: 'OUTDATED' };
const width = (text) =>
  [...text].reduce(
    (sum, char) =>
      sum +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
        ? 2
        : 1),
    0,
  );
const pad = (text, size) => text + ' '.repeat(Math.max(0, size - width(text)));
function truncate(text, size) {
  if (width(text) <= size) return text;
  let out = '';
  for (const char of text) {
    if (width(out + char) > size - 1) break;
    out += char;
  }
  return `${out}…`;
}

function printStatusTable(report, locales) {
  const headers = ['TYPE', 'DOCUMENT', 'TITLE (source)', ...locales.map((l) => l.toUpperCase())];
  const rows = report.rows.map((row) => [
    row.type,
    row.documentId,
    truncate(row.title, 48),
    ...locales.map((locale) => {
      const state = row.locales[locale];
      if (!state) return '-';
      const label = STATUS_LABEL[state.status] ?? state.status;
      return state.isSource
        ? `${label} (source)`
        : state.status === 'outdated' && state.published
          ? `${label} (published)`
          : label;
    }),
  ]);
  const sizes = headers.map((header, i) => Math.max(width(header), ...rows.map((row) => width(row[i]))));
  const line = (cells) =>
    cells
      .map((cell, i) => pad(cell, sizes[i]))
      .join('  ')
      .trimEnd();
  console.log(line(headers));
  for (const row of rows) console.log(line(row));
  const counts = {};
  for (const row of report.rows)
    for (const locale of locales) {
      const status = row.locales[locale]?.status;
      if (status) counts[`${locale} ${status}`] = (counts[`${locale} ${status}`] ?? 0) + 1;
    }
  console.log(
    `\n${report.rows.length} documents · ${Object.entries(counts)
      .map(([key, n]) => `${key}: ${n}`)
      .join(' · ')}`,
  );
}

async function status(conn) {
  const response = await request(conn, 'GET', '/translations/status');
  await expectOk(response, 'Reading the translation status');
  const report = await response.json();
  if (options.locale && !report.locales.includes(options.locale))
    throw new CliError(`Unknown locale "${options.locale}" (locales: ${report.locales.join(', ')})`);
  const locales = options.locale ? [options.locale] : report.locales;
  if (options.json) console.log(JSON.stringify(options.locale ? { ...report, locales } : report, null, 2));
  else printStatusTable(report, locales);
  const needsWork = report.rows.some((row) => locales.some((locale) => row.locales[locale]?.needsWork));
  if (options.check && needsWork) {
    if (!options.json)
      console.error(`\n--check: translations are missing, outdated or only drafts in ${locales.join(', ')}.`);
    return 1;
  }
  return 0;
}

async function check(conn) {
  const query = new URLSearchParams({
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.document ? { documentId: options.document } : {}),
  });
  const response = await request(conn, 'GET', `/translations/qa?${query}`);
  await expectOk(response, 'The QA check');
  const report = await response.json();
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const doc of report.documents) {
      if (doc.findings.length === 0) continue;
      console.log(`${doc.type} ${doc.documentId} ${doc.sourceLocale} → ${doc.locale}  ${doc.title}`);
      for (const f of doc.findings)
        console.log(`  ${pad(`${f.unit} ${f.segment}`, 14)} ${pad(f.check, 12)} ${f.message}`);
    }
    const flagged = report.documents.filter((doc) => doc.findings.length > 0).length;
    console.log(
      `\n${report.findings} findings in ${flagged} of ${report.documents.length} translations${options.locale ? ` (${options.locale})` : ''}.`,
    );
  }
  return report.findings > 0 ? 1 : 0;
}

async function exportFile(conn) {
  if (!options.source || !options.target)
    throw new CliError('export needs --source and --target, e.g. --source mn --target zh');
  if (!['missing', 'outdated', 'all'].includes(options.only))
    throw new CliError('--only must be missing, outdated or all');
  const query = new URLSearchParams({ source: options.source, target: options.target, only: options.only });
  const response = await request(conn, 'GET', `/translations/export?${query}`);
  await expectOk(response, 'The export');
  const xliff = await response.text();
  const documents = response.headers.get('x-documents') ?? '?';
  if (options.out) {
    fs.writeFileSync(resolveFile(options.out), xliff);
    console.error(
      `Wrote ${options.out}: ${documents} documents, ${options.source} → ${options.target} (${options.only}).`,
    );
  } else {
    process.stdout.write(xliff);
  }
  return 0;
}

async function importFile(conn) {
  const file = positionals[1];
  if (!file) throw new CliError('import needs a file: npm run i18n -- import file.xlf');
  let xliff;
  try {
    xliff = fs.readFileSync(resolveFile(file), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${error.message}`);
  }
  const response = await request(conn, 'POST', '/translations/import', { xliff, dryRun: options['dry-run'] });
  const report = await response.json().catch(() => null);
  if (!report || (!response.ok && !Array.isArray(report.problems))) await expectOk(response, 'The import');
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
  } else if (report.ok) {
    for (const doc of report.documents)
      console.log(`${doc.action.padEnd(9)} ${doc.file}  ${doc.title}  [${doc.units.join(', ')}]`);
    console.log(
      `${report.dryRun ? 'Dry run: nothing written. ' : ''}${report.documents.length} documents, ${report.srcLang} → ${report.trgLang} drafts${report.dryRun ? ' would be written' : ' written (not published)'}.`,
    );
  } else {
    console.error(`Import rejected, nothing was written (${report.problems.length} problems):`);
    for (const p of report.problems)
      console.error(
        `  ${[p.file, p.unit && `unit ${p.unit}`, p.segment && `segment ${p.segment}`].filter(Boolean).join(' · ')}: ${p.problem}`,
      );
  }
  return report.ok ? 0 : response.status === 403 ? 3 : 1;
}

const commands = { status, check, export: exportFile, import: importFile };
const command = commands[positionals[0]];
if (options.help || !command) {
  console.log(USAGE);
  process.exit(options.help ? 0 : 2);
}
try {
  process.exitCode = await command(await login(connection()));
} catch (error) {
  console.error(error instanceof CliError ? error.message : error);
  process.exitCode = error instanceof CliError ? error.exitCode : 2;
}
