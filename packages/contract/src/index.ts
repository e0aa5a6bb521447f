// What the CMS, the site and the scripts must agree on. Browser-safe and free of zod (zod's eval
// probe would trip the CSP of any page that loaded it). Separate entry points: the
// change-notice schema (`@medee/contract/change`, zod), the signatures
// (`/notice-signature`, `/preview-link`) and the locale packs (`/locale-packs`), which need Node.
// Client components import `/locales` alone: the build is CommonJS, which the site's bundler
// cannot tree-shake, so this entry would put every module above into the browser's chunks.
export * from './certificate';
export * from './content-types';
export * from './locales';
export * from './redirect';
export * from './search';
export * from './slug';
