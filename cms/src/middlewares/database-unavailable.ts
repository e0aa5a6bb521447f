import type { Core } from '@strapi/strapi';

/** Seconds a client (the site, a load balancer) should wait before asking again. */
const RETRY_AFTER_SECONDS = 5;

// PostgreSQL SQLSTATEs of a server that is going away or not accepting connections: class 08
// (connection exception), admin/crash shutdown, cannot connect now, too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket errors of a database that cannot be reached at all.
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether `error` (or what it wraps) says the database cannot be reached, as opposed to a query
 * the database refused. Knex reports an exhausted wait for a pooled connection as
 * KnexTimeoutError; pg reports a dropped connection without a code.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { name, code, message } = current as { name?: unknown; code?: unknown; message?: unknown };
    if (name === 'KnexTimeoutError') return true;
    if (
      typeof code === 'string' &&
      (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))
    )
      return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A request that fails because the database is unreachable answers 503 with Retry-After (like
 * GET /api/ready, src/api/ready), not Strapi's generic 500: clients and load balancers can tell
 * "try again shortly" from a bug. Any other error goes on to strapi::errors unchanged.
 */
const databaseUnavailable: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      strapi.log.warn(
        `${ctx.method} ${ctx.path}: database unavailable (${error instanceof Error ? error.message : String(error)})`,
      );
      ctx.status = 503;
      ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: null,
        error: {
          status: 503,
          name: 'ServiceUnavailableError',
          message: 'The database is unavailable; try again shortly.',
          details: {},
        },
      };
    }
  };
};

export default databaseUnavailable;
