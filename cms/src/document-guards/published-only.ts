import type { Core } from '@strapi/strapi';
import { isSitePreviewRequest } from '../publishing/preview';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const PUBLICATION_PARAMS = ['status', 'publicationFilter', 'hasPublishedVersion'] as const;

/**
 * The content API serves published versions only, whoever asks and however the query spells it.
 *
 * NOTE: Strapi 5's core controllers pass `status=draft` (and `publicationFilter` /
 * `hasPublishedVersion`) straight to the Document Service, so a role with `find` reads drafts.
 * Enforcing it here, below every controller, covers all types, `findOne` by a draft's
 * documentId and relations populated from published entries. The admin (route type "admin")
 * and server-side code (no request) are not affected. The one exception is the site's preview
 * token (SITE_PREVIEW_TOKEN), which reads drafts for draft mode; the site's read-only token and
 * the Public role stay published-only.
 */
export function registerPublishedOnlyContentApi(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!context.uid.startsWith('api::') || !READ_ACTIONS.has(context.action)) return next();
    const request = strapi.requestContext.get();
    if (request?.state?.route?.info?.type !== 'content-api') return next();
    if (isSitePreviewRequest(request)) return next();

    const params: Record<string, unknown> = { ...(context.params ?? {}) };
    for (const key of PUBLICATION_PARAMS) delete params[key];
    params.status = 'published';
    context.params = params as typeof context.params;
    return next();
  });
}
