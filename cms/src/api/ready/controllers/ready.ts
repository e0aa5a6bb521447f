import type { Core } from '@strapi/strapi';

// Far below a load balancer's usual probe timeout; a database that takes longer is not ready.
const DATABASE_TIMEOUT_MS = 2_000;

class DatabaseTimeoutError extends Error {
  override name = 'DatabaseTimeoutError';
}

/** Runs `select 1` through Strapi's own connection pool, so it fails exactly when reads would. */
async function pingDatabase(strapi: Core.Strapi): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DatabaseTimeoutError(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
      DATABASE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([strapi.db.connection.raw('select 1'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { status: number; body: unknown; set(name: string, value: string): void }) {
    ctx.set('Cache-Control', 'no-store');
    try {
      await pingDatabase(strapi);
      ctx.status = 200;
      ctx.body = { status: 'ready' };
    } catch (error) {
      strapi.log.warn(`Readiness check failed: ${error instanceof Error ? error.message : String(error)}`);
      ctx.status = 503;
      ctx.body = { status: 'unavailable', reason: 'database' };
    }
  },
});
