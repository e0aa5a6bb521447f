import type { Core } from '@strapi/strapi';

const TOKEN_NAME = 'medee-web (read-only)';

/**
 * The site reads with a read-only API token whose key is shared through the environment
 * (SITE_READ_TOKEN here, STRAPI_READ_TOKEN in web/). Strapi generates random keys itself, so
 * the stored hash and encrypted copy are set to the configured key; a changed key is applied
 * on the next start.
 */
export async function ensureSiteReadToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = process.env.SITE_READ_TOKEN?.trim();
  if (!accessKey) return;

  const tokens = strapi.service('admin::api-token');
  const data = {
    accessKey: tokens.hash(accessKey),
    encryptedKey: strapi.service('admin::encryption').encrypt(accessKey),
  };
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: TOKEN_NAME } });
  if (existing) {
    if (existing.accessKey !== data.accessKey) {
      await strapi.db.query('admin::api-token').update({ where: { id: existing.id }, data });
    }
    return;
  }
  const created = await tokens.create({
    name: TOKEN_NAME,
    description: 'Used by the Next.js site on the server to read published content. Managed by the CMS bootstrap.',
    type: 'read-only',
    lifespan: null,
  });
  await strapi.db.query('admin::api-token').update({ where: { id: created.id }, data });
}
