// The admin's interface languages beyond English. Strapi ships no Mongolian and an incomplete
// Simplified Chinese; each package's strings live in i18n/<language>/<package>.json with the keys
// of that package's own en.json (unprefixed), and medee.json holds ours (full keys, English in
// i18n/en/medee.json). cms/tests/admin-translations.test.ts checks every key is translated.
import { INTERFACE_LANGUAGES } from '../../admin-languages';
import enMedee from './en/medee.json';
import mnAdmin from './mn/admin.json';
import mnContentManager from './mn/content-manager.json';
import mnEmail from './mn/email.json';
import mnI18n from './mn/i18n.json';
import mnMedee from './mn/medee.json';
import mnUpload from './mn/upload.json';
import mnUsersPermissions from './mn/users-permissions.json';
import zhAdmin from './zh-Hans/admin.json';
import zhContentManager from './zh-Hans/content-manager.json';
import zhEmail from './zh-Hans/email.json';
import zhI18n from './zh-Hans/i18n.json';
import zhMedee from './zh-Hans/medee.json';
import zhUpload from './zh-Hans/upload.json';
import zhUsersPermissions from './zh-Hans/users-permissions.json';

/** The prefix Strapi gives each package's keys when it registers them (`${pluginId}.`). */
export const PACKAGE_PREFIXES = {
  admin: '',
  'content-manager': 'content-manager.',
  upload: 'upload.',
  i18n: 'i18n.',
  'users-permissions': 'users-permissions.',
  email: 'email.',
  medee: '',
} as const;
export type AdminPackage = keyof typeof PACKAGE_PREFIXES;
type Strings = Record<string, string>;

export { INTERFACE_LANGUAGES };

const prefixed = (byPackage: Record<AdminPackage, Strings>): Strings =>
  Object.assign(
    {},
    ...Object.entries(byPackage).map(([pkg, strings]) =>
      Object.fromEntries(
        Object.entries(strings).map(([key, value]) => [PACKAGE_PREFIXES[pkg as AdminPackage] + key, value]),
      ),
    ),
  );

/**
 * The blocks editor (content manager) looks up a few of the admin's own strings under its plugin
 * prefix, keys that exist in no en.json: they get the admin's translation.
 */
const BLOCKS_EDITOR_ALIASES = [
  'components.Blocks.dnd.instruction',
  'components.Blocks.dnd.reorder',
  'components.Blocks.expand',
  'components.Blocks.collapse',
];
const withAliases = (strings: Strings): Strings => ({
  ...strings,
  ...Object.fromEntries(BLOCKS_EDITOR_ALIASES.map((key) => [`content-manager.${key}`, strings[key]!])),
});

export const translations: Record<'en' | (typeof INTERFACE_LANGUAGES)[number], Strings> = {
  en: enMedee,
  mn: withAliases(
    prefixed({
      admin: mnAdmin,
      'content-manager': mnContentManager,
      upload: mnUpload,
      i18n: mnI18n,
      'users-permissions': mnUsersPermissions,
      email: mnEmail,
      medee: mnMedee,
    }),
  ),
  'zh-Hans': withAliases(
    prefixed({
      admin: zhAdmin,
      'content-manager': zhContentManager,
      upload: zhUpload,
      i18n: zhI18n,
      'users-permissions': zhUsersPermissions,
      email: zhEmail,
      medee: zhMedee,
    }),
  ),
};
