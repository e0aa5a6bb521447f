import path from 'node:path';
import { mergeConfig, type Plugin, type UserConfig } from 'vite';

// Source text of Strapi's LocaleListCell, matched and replaced as it is.
// biome-ignore lint/suspicious/noTemplateCurlyInString: Strapi's code, not ours
const DEFAULT_LOCALE_MARK = '`${locale.name} (default)`';
const TRANSLATED_DEFAULT_LOCALE_MARK =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: code inserted into Strapi's module
  "`${locale.name} (${formatMessage({ id: getTranslation('Settings.locales.default'), defaultMessage: 'Default' }).toLowerCase()})`";

/**
 * Changes to Strapi's admin that its configuration does not offer, applied when the admin is
 * bundled. Each fails the build if Strapi's module no longer looks as expected, so an upgrade
 * cannot drop one silently.
 */
const PATCHES: { module: RegExp; expect: string; patch: (code: string) => string }[] = [
  {
    // The language picker (login page, profile) offers only languages with a native name in this
    // table, which has no Mongolian; and "中文 (简体)" is simply 中文 for our editors.
    module: /@strapi\/admin\/dist\/admin\/admin\/src\/translations\/languageNativeNames\.mjs$/,
    expect: 'const languageNativeNames = {',
    patch: (code) => `${code}\nlanguageNativeNames.mn = 'Монгол';\nlanguageNativeNames['zh-Hans'] = '中文';\n`,
  },
  {
    // "Introducing the new Media Library" over every page, with a link to Strapi's blog: nothing an
    // editor can act on.
    module: /@strapi\/admin\/dist\/admin\/admin\/src\/components\/MediaLibraryBanner\.mjs$/,
    expect: 'const MediaLibraryBanner = ',
    patch: () => 'export const MediaLibraryBanner = () => null;\n',
  },
  {
    // The locales column of the list view marks the default locale with an English "(default)"
    // written into the code; the i18n plugin has the word translated ("Default").
    module: /@strapi\/i18n\/dist\/admin\/components\/LocaleListCell\.mjs$/,
    expect: DEFAULT_LOCALE_MARK,
    patch: (code) => code.replace(DEFAULT_LOCALE_MARK, TRANSLATED_DEFAULT_LOCALE_MARK),
  },
];

const strapiAdminPatches = (): Plugin => ({
  name: 'medee-strapi-admin-patches',
  enforce: 'pre',
  transform(code, id) {
    const file = id.replaceAll('\\', '/').split('?')[0]!;
    const entry = PATCHES.find(({ module }) => module.test(file));
    if (!entry) return null;
    if (!code.includes(entry.expect)) throw new Error(`${file} changed; review its patch in src/admin/vite.config.ts`);
    return { code: entry.patch(code), map: null };
  },
});

/**
 * The contract's package is CommonJS compiled by tsc (`__exportStar(require(…))`), whose names
 * Rollup cannot see in a linked workspace package; the admin bundles its TypeScript source
 * instead, which is browser-safe and ES modules (slugs follow titles with the server's slugify).
 */
const CONTRACT_SOURCE = path.resolve(__dirname, '../../../packages/contract/src/index.ts');

export default (config: UserConfig) =>
  mergeConfig(config, {
    plugins: [strapiAdminPatches()],
    resolve: { alias: [{ find: /^@medee\/contract$/, replacement: CONTRACT_SOURCE }] },
  });
