// Install and build only what changed, so a second `npm start` / `npm test` starts at once.
// A build is keyed by a hash of its inputs, stored beside its output.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./processes.cjs');
const { generateCmsSecrets } = require('./secrets.cjs');

const rootDir = path.join(__dirname, '..', '..');
// Outputs and files the builds themselves rewrite (next-env.d.ts, *.tsbuildinfo) are not inputs.
const SKIP = new Set([
  'node_modules',
  'dist',
  '.next',
  '.tmp',
  '.strapi',
  'build',
  'tests',
  'coverage',
  'uploads',
  'types',
  'next-env.d.ts',
]);
const skipped = (name) => SKIP.has(name) || name.startsWith('.env') || name.endsWith('.tsbuildinfo');

function hashInputs(paths) {
  const hash = crypto.createHash('sha256');
  const visit = (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file).sort()) {
        if (!skipped(name)) visit(path.join(file, name));
      }
    } else {
      hash.update(path.relative(rootDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  };
  for (const p of paths) visit(path.join(rootDir, p));
  return hash.digest('hex');
}

async function buildIfChanged({ name, inputs, stampFile, build }) {
  const stamp = path.join(rootDir, stampFile);
  const hash = hashInputs(inputs);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) {
    console.log(`${name}: up to date`);
    return false;
  }
  console.log(`${name}: building…`);
  await build();
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, hash);
  return true;
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
async function ensureDependencies() {
  const installed = path.join(rootDir, 'node_modules', '.package-lock.json');
  const lock = path.join(rootDir, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm ci)…');
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: rootDir });
}

/**
 * packages/contract compiled to CommonJS (packages/contract/dist), which the CMS, the site and the
 * scripts load. Part of the install step: nothing that imports the contract runs before it.
 */
async function ensureInstalled() {
  await ensureDependencies();
  await buildIfChanged({
    name: 'contract',
    inputs: [...lockInputs, 'packages/contract'],
    stampFile: 'packages/contract/dist/.medee-build-hash',
    build: () => run('npm', ['run', 'build', '-w', '@medee/contract'], { cwd: rootDir }),
  });
}

const lockInputs = ['package-lock.json', 'tsconfig.base.json'];

function ensureCmsBuilt() {
  return buildIfChanged({
    name: 'cms',
    inputs: [...lockInputs, 'packages/contract/src', 'cms/src', 'cms/config', 'cms/tsconfig.json', 'cms/package.json'],
    stampFile: 'cms/dist/.medee-build-hash',
    build: () =>
      run(path.join(rootDir, 'node_modules', '.bin', 'strapi'), ['build'], {
        cwd: path.join(rootDir, 'cms'),
        // `strapi build` loads the config, which requires secrets; none of them ends up in the
        // build, so throw-away ones do when neither the environment nor cms/.env has them
        // (a fresh clone, CI).
        env: { ...generateCmsSecrets(), ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
      }),
  });
}

/** Where the site build records which secret variables it was given canary values for. */
const webCanaryFile = path.join(rootDir, 'web', '.next', '.medee-build-canaries.json');

/**
 * Canary values for every secret variable web/.env.example documents (names with SECRET, TOKEN,
 * KEY or PASSWORD). The site is built with them, so tests/e2e/static-secrets.test.ts can prove no
 * secret ends up in the browser bundles. Secrets are read at run time; the build needs none.
 */
function webSecretCanaries() {
  const example = fs.readFileSync(path.join(rootDir, 'web', '.env.example'), 'utf8');
  const names = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)]
    .map((match) => match[1])
    .filter((name) => /SECRET|TOKEN|KEY|PASSWORD/.test(name));
  return Object.fromEntries(names.map((name) => [name, `medeeCanary${name.replace(/_/g, '')}7f3a9c2e51d84b06`]));
}

function ensureWebBuilt() {
  return buildIfChanged({
    name: 'web',
    inputs: [...lockInputs, 'packages/contract/src', 'web'],
    stampFile: 'web/.next/.medee-build-hash',
    build: async () => {
      const canaries = webSecretCanaries();
      await run(path.join(rootDir, 'node_modules', '.bin', 'next'), ['build'], {
        cwd: path.join(rootDir, 'web'),
        // The canary FRONT_REFRESH_TOKEN needs its FRONT_URL (web/lib/env.ts: both or neither).
        env: { ...canaries, FRONT_URL: 'http://front.invalid', NEXT_TELEMETRY_DISABLED: '1' },
      });
      fs.writeFileSync(webCanaryFile, JSON.stringify(canaries, null, 2));
    },
  });
}

module.exports = { ensureInstalled, ensureCmsBuilt, ensureWebBuilt, webCanaryFile, webSecretCanaries };
