import type { Core } from '@strapi/strapi';
import { ensureAdminUser } from './bootstrap/admin-user';
import { registerConcurrentEditGuard } from './bootstrap/concurrent-edits';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/permissions';
import { registerPublishedOnlyContentApi } from './bootstrap/published-only';
import { ensureSiteReadToken } from './bootstrap/site-token';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishedOnlyContentApi(strapi);
    registerConcurrentEditGuard(strapi);
  },

  /** Every step is idempotent: a restart converges to the same state and never resets content. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureAdminUser(strapi);
    await ensureSiteReadToken(strapi);
  },
};
