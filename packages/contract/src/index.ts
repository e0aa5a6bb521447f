// What the CMS, the site and the scripts must agree on. Browser-safe; the signatures
// (`@medee/contract/notice-signature`, `/preview-link`) and the locale packs
// (`/locale-packs`) are separate entry points because they need Node.
export * from './certificate';
export * from './change';
export * from './content-types';
export * from './locales';
export * from './slug';
