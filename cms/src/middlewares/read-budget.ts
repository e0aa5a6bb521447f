import type { Core } from '@strapi/strapi';

/**
 * Bounds the work one public content-API read may cause, beyond what the query guard checks in
 * the query itself (src/query-guard/validate.ts: populate at most 2 levels deep):
 * - a response may carry at most API_MAX_RELATED_ROWS (default 2000) populated entries in all:
 *   past that it is a 400 that says so, not megabytes of JSON;
 * - one client (by address: src/middlewares/client-address.ts) may have at most
 *   API_MAX_CONCURRENT_READS (default 4) populated reads running at once: more is a 429.
 * Reads with an API token (the site's) are the site's own queries and are not counted; a
 * forged token is refused by Strapi before any content is read.
 */

type Context = Parameters<Core.MiddlewareHandler>[0];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Entries nested inside the response's `data` (populated relations, media and components). */
export function countRelatedRows(data: unknown): number {
  let count = 0;
  const visit = (value: unknown, nested: boolean) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, nested);
    } else if (isPlainObject(value)) {
      if (nested && ('id' in value || 'documentId' in value)) count += 1;
      for (const field of Object.values(value)) visit(field, true);
    }
  };
  // The top-level entries are the page itself (bounded by API_MAX_LIMIT), not related rows.
  if (Array.isArray(data)) for (const entry of data) visit(entry, false);
  else visit(data, false);
  return count;
}

function refuse(ctx: Context, status: 400 | 429, name: string, message: string): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

const readBudget: Core.MiddlewareFactory = () => {
  const maxRelatedRows = Number(process.env.API_MAX_RELATED_ROWS) || 2000;
  const maxConcurrent = Number(process.env.API_MAX_CONCURRENT_READS) || 4;
  const running = new Map<string, number>();

  return async (ctx, next) => {
    const populated =
      (ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/api/') && 'populate' in ctx.query;
    if (!populated || ctx.get('authorization')) return next();

    const client = ctx.request.ip || 'unknown';
    const current = running.get(client) ?? 0;
    if (current >= maxConcurrent) {
      ctx.set('Retry-After', '1');
      return refuse(
        ctx,
        429,
        'RateLimitError',
        `At most ${maxConcurrent} reads with populate may run at once per client; try again shortly.`,
      );
    }
    running.set(client, current + 1);
    try {
      await next();
    } finally {
      const left = (running.get(client) ?? 1) - 1;
      if (left > 0) running.set(client, left);
      else running.delete(client);
    }
    if (ctx.status === 200 && isPlainObject(ctx.body) && countRelatedRows(ctx.body.data) > maxRelatedRows) {
      refuse(
        ctx,
        400,
        'ValidationError',
        `The response would carry more than ${maxRelatedRows} related entries; populate less or ask for smaller pages.`,
      );
    }
  };
};

export default readBudget;
