import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

/** Today's date (YYYY-MM-DD) in `timeZone`: the company's calendar, not the server's. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A new article's post date is today unless the editor picked one (Document Service middleware,
 * so the admin, scripts and the seed all get it). A new locale of an existing article keeps the
 * shared date: Strapi creates it through `update`, copying non-localized fields.
 */
export function registerEditorDefaults(strapi: Core.Strapi, timeZone: string): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'create') return next();
    const params = (context.params ?? {}) as { data?: Record<string, unknown> };
    const postedAt = params.data?.postedAt;
    if (postedAt === undefined || postedAt === null || postedAt === '') {
      context.params = { ...params, data: { ...params.data, postedAt: todayIn(timeZone) } } as typeof context.params;
    }
    return next();
  });
}
