import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { loadDraft, TRANSLATED_TYPES, type TranslatedType } from './content';
import { exportXliff, importXliff, TranslationRequestError } from './exchange';
import { checkTranslations } from './qa-run';
import { translationStatus } from './status';
import { localeCodes } from './content';
import { confirmTranslation } from './tracking';

/** Admin API under /translations, for the admin page and `npm run i18n` alike. */
export const TRANSLATIONS_PREFIX = '/translations';

type Ability = { can: (action: string, subject?: unknown) => boolean };
type Context = {
  state: { userAbility?: Ability };
  query: Record<string, unknown>;
  request: { body?: unknown };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
};

const READ = 'plugin::content-manager.explorer.read';

/** The translated types this user may read in the content manager. */
function readableTypes(ctx: Context): TranslatedType[] {
  const ability = ctx.state.userAbility;
  return TRANSLATED_TYPES.filter((uid) => ability?.can(READ, uid));
}

/** Per type, the locales this user may create a variant in and update a variant of: the admin offers only these actions. */
function writableLocales(strapi: Core.Strapi, ctx: Context, uids: readonly TranslatedType[], locales: string[]) {
  return Object.fromEntries(
    uids.map((uid) => {
      const checker = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility: ctx.state.userAbility, model: uid as UID.ContentType });
      return [
        uid,
        {
          create: locales.filter((locale) => checker.can.create({ locale })),
          update: locales.filter((locale) => checker.can.update({ locale })),
        },
      ];
    }),
  ) as Record<TranslatedType, { create: string[]; update: string[] }>;
}

const exportQuery = z.object({
  source: z.string().min(1),
  target: z.string().min(1),
  only: z.enum(['missing', 'outdated', 'all']).default('all'),
});
const importBody = z.object({ xliff: z.string().min(1), dryRun: z.boolean().default(false) });
const confirmBody = z.object({
  contentType: z.enum(TRANSLATED_TYPES),
  documentId: z.string().min(1),
  locale: z.string().min(1),
  /** The translator saw the QA findings and confirms all the same. */
  acceptFindings: z.boolean().default(false),
});
const qaQuery = z.object({ documentId: z.string().min(1).optional(), locale: z.string().min(1).optional() });

function badRequest(ctx: Context, message: string) {
  ctx.status = 400;
  ctx.body = { error: { status: 400, name: 'BadRequest', message } };
}

export function registerTranslationRoutes(strapi: Core.Strapi): void {
  const policies = ['admin::isAuthenticatedAdmin'];
  strapi.server.routes({
    type: 'admin',
    prefix: TRANSLATIONS_PREFIX,
    routes: [
      {
        method: 'GET',
        path: '/status',
        config: { policies },
        handler: async (ctx: Context) => {
          const uids = readableTypes(ctx);
          const report = await translationStatus(strapi, uids);
          const documentId = typeof ctx.query.documentId === 'string' ? ctx.query.documentId : undefined;
          ctx.body = {
            ...report,
            rows: documentId ? report.rows.filter((row) => row.documentId === documentId) : report.rows,
            may: writableLocales(strapi, ctx, uids, report.locales),
          };
        },
      },
      {
        // QA findings of every existing translation (npm run i18n -- check), or of one document / locale.
        method: 'GET',
        path: '/qa',
        config: { policies },
        handler: async (ctx: Context) => {
          const query = qaQuery.safeParse(ctx.query);
          if (!query.success) return badRequest(ctx, 'documentId and locale are optional single values');
          const { documentId, locale } = query.data;
          const locales = await localeCodes(strapi);
          if (locale && !locales.includes(locale))
            return badRequest(ctx, `Unknown locale "${locale}" (locales: ${locales.join(', ')})`);
          const documents = await checkTranslations(strapi, readableTypes(ctx), {
            documentId,
            locales: locale ? [locale] : undefined,
          });
          ctx.body = { documents, findings: documents.reduce((sum, doc) => sum + doc.findings.length, 0) };
        },
      },
      {
        method: 'GET',
        path: '/export',
        config: { policies },
        handler: async (ctx: Context) => {
          const query = exportQuery.safeParse(ctx.query);
          if (!query.success)
            return badRequest(
              ctx,
              `source and target locales are required; only is missing, outdated or all (${query.error.issues.map((i) => i.path.join('.')).join(', ')})`,
            );
          try {
            const { xliff, documents } = await exportXliff(strapi, { ...query.data, uids: readableTypes(ctx) });
            ctx.set('Content-Type', 'application/xliff+xml; charset=utf-8');
            ctx.set(
              'Content-Disposition',
              `attachment; filename="medee-${query.data.source}-${query.data.target}-${query.data.only}.xlf"`,
            );
            ctx.set('X-Documents', String(documents));
            ctx.body = xliff;
          } catch (error) {
            if (error instanceof TranslationRequestError) return badRequest(ctx, error.message);
            throw error;
          }
        },
      },
      {
        method: 'POST',
        path: '/import',
        config: { policies },
        handler: async (ctx: Context) => {
          const body = importBody.safeParse(ctx.request.body);
          if (!body.success) return badRequest(ctx, 'send JSON { "xliff": "<xliff …>", "dryRun"?: boolean }');
          const userAbility = ctx.state.userAbility;
          const report = await importXliff(strapi, body.data.xliff, {
            dryRun: body.data.dryRun,
            mayWrite: (uid, locale, existing, fields) => {
              const checker = strapi
                .plugin('content-manager')
                .service('permission-checker')
                .create({ userAbility, model: uid as UID.ContentType });
              const entity = { ...(existing ?? {}), locale };
              const action = existing ? checker.can.update : checker.can.create;
              return action(entity) && fields.every((field) => action(entity, field));
            },
          });
          const forbidden =
            !report.ok &&
            report.problems.length > 0 &&
            report.problems.every((p) => p.problem.startsWith('forbidden:'));
          ctx.status = report.ok ? 200 : forbidden ? 403 : 422;
          ctx.body = report;
        },
      },
      {
        // A translator checked an outdated translation against the changed source and it still holds.
        method: 'POST',
        path: '/confirm',
        config: { policies },
        handler: async (ctx: Context) => {
          const body = confirmBody.safeParse(ctx.request.body);
          if (!body.success)
            return badRequest(ctx, 'send JSON { "contentType", "documentId", "locale", "acceptFindings"?: boolean }');
          const { contentType, documentId, locale, acceptFindings } = body.data;
          const variant = await loadDraft(strapi, contentType, documentId, locale);
          if (!variant) {
            ctx.status = 404;
            ctx.body = { error: { status: 404, name: 'NotFound', message: `No ${locale} variant of ${documentId}` } };
            return;
          }
          const checker = strapi
            .plugin('content-manager')
            .service('permission-checker')
            .create({ userAbility: ctx.state.userAbility, model: contentType });
          if (!checker.can.update({ ...variant, locale })) {
            ctx.status = 403;
            ctx.body = { error: { status: 403, name: 'Forbidden', message: `You may not edit the ${locale} variant` } };
            return;
          }
          // QA runs before a translation is marked current: findings stop it until the translator accepts them.
          const [qa] = await checkTranslations(strapi, [contentType], { documentId, locales: [locale] });
          if (!acceptFindings && qa && qa.findings.length > 0) {
            ctx.status = 422;
            ctx.body = {
              error: {
                status: 422,
                name: 'QaFindings',
                message: `${qa.findings.length} QA findings in the ${locale} text`,
              },
              findings: qa.findings,
            };
            return;
          }
          await confirmTranslation(strapi, contentType, documentId, locale);
          const report = await translationStatus(strapi, [contentType]);
          ctx.body = report.rows.find((row) => row.documentId === documentId) ?? null;
        },
      },
    ],
  } as never);
}
