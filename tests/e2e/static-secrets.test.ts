import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { webCanaryFile, webSecretCanaries } from '../../scripts/lib/build.cjs';

/**
 * No secret reaches the browser: the site is built with a canary value in every secret
 * variable (scripts/lib/build.cjs), and none of them — nor a developer's real secrets, when
 * their env files exist — appears anywhere in web/.next/static, which is served to anyone.
 */
const staticDir = path.join(rootDir, 'web', '.next', 'static');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const readEnvFile = (file: string) => (fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {});

describe('secrets in the browser bundles', () => {
  test('the site was built with a canary in every secret variable, the read token among them', () => {
    expect(fs.existsSync(webCanaryFile)).toBe(true);
    const canaries = JSON.parse(fs.readFileSync(webCanaryFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(canaries)).toContain('STRAPI_READ_TOKEN');
    expect(canaries).toEqual(webSecretCanaries());
  });

  test('no canary and no configured secret appears in web/.next/static', () => {
    const canaries = JSON.parse(fs.readFileSync(webCanaryFile, 'utf8')) as Record<string, string>;
    const secretish = /SECRET|TOKEN|KEY|PASSWORD|SALT/;
    const configured = [
      readEnvFile(path.join(rootDir, 'web', '.env.local')),
      readEnvFile(path.join(rootDir, 'cms', '.env')),
    ].flatMap((env) =>
      Object.entries(env).filter(([name, value]) => secretish.test(name) && value && value.length >= 8),
    );
    const needles = [...Object.entries(canaries), ...configured]
      .flatMap(([name, value]) =>
        // APP_KEYS and the like hold several comma-separated secrets.
        String(value)
          .split(',')
          .map((part) => [name, part.trim()] as const),
      )
      .filter(([, value]) => value.length >= 8);

    const files = filesUnder(staticDir);
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const content = fs.readFileSync(file, 'latin1');
      for (const [name, value] of needles) {
        if (content.includes(value)) found.push(`${name} in ${path.relative(rootDir, file)}`);
      }
    }
    expect(found).toEqual([]);
  });
});
