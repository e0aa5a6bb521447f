import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { loadDraft, TRANSLATED_TYPES, translatableFields, type TranslatedType } from './content';
import { exportXliff, importXliff, TranslationRequestError } from './exchange';
import { checkTranslations } from './qa-run';
import { translationStatus } from './status';
import { localeCodes } from './content';
import { confirmTranslation } from './tracking';
import { loadWorkbench, plannedTarget, saveWorkbench, WorkbenchNotFound } from './workbench';

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

/**
 * Whether this user may write the `locale` variant of a document of `uid`: update it when it
 * exists (`existing`), else create it; with `fields`, each of those fields too. The one rule that
 * the import, the Translate screen, the confirm action and the actions the admin offers follow.
 */
function mayWriteVariant(
  strapi: Core.Strapi,
  ctx: Context,
  uid: TranslatedType,
  locale: string,
  existing: object | null | undefined,
  fields: readonly string[] = [],
): boolean {
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: uid as UID.ContentType });
  const entity = { ...(existing ?? {}), locale };
  const action = existing ? checker.can.update : checker.can.create;
  return action(entity) && fields.every((field) => action(entity, field));
}

/** Per type, the locales this user may create a variant in and update a variant of: the admin offers only these actions. */
function writableLocales(strapi: Core.Strapi, ctx: Context, uids: readonly TranslatedType[], locales: string[]) {
  return Object.fromEntries(
    uids.map((uid) => [
      uid,
      {
        create: locales.filter((locale) => mayWriteVariant(strapi, ctx, uid, locale, null)),
        update: locales.filter((locale) => mayWriteVariant(strapi, ctx, uid, locale, {})),
      },
    ]),
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

const workbenchQuery = z.object({
  contentType: z.enum(TRANSLATED_TYPES),
  documentId: z.string().min(1),
  locale: z.string().min(1),
});
const workbenchBody = workbenchQuery.extend({
  segments: z
    .array(z.object({ unit: z.string().min(1), segment: z.string().min(1), target: z.string().max(100_000) }))
    .max(5000),
});

function badRequest(ctx: Context, message: string) {
  ctx.status = 400;
  ctx.body = { error: { status: 400, name: 'BadRequest', message } };
}

function fail(ctx: Context, status: 403 | 404, message: string) {
  ctx.status = status;
  ctx.body = { error: { status, name: status === 403 ? 'Forbidden' : 'NotFound', message } };
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
          const report = await importXliff(strapi, body.data.xliff, {
            dryRun: body.data.dryRun,
            mayWrite: (uid, locale, existing, fields) => mayWriteVariant(strapi, ctx, uid, locale, existing, fields),
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
        // The Translate screen's data: source and target segment by segment, source diff, memory and glossary.
        method: 'GET',
        path: '/workbench',
        config: { policies },
        handler: async (ctx: Context) => {
          const query = workbenchQuery.safeParse(ctx.query);
          if (!query.success) return badRequest(ctx, 'contentType, documentId and locale (the target) are required');
          const { contentType, documentId, locale } = query.data;
          if (!readableTypes(ctx).includes(contentType)) return fail(ctx, 403, `You may not read ${contentType}`);
          try {
            const workbench = await loadWorkbench(strapi, contentType, documentId, locale);
            const existing = await loadDraft(strapi, contentType, documentId, locale);
            ctx.body = { ...workbench, mayWrite: mayWriteVariant(strapi, ctx, contentType, locale, existing) };
          } catch (error) {
            if (error instanceof WorkbenchNotFound) return fail(ctx, 404, error.message);
            throw error;
          }
        },
      },
      {
        // Saves the Translate screen's target as a draft in the target locale (never published).
        method: 'PUT',
        path: '/workbench',
        config: { policies },
        handler: async (ctx: Context) => {
          const body = workbenchBody.safeParse(ctx.request.body);
          if (!body.success)
            return badRequest(
              ctx,
              'send JSON { "contentType", "documentId", "locale", "segments": [{ "unit", "segment", "target" }] }',
            );
          const { contentType, documentId, locale, segments } = body.data;
          const workbench = await loadWorkbench(strapi, contentType, documentId, locale).catch((error) => {
            if (error instanceof WorkbenchNotFound) return error;
            throw error;
          });
          if (workbench instanceof WorkbenchNotFound) return fail(ctx, 404, workbench.message);
          const fields = translatableFields(strapi, contentType);
          const source = (await loadDraft(strapi, contentType, documentId, workbench.sourceLocale))!;
          const existing = await loadDraft(strapi, contentType, documentId, locale);
          const plan = plannedTarget(fields, source, existing, segments);
          if (plan.problems.length > 0) {
            ctx.status = 422;
            ctx.body = { ok: false, problems: plan.problems };
            return;
          }
          if (!mayWriteVariant(strapi, ctx, contentType, locale, existing, plan.units))
            return fail(ctx, 403, `You may not ${existing ? 'edit' : 'create'} the ${locale} variant`);
          if (plan.units.length > 0) await saveWorkbench(strapi, contentType, documentId, locale, plan.data);
          ctx.body = { ok: true, units: plan.units };
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
          if (!mayWriteVariant(strapi, ctx, contentType, locale, variant))
            return fail(ctx, 403, `You may not edit the ${locale} variant`);
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
