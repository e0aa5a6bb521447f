/**
 * The admin's interface languages besides English (src/admin/app.tsx offers them on the login page
 * and in the profile). Here, not under src/admin/, because the server also creates users in them
 * (translation/accounts.ts). No imports: the admin bundle loads this file too.
 */
export const INTERFACE_LANGUAGES = ['mn', 'zh-Hans'] as const;
