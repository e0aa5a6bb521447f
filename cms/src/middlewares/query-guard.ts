import type { Core } from '@strapi/strapi';
import { BadQueryError, QueryValidator, hasControlCharacter, type AttributeInfo } from '../query-guard/validate';

// The locale list changes only when an editor adds a locale; re-read it at most this often.
const LOCALES_TTL_MS = 10_000;

function badRequest(ctx: Parameters<Core.MiddlewareHandler>[0], message: string, param?: string): void {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message, details: param ? { param } : {} } };
}

/**
 * Turns malformed requests into 400 before they reach the router and the database:
 * - any path or query with a control character (a NUL byte is a 500 on PostgreSQL) or a path
 *   that is not valid percent-encoded UTF-8;
 * - on content-API reads (GET /api/<type>…): a locale that does not exist, pagination that is
 *   not a plain positive integer, and filter values the database would choke on
 *   (src/query-guard/validate.ts).
 */
const queryGuard: Core.MiddlewareFactory = (_config, { strapi }) => {
  // /api/<pluralName> for collection types, /api/<singularName> for single types.
  const modelsByPath = new Map<string, string>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const name = contentType.kind === 'singleType' ? contentType.info.singularName : contentType.info.pluralName;
    modelsByPath.set(`/api/${name}`, uid);
  }
  const schema = (uid: string): Record<string, AttributeInfo> | undefined =>
    (
      strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ??
      strapi.components[uid as keyof typeof strapi.components]
    )?.attributes as Record<string, AttributeInfo> | undefined;

  let locales: { codes: string[]; readAt: number } | undefined;
  const currentLocales = async (): Promise<string[]> => {
    if (!locales || Date.now() - locales.readAt > LOCALES_TTL_MS) {
      try {
        const found: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
        locales = { codes: found.map((locale) => locale.code), readAt: Date.now() };
      } catch (error) {
        // Database unavailable: keep the last known list; the read itself will fail properly.
        if (!locales) throw error;
      }
    }
    return locales.codes;
  };

  return async (ctx, next) => {
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      return badRequest(ctx, 'The path is not valid percent-encoded UTF-8');
    }
    if (hasControlCharacter(path)) return badRequest(ctx, 'Control characters are not allowed in the path');

    let decodedQuery: string;
    try {
      decodedQuery = decodeURIComponent(ctx.querystring.replace(/\+/g, ' '));
    } catch {
      // Invalid percent-encoding is left to qs, which keeps such values as they are.
      decodedQuery = ctx.querystring;
    }
    if (hasControlCharacter(decodedQuery)) return badRequest(ctx, 'Control characters are not allowed in the query');

    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      const [, api, name] = path.split('/');
      const uid = api === 'api' && name ? modelsByPath.get(`/api/${name}`) : undefined;
      if (uid) {
        try {
          new QueryValidator(schema).validate(uid, ctx.query as Record<string, unknown>, await currentLocales());
        } catch (error) {
          if (error instanceof BadQueryError) return badRequest(ctx, error.message, error.param);
          throw error;
        }
      }
    }
    return next();
  };
};

export default queryGuard;
