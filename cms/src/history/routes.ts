import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isHistoryType, restoring } from './capture';
import { compareFields, type FieldChange } from './compare';
import { readFields, restoreData } from './fields';
import { findVersion, listVersions, type Version, type VersionSummary } from './store';

/** Admin API of the History panel. */
export const HISTORY_PREFIX = '/history';

/** GET /history/documents/:contentType/:documentId?locale= */
export interface VersionList {
  versions: VersionSummary[];
}
/** GET /history/versions/:id: the version, and what restoring it would change in the current draft. */
export interface VersionComparison {
  version: Version;
  changes: FieldChange[];
}

type Context = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  state: { userAbility?: unknown };
  status: number;
  body: unknown;
};

function fail(ctx: Context, status: 400 | 403 | 404, name: string, message: string) {
  ctx.status = status;
  ctx.body = { error: { status, name, message } };
}

/**
 * History is for whoever may edit the variant: an editor, or a translator in their own locale
 * (a translator may read other locales, but not their history).
 */
async function mayEdit(strapi: Core.Strapi, ctx: Context, uid: UID.ContentType, documentId: string, locale: string) {
  const draft = await strapi.db.query(uid).findOne({ where: { documentId, locale, publishedAt: null } });
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: uid });
  return checker.can.update({ ...(draft ?? {}), locale }) as boolean;
}

/** The version `ctx.params.id` names, once the user may see it; undefined after answering the error. */
async function permittedVersion(strapi: Core.Strapi, ctx: Context): Promise<Version | undefined> {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id < 1)
    return void fail(ctx, 400, 'BadRequest', 'A version id is a positive whole number');
  const version = await findVersion(strapi, id);
  if (!version || !isHistoryType(version.contentType)) return void fail(ctx, 404, 'NotFound', `No version ${id}`);
  if (!(await mayEdit(strapi, ctx, version.contentType as UID.ContentType, version.document, version.locale)))
    return void fail(ctx, 403, 'Forbidden', `You may not see the history of the ${version.locale} version`);
  return version;
}

export function registerHistoryRoutes(strapi: Core.Strapi): void {
  const policies = ['admin::isAuthenticatedAdmin'];
  strapi.server.routes({
    type: 'admin',
    prefix: HISTORY_PREFIX,
    routes: [
      {
        method: 'GET',
        path: '/documents/:contentType/:documentId',
        config: { policies },
        handler: async (ctx: Context) => {
          const { contentType = '', documentId = '' } = ctx.params;
          const locale = ctx.query.locale;
          if (!isHistoryType(contentType)) return fail(ctx, 400, 'BadRequest', `${contentType} has no history`);
          if (typeof locale !== 'string' || !locale)
            return fail(ctx, 400, 'BadRequest', 'Say which locale variant: ?locale=mn');
          if (!(await mayEdit(strapi, ctx, contentType, documentId, locale)))
            return fail(ctx, 403, 'Forbidden', `You may not see the history of the ${locale} version`);
          ctx.body = { versions: await listVersions(strapi, documentId, locale) } satisfies VersionList;
        },
      },
      {
        method: 'GET',
        path: '/versions/:id',
        config: { policies },
        handler: async (ctx: Context) => {
          const version = await permittedVersion(strapi, ctx);
          if (!version) return;
          const uid = version.contentType as UID.ContentType;
          const current = await readFields(strapi, uid, version.document, version.locale);
          ctx.body = {
            version,
            changes: compareFields(version.fields, current, version.locale),
          } satisfies VersionComparison;
        },
      },
      {
        // The version becomes the variant's draft; the published version stays until the editor publishes.
        method: 'POST',
        path: '/versions/:id/restore',
        config: { policies },
        handler: async (ctx: Context) => {
          const version = await permittedVersion(strapi, ctx);
          if (!version) return;
          const uid = version.contentType as UID.ContentType;
          const data = await restoreData(strapi, uid, version.fields);
          try {
            await restoring.run(true, () =>
              strapi.documents(uid).update({ documentId: version.document, locale: version.locale, data } as never),
            );
          } catch (error) {
            // The version no longer fits the type's rules (a field became required, a slug was taken).
            if (error instanceof errors.ValidationError) return fail(ctx, 400, 'ValidationError', error.message);
            throw error;
          }
          const [latest] = await listVersions(strapi, version.document, version.locale);
          ctx.body = { restored: version.id, version: latest ?? null };
        },
      },
    ],
  } as never);
}
