import type { Core } from '@strapi/strapi';
import { REDIRECT_PATH_MAX_LENGTH } from '@medee/contract';
import { resolveRedirect } from '../../../redirects/resolve';

interface Context {
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  badRequest(message: string): void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/redirects/resolve?path=/news/show-123.html → { data: { location, status } | null }. */
  async resolve(ctx: Context) {
    const { path } = ctx.query;
    if (typeof path !== 'string' || path === '' || path.length > REDIRECT_PATH_MAX_LENGTH * 3) {
      return ctx.badRequest(`path: give one path of at most ${REDIRECT_PATH_MAX_LENGTH} characters`);
    }
    ctx.body = { data: await resolveRedirect(strapi, path) };
  },
});
