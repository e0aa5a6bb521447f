import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rootDir } from '../../scripts/lib/cms.cjs';

// `npm run bench` on a fresh clone: no node_modules anywhere, so the bench must reach its install
// step before it loads any package. The copy gets an `npm` that only says it was called and fails,
// so the run stops right there instead of installing for minutes.

describe('npm run bench on a checkout without node_modules', () => {
  const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-fresh-clone-'));
  const fakeBin = path.join(checkout, 'fake-bin');

  beforeAll(() => {
    for (const entry of ['package.json', 'package-lock.json', 'scripts'])
      fs.cpSync(path.join(rootDir, entry), path.join(checkout, entry), { recursive: true });
    fs.mkdirSync(fakeBin);
    fs.writeFileSync(path.join(fakeBin, 'npm'), '#!/bin/sh\necho "fake npm $*"\nexit 3\n', { mode: 0o755 });
  });

  afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));

  test('runs npm ci before it imports a package', () => {
    // No node_modules above a fresh temporary directory either, or the imports would resolve there.
    for (let dir = checkout; dir !== path.dirname(dir); dir = path.dirname(dir))
      expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);

    const bench = spawnSync(process.execPath, [path.join('scripts', 'bench', 'run.mjs'), '--quick'], {
      cwd: checkout,
      env: { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, NODE_PATH: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${bench.stdout}${bench.stderr}`;
    expect(output).not.toMatch(/Cannot find (package|module)/);
    expect(output).toContain('fake npm ci');
    // The fake install fails, and the bench says so instead of going on without its packages.
    expect(bench.status).toBe(1);
  });
});
