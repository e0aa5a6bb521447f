// What the CMS, the site and the scripts must agree on. Browser-safe and free of zod (the site's
// error pages load it; zod's eval probe would trip their CSP). Separate entry points: the
// change-notice schema (`@medee/contract/change`, zod), the signatures
// (`/notice-signature`, `/preview-link`) and the locale packs (`/locale-packs`), which need Node.
export * from './certificate';
export * from './content-types';
export * from './locales';
export * from './redirect';
export * from './search';
export * from './slug';
