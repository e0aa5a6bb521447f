import fs from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

// Every admin string an editor or translator can meet, in Mongolian and Simplified Chinese: the
// en.json of each Strapi package the admin enables, plus ours (src/admin/i18n/en/medee.json).
// Strapi's own zh-Hans counts where it has a real translation; ours fills and overrides it.

const i18nDir = path.join(__dirname, '..', 'src', 'admin', 'i18n');
const LANGUAGES = ['mn', 'zh-Hans'] as const;
type Strings = Record<string, string>;

/** Where each enabled package keeps its compiled translations (the en.json Strapi bundles). */
const STRAPI_PACKAGES: Record<string, string> = {
  admin: '@strapi/admin/dist/admin/admin/src/translations',
  'content-manager': '@strapi/content-manager/dist/admin/translations',
  upload: '@strapi/upload/dist/admin/translations',
  i18n: '@strapi/i18n/dist/admin/translations',
  'users-permissions': '@strapi/plugin-users-permissions/dist/admin/translations',
  email: '@strapi/email/dist/admin/translations',
};

const packageDir = (dir: string) => {
  const [scope, name, ...rest] = dir.split('/');
  return path.join(path.dirname(require.resolve(`${scope}/${name}/package.json`)), ...rest);
};
const strapiStrings = (pkg: string, language: string): Strings => {
  const file = path.join(packageDir(STRAPI_PACKAGES[pkg]!), `${language}.json.js`);
  if (!fs.existsSync(file)) return {};
  // Some packages compile their JSON to `exports.default`, others to the exports themselves.
  const module = require(file) as Strings & { default?: Strings };
  const { default: strings = module } = module;
  return Object.fromEntries(Object.entries(strings).filter(([, value]) => typeof value === 'string'));
};
const ours = (language: string, pkg: string): Strings =>
  JSON.parse(fs.readFileSync(path.join(i18nDir, language, `${pkg}.json`), 'utf8'));

const sources: Record<string, Strings> = {
  ...Object.fromEntries(Object.keys(STRAPI_PACKAGES).map((pkg) => [pkg, strapiStrings(pkg, 'en')])),
  medee: ours('en', 'medee'),
};

/** Names and codes that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE =
  /\b(Strapi Cloud|Strapi|XLIFF|URL|URLs|ID|IDs|UID|API|SEO|PDF|CSV|XLS|ZIP|JSON|SSO|SVG|HTML|GraphQL|REST|UTC|HTTP|HTTPS|CORS|JWT|AWS|S3|GitHub|Google|Discord|Microsoft|Facebook|Twitter|Instagram|Patreon|Reddit|Twitch|VK|LinkedIn|CAS|Keycloak|Auth0|Cognito|Vercel|Netlify|Markdown|Enterprise|Growth|Gold|Silver|Bronze|Email|Link|OK|v\d+|AI|JPEG|PNG|GIF|MB|KB|GB|px|SMTP|TLS|DKIM|OAuth2)\b/g;
const untranslatable = (value: string) =>
  value
    .replace(/\{[^{}]*\}/g, ' ') // ICU arguments
    .replace(/<\/?\w+>/g, ' ') // rich-text tags
    .replace(/https?:\/\/\S+|\S+@\S+|\b[\w-]+(\.[\w-]+)+\b/g, ' ') // links, addresses, host names
    .replace(SAME_IN_EVERY_LANGUAGE, ' ')
    .replace(/[^\p{L}]+/gu, '') === '';

/** The ICU arguments a message uses ({name}, {count, plural, …}), which a translation must keep. */
const argumentsOf = (message: string): string => {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && 'value' in element) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
      if ('children' in element) visit(element.children);
    }
  };
  try {
    visit(parse(message, { ignoreTag: false }));
  } catch (e) {
    return `unparseable (${(e as Error).message})`;
  }
  return [...names].sort().join();
};

describe.each(LANGUAGES)('admin interface in %s', (language) => {
  test.each(Object.keys(sources))('%s: every string translated', (pkg) => {
    const en = sources[pkg]!;
    const translated: Strings = {
      ...(pkg === 'medee' ? {} : strapiStrings(pkg, language)),
      ...ours(language, pkg),
    };
    const problems: string[] = [];
    for (const [key, english] of Object.entries(en)) {
      if (english.trim() === '') continue; // nothing to translate
      const value = translated[key];
      if (value === undefined) problems.push(`missing: ${key}`);
      else if (value.trim() === '') problems.push(`empty: ${key}`);
      else if (value.trim() === english.trim() && !untranslatable(english)) problems.push(`English: ${key}`);
      else if (argumentsOf(value) !== argumentsOf(english))
        problems.push(`arguments ${argumentsOf(value)} ≠ ${argumentsOf(english)}: ${key}`);
    }
    for (const key of Object.keys(ours(language, pkg))) {
      if (!(key in en)) problems.push(`not in the English source: ${key}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('terminology (docs/terminology.md)', () => {
  const terminology = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'terminology.md'), 'utf8');
  // Table rows: | English | mn | zh | banned variants |
  const banned = [...terminology.matchAll(/^\|[^|\n]+\|[^|\n]+\|[^|\n]+\|([^|\n]+)\|$/gm)]
    .flatMap((row) => row[1]!.split(/[,;]/))
    .map((term) => term.trim().replace(/^"|"$/g, ''))
    .filter((term) => term && term !== '—' && !/^-+$/.test(term) && term !== 'Avoid');

  test('lists banned variants', () => {
    expect(banned.length).toBeGreaterThan(5);
  });

  test.each(LANGUAGES)('no banned variant in the %s strings', (language) => {
    const found: string[] = [];
    for (const pkg of Object.keys(sources)) {
      for (const [key, value] of Object.entries(ours(language, pkg))) {
        for (const term of banned) {
          if (value.toLowerCase().includes(term.toLowerCase())) found.push(`${pkg} ${key}: “${term}” in “${value}”`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
