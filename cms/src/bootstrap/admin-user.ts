import type { Core } from '@strapi/strapi';

/**
 * Creates the demo super admin from CMS_ADMIN_EMAIL / CMS_ADMIN_PASSWORD when no admin user
 * exists yet, with CMS_ADMIN_LANGUAGE as its interface language (Mongolian unless set; `en`,
 * `mn` or `zh-Hans`). An existing admin is never touched (its password may have been changed).
 */
export async function ensureAdminUser(strapi: Core.Strapi): Promise<void> {
  const email = process.env.CMS_ADMIN_EMAIL?.trim();
  const password = process.env.CMS_ADMIN_PASSWORD;
  if (!email || !password) return;

  const users = strapi.service('admin::user');
  if ((await strapi.db.query('admin::user').count()) > 0) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the demo admin user');
  await users.create({
    email: email.toLowerCase(),
    firstname: 'medee',
    lastname: 'admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
    preferedLanguage: process.env.CMS_ADMIN_LANGUAGE?.trim() || 'mn',
  });
  strapi.log.info(`Created the admin user ${email}`);
}
