import type { Core } from '@strapi/strapi';
import { LOCALES, type Locale } from '../content-types';

/** The admin interface language a translator of each locale starts in (src/admin/app.tsx offers them). */
export const INTERFACE_LANGUAGE: Record<Locale, string> = { mn: 'mn', zh: 'zh-Hans' };

/** CMS_TRANSLATOR_MN_EMAIL / CMS_TRANSLATOR_MN_PASSWORD, CMS_TRANSLATOR_ZH_… */
export const translatorEnv = (locale: Locale) => {
  const prefix = `CMS_TRANSLATOR_${locale.toUpperCase()}`;
  return { email: `${prefix}_EMAIL`, password: `${prefix}_PASSWORD` };
};

/**
 * The demo translator per locale, like the demo admin (bootstrap/admin-user.ts): created with
 * its translator role and its locale's interface language when the environment names one and no admin user has that email yet.
 * An existing user is never touched (its password or roles may have been changed).
 */
export async function ensureTranslatorAccounts(strapi: Core.Strapi, roleIds: Record<Locale, number>): Promise<void> {
  for (const locale of LOCALES) {
    const names = translatorEnv(locale);
    const email = process.env[names.email]?.trim().toLowerCase();
    const password = process.env[names.password];
    if (!email || !password) continue;
    if ((await strapi.db.query('admin::user').count({ where: { email } })) > 0) continue;
    await strapi.service('admin::user').create({
      email,
      firstname: 'Translator',
      lastname: locale,
      password,
      isActive: true,
      registrationToken: null,
      roles: [roleIds[locale]],
      preferedLanguage: INTERFACE_LANGUAGE[locale],
    });
    strapi.log.info(`Created the ${locale} translator ${email}`);
  }
}
