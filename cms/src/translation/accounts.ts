import type { Core } from '@strapi/strapi';
import { type Locale, localeDefinition, locales, translatorEnvNames } from '@medee/contract';
import { INTERFACE_LANGUAGES } from '../admin-languages';

/** The interface language a translator of `locale` starts in: the one named by its tag (zh-Hans) or code (mn), else English. */
export function interfaceLanguageFor(locale: Locale): string {
  const { tag, code } = localeDefinition(locale);
  return (INTERFACE_LANGUAGES as readonly string[]).find((language) => language === tag || language === code) ?? 'en';
}

/**
 * The demo translator per locale, like the demo admin (bootstrap/admin-user.ts): created with
 * its translator role and its locale's interface language when the environment names one and no admin user has that email yet.
 * An existing user is never touched (its password or roles may have been changed).
 */
export async function ensureTranslatorAccounts(strapi: Core.Strapi, roleIds: Record<Locale, number>): Promise<void> {
  for (const locale of locales) {
    const names = translatorEnvNames(locale);
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
      preferedLanguage: interfaceLanguageFor(locale),
    });
    strapi.log.info(`Created the ${locale} translator ${email}`);
  }
}
