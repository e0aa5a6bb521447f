import fs from 'node:fs';
import path from 'node:path';

// What the browser loads: every client component ('use client') and the modules it imports from
// the site. None may import the contract's main entry: it is CommonJS, which the bundler cannot
// tree-shake, so one import puts the whole contract (content types, redirects, search, slugs)
// into the page's chunks; the error pages grew by 1.5 kB gzipped each that way. Client code
// imports `@medee/contract/locales`.

const webDir = path.join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The site's own modules `file` imports (`@/…` and relative), resolved to files. */
function localImports(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  return [...code.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].flatMap(([, specifier]) => {
    const base = specifier!.startsWith('@/')
      ? path.join(webDir, specifier!.slice(2))
      : specifier!.startsWith('.')
        ? path.resolve(path.dirname(file), specifier!)
        : null;
    if (!base) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
    );
    return found ? [found] : [];
  });
}

const clientEntries = ['app', 'components']
  .flatMap((dir) => sourceFiles(path.join(webDir, dir)))
  .filter((file) => /^['"]use client['"]/m.test(fs.readFileSync(file, 'utf8')));

test('there are client components to check', () => {
  expect(clientEntries.length).toBeGreaterThan(0);
});

test.each(clientEntries.map((file) => [path.relative(webDir, file), file]))(
  '%s and what it imports leave the contract main entry out of the browser',
  (_name, entry) => {
    const seen = new Set<string>();
    const queue = [entry];
    const offenders: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (/from ['"]@medee\/contract['"]/.test(fs.readFileSync(file, 'utf8')))
        offenders.push(path.relative(webDir, file));
      queue.push(...localImports(file));
    }
    expect(offenders).toEqual([]);
  },
);
