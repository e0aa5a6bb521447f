import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { freePort, stopProcess } from '../../scripts/lib/processes.cjs';
import { generateAdminPassword } from '../../scripts/lib/secrets.cjs';
import { until } from '../../cms/tests/helpers/poll';

// `npm start` as a developer runs it, with the admin login set in the environment (which wins
// over cms/.env): the logins it prints work, and its output carries no npm or Next warning about
// the setup. Own ports and database file; the env files it writes into a checkout that had none
// are removed afterwards.

describe('npm start', () => {
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const databaseFile = path.join('.tmp', `npm-start-${run}.db`);
  const admin = { email: `start-${run}@medee.local`, password: generateAdminPassword() };
  const envFiles = [path.join(rootDir, 'cms', '.env'), path.join(rootDir, 'web', '.env.local')];
  const absentEnvFiles = envFiles.filter((file) => !fs.existsSync(file));
  let child: ChildProcess;
  let exited: Promise<unknown>;
  let output = '';
  let cmsPort = 0;

  beforeAll(async () => {
    cmsPort = await freePort();
    child = spawn('npm', ['start'], {
      cwd: rootDir,
      env: {
        ...process.env,
        PORT: String(cmsPort),
        WEB_PORT: String(await freePort()),
        DATABASE_FILENAME: databaseFile,
        CMS_ADMIN_EMAIL: admin.email,
        CMS_ADMIN_PASSWORD: admin.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    let gone = false;
    exited.then(() => (gone = true));
    for (const stream of [child.stdout, child.stderr])
      stream?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await until('npm start to say it is running', () => output.includes('Press Ctrl-C') || gone, {
      timeoutMs: 600_000,
    });
    if (gone) throw new Error(`npm start exited:\n${output}`);
  }, 660_000);

  afterAll(async () => {
    if (child) await stopProcess(child, exited);
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(rootDir, 'cms', `${databaseFile}${suffix}`), { force: true });
    for (const file of absentEnvFiles) fs.rmSync(file, { force: true });
  }, 60_000);

  test('prints the admin login the environment sets, and every printed login logs in', async () => {
    const logins = [...output.matchAll(/^ {2}(Login|Translator \(\w+\))\s+(\S+) \/ (\S+)$/gm)].map(
      ([, label, email, password]) => ({ label, email, password }),
    );
    expect(logins.find((login) => login.label === 'Login')).toEqual({ label: 'Login', ...admin });
    for (const login of logins) {
      const response = await fetch(`http://127.0.0.1:${cmsPort}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: login.email, password: login.password }),
      });
      expect({ login: login.label, status: response.status }).toEqual({ login: login.label, status: 200 });
    }
  });

  test('carries no npm or Next warning about the setup', () => {
    const warnings = output.split('\n').filter((line) => /^npm warn/i.test(line) || /does not work|⚠/.test(line));
    expect(warnings).toEqual([]);
  });
});
