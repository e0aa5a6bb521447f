import { cmsEnv } from '../../scripts/lib/cms.cjs';
import { freePort, startProcess } from '../../scripts/lib/processes.cjs';
import { generateCmsSecrets } from '../../scripts/lib/secrets.cjs';
import path from 'node:path';
import { MissingSecretError, readSecret } from '../src/env/secrets';

const envOf = (values: Record<string, string>) => (name: string) => values[name];

describe('readSecret', () => {
  const original = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = original;
  });

  test('a missing secret is refused in every environment, naming the variable', () => {
    process.env.NODE_ENV = 'development';
    expect(() => readSecret(envOf({}), 'ADMIN_JWT_SECRET')).toThrow(MissingSecretError);
    expect(() => readSecret(envOf({ ADMIN_JWT_SECRET: '  ' }), 'ADMIN_JWT_SECRET')).toThrow(
      /ADMIN_JWT_SECRET is not set/,
    );
  });

  test.each(['tobemodified', 'toBeModified1,toBeModified2', 'changeme', 'short'])(
    'production refuses the placeholder %s',
    (value) => {
      process.env.NODE_ENV = 'production';
      expect(() => readSecret(envOf({ APP_KEYS: value }), 'APP_KEYS')).toThrow(/APP_KEYS is a placeholder/);
    },
  );

  test('a strong secret is returned as it is', () => {
    process.env.NODE_ENV = 'production';
    const strong = generateCmsSecrets().API_TOKEN_SALT;
    expect(readSecret(envOf({ API_TOKEN_SALT: strong }), 'API_TOKEN_SALT')).toBe(strong);
  });
});

test('strapi start in production stops with a clear message when a secret is a placeholder', async () => {
  const port = await freePort();
  const env = cmsEnv({
    port,
    sqliteFile: path.join('.tmp', `never-created-${process.pid}.db`),
    secrets: { ...generateCmsSecrets(), ADMIN_JWT_SECRET: 'tobemodified' },
    extra: { NODE_ENV: 'production' },
  });
  const proc = startProcess('cms', path.join(__dirname, '..', '..', 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: path.join(__dirname, '..'),
    env,
  });
  const code = await proc.exited;
  expect(code).not.toBe(0);
  expect(proc.output()).toContain('ADMIN_JWT_SECRET is a placeholder or shorter than 16 characters');
});
