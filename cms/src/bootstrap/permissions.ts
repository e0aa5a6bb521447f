import type { Core } from '@strapi/strapi';
import { PUBLIC_COLLECTION_TYPES, PUBLIC_SINGLE_TYPES } from '@medee/contract';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Exactly what an anonymous reader may do: read published content, nothing else. */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_COLLECTION_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  ...PUBLIC_SINGLE_TYPES.map((uid) => `${uid}.find`),
];

/**
 * Makes the Public role's permissions exactly PUBLIC_ACTIONS, on every start: an extra
 * permission ticked in the admin (or users-permissions' default auth/register routes) is removed,
 * because the public API must not write or sign users up.
 */
export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions "public" role is missing; is the plugin installed?');

  const existing: Array<{ id: number; action: string }> = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });

  const unwanted = existing.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));
  if (unwanted.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: unwanted.map((p) => p.id) } } });
  }
  const have = new Set(existing.map((permission) => permission.action));
  for (const action of PUBLIC_ACTIONS) {
    if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }

  // Nobody signs up through the public API of a news site.
  const settings = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await settings.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await settings.set({ value: { ...advanced, allow_register: false } });
}
