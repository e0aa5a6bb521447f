import type { Core } from '@strapi/strapi';

const TOKEN_NAME = 'medee-web (read-only)';

/** An API token whose key comes from the environment and whose settings the bootstrap owns. */
export interface ManagedApiToken {
  name: string;
  description: string;
  accessKey: string;
  type: 'read-only' | 'custom';
  /** Content-API actions of a `custom` token, e.g. `api::article.article.find`. */
  permissions?: readonly string[];
}

/**
 * Creates the token, or brings an existing one (found by name) back to `token`: its key and, for
 * a custom token, exactly its permissions. Strapi generates random keys itself, so the stored
 * hash and encrypted copy are set to the configured key. Returns the token's id.
 */
export async function ensureManagedApiToken(strapi: Core.Strapi, token: ManagedApiToken): Promise<number> {
  const tokens = strapi.service('admin::api-token');
  const data = {
    accessKey: tokens.hash(token.accessKey),
    encryptedKey: strapi.service('admin::encryption').encrypt(token.accessKey),
  };
  const permissions = token.type === 'custom' ? [...(token.permissions ?? [])].sort() : undefined;
  const existing = await strapi.db
    .query('admin::api-token')
    .findOne({ where: { name: token.name }, populate: ['permissions'] });
  if (existing) {
    const current = ((existing.permissions ?? []) as Array<{ action: string }>).map((p) => p.action).sort();
    if (existing.type !== token.type || (permissions && current.join() !== permissions.join())) {
      await tokens.update(existing.id, { type: token.type, ...(permissions ? { permissions } : {}) });
    }
    if (existing.accessKey !== data.accessKey) {
      await strapi.db.query('admin::api-token').update({ where: { id: existing.id }, data });
    }
    return existing.id;
  }
  const created = await tokens.create({
    name: token.name,
    description: token.description,
    type: token.type,
    ...(permissions ? { permissions } : {}),
    lifespan: null,
  });
  await strapi.db.query('admin::api-token').update({ where: { id: created.id }, data });
  return created.id;
}

/**
 * The site reads with a read-only API token whose key is shared through the environment
 * (SITE_READ_TOKEN here, STRAPI_READ_TOKEN in web/); a changed key is applied on the next start.
 */
export async function ensureSiteReadToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = process.env.SITE_READ_TOKEN?.trim();
  if (!accessKey) return;
  await ensureManagedApiToken(strapi, {
    name: TOKEN_NAME,
    description: 'Used by the Next.js site on the server to read published content. Managed by the CMS bootstrap.',
    type: 'read-only',
    accessKey,
  });
}
