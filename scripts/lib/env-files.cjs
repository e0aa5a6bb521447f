// Development env files: cms/.env and web/.env.local, written once with fresh secrets and
// never overwritten. A variable added to the project later is appended to an existing file.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseEnv } = require('node:util');
const {
  generateAdminPassword,
  generateApiTokenKey,
  generateCmsSecrets,
  generateSiteSecrets,
} = require('./secrets.cjs');

const rootDir = path.join(__dirname, '..', '..');
const cmsEnvFile = path.join(rootDir, 'cms', '.env');
const webEnvFile = path.join(rootDir, 'web', '.env.local');

function readEnv(file) {
  return fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
}

/** Appends the variables `file` lacks; returns whether the file was created or changed. */
function completeEnvFile(file, header, wanted) {
  const existing = readEnv(file);
  const missing = Object.entries(wanted).filter(([key]) => existing[key] === undefined);
  if (missing.length === 0) return false;
  const lines = missing.map(([key, value]) => `${key}=${value}`).join('\n');
  const prefix = fs.existsSync(file) ? '\n' : `${header}\n`;
  fs.appendFileSync(file, `${prefix}${lines}\n`, { mode: 0o600 });
  return true;
}

/** CMS_TRANSLATOR_<LOCALE>_EMAIL / _PASSWORD per locale (the CMS reads them in cms/src/translation/accounts.ts). */
function translatorEnvNames() {
  // Required here, not at the top: npm start loads this file before its install step builds the contract.
  const { locales, translatorEnvNames } = require('@medee/contract');
  return locales.map((code) => ({ code, ...translatorEnvNames(code) }));
}

function ensureEnvFiles() {
  const created = [];
  const cmsExisting = readEnv(cmsEnvFile);
  const webExisting = readEnv(webEnvFile);
  const token = cmsExisting.SITE_READ_TOKEN || webExisting.STRAPI_READ_TOKEN || generateApiTokenKey();
  // Shared by the two files: whichever already has a value wins, so an added variable stays in sync.
  const fresh = generateSiteSecrets();
  const site = {
    revalidateSecret: cmsExisting.SITE_REVALIDATE_SECRET || webExisting.REVALIDATE_SECRET || fresh.revalidateSecret,
    previewSecret: cmsExisting.SITE_PREVIEW_SECRET || webExisting.PREVIEW_SECRET || fresh.previewSecret,
    previewToken: cmsExisting.SITE_PREVIEW_TOKEN || webExisting.STRAPI_PREVIEW_TOKEN || fresh.previewToken,
  };
  const cmsWanted = {
    ...generateCmsSecrets(),
    HOST: '127.0.0.1',
    PORT: '1337',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: '.tmp/data.db',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CMS_ADMIN_EMAIL: 'admin@medee.local',
    CMS_ADMIN_PASSWORD: generateAdminPassword(),
    ...Object.fromEntries(
      translatorEnvNames().flatMap(({ code, email, password }) => [
        [email, `translator-${code}@medee.local`],
        [password, generateAdminPassword()],
      ]),
    ),
    SITE_READ_TOKEN: token,
    SITE_URL: 'http://localhost:3000',
    SITE_REVALIDATE_URL: 'http://127.0.0.1:3000/api/revalidate',
    SITE_REVALIDATE_SECRET: site.revalidateSecret,
    SITE_PREVIEW_SECRET: site.previewSecret,
    SITE_PREVIEW_TOKEN: site.previewToken,
  };
  if (
    completeEnvFile(cmsEnvFile, '# Written by npm start for development. Do not commit. See .env.example.', cmsWanted)
  ) {
    created.push('cms/.env');
  }
  const webWanted = {
    STRAPI_URL: 'http://127.0.0.1:1337',
    STRAPI_READ_TOKEN: token,
    SITE_URL: 'http://localhost:3000',
    REVALIDATE_SECRET: site.revalidateSecret,
    PREVIEW_SECRET: site.previewSecret,
    STRAPI_PREVIEW_TOKEN: site.previewToken,
  };
  if (
    completeEnvFile(webEnvFile, '# Written by npm start for development. Do not commit. See .env.example.', webWanted)
  ) {
    created.push('web/.env.local');
  }
  return { cmsEnvFile, webEnvFile, created };
}

/**
 * The variables a process started from here sees: those of `file` under the environment's own.
 * This is the precedence of Strapi's and Next's dotenv (a variable already set, even to '', is
 * never overridden by the file), so what is printed or used here is what the CMS and site use.
 */
function effectiveEnv(file) {
  return { ...readEnv(file), ...process.env };
}

/** The CMS's variables as `strapi start` from cms/ sees them (cms/.env under the environment). */
function effectiveCmsEnv() {
  return effectiveEnv(cmsEnvFile);
}

/** The site's variables as the site started by `npm start` sees them (web/.env.local under the environment). */
function effectiveWebEnv() {
  return effectiveEnv(webEnvFile);
}

/**
 * The demo logins the CMS creates at boot (bootstrap/admin-user.ts, translation/accounts.ts)
 * from `env`: the admin, then one translator per locale whose CMS_TRANSLATOR_<LOCALE>_EMAIL is set.
 */
function demoLogins(env) {
  const logins = [{ label: 'Login', email: env.CMS_ADMIN_EMAIL?.trim(), password: env.CMS_ADMIN_PASSWORD }];
  for (const { code, email, password } of translatorEnvNames()) {
    logins.push({ label: `Translator (${code})`, email: env[email]?.trim(), password: env[password] });
  }
  return logins.filter((login) => login.email && login.password);
}

module.exports = { ensureEnvFiles, effectiveCmsEnv, effectiveWebEnv, demoLogins };
