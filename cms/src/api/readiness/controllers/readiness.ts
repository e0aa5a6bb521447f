import type { Core } from '@strapi/strapi';

// A probe must not hang: a stalled database is "not ready", not a stuck healthcheck.
const DATABASE_TIMEOUT_MS = 2_000;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { status: number; body: unknown; set(name: string, value: string): void }) {
    ctx.set('Cache-Control', 'no-store');
    try {
      await strapi.db.connection.raw('select 1').timeout(DATABASE_TIMEOUT_MS, { cancel: false });
      ctx.status = 200;
      ctx.body = { status: 'ready' };
    } catch (error) {
      strapi.log.warn(`readiness: database check failed: ${error instanceof Error ? error.message : error}`);
      ctx.status = 503;
      ctx.body = { status: 'unavailable', reason: 'database' };
    }
  },
});
