import { type Core, factories } from '@strapi/strapi';
import { normalizeSearchText, SEARCH_MAX_LENGTH, SEARCH_MAX_RESULTS, SEARCH_PAGE_SIZE } from '@medee/contract';
import { adjacentArticles, adjacentQuery } from '../../../adjacent';
import { searchArticles } from '../../../search/query';

// Pages past the counted results are empty anyway; a larger number is a malformed request.
const MAX_PAGE = SEARCH_MAX_RESULTS / SEARCH_PAGE_SIZE;

// Koa's context as Strapi extends it at run time (its types leave out the error helpers).
type Context = Parameters<Core.MiddlewareHandler>[0] & { badRequest(message: string, details?: object): void };

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  /**
   * GET /api/articles/search?locale=mn&q=…[&page=N]: published articles of `locale` whose title
   * or summary contains `q`, most relevant first (src/search/query.ts). The locale itself is
   * checked by the query guard (src/middlewares/query-guard.ts) like every content-API read.
   */
  async search(koa: Parameters<Core.MiddlewareHandler>[0]) {
    const ctx = koa as Context;
    const { locale, q, page = '1' } = ctx.query;
    if (typeof locale !== 'string') return ctx.badRequest('locale: give one locale', { param: 'locale' });
    const text = typeof q === 'string' ? normalizeSearchText(q) : undefined;
    if (!text || text.kind === 'empty') return ctx.badRequest('q: give one search text', { param: 'q' });
    if (text.kind === 'too-long') {
      return ctx.badRequest(`q: at most ${SEARCH_MAX_LENGTH} characters, got ${text.length}`, { param: 'q' });
    }
    if (typeof page !== 'string' || !/^[1-9][0-9]*$/.test(page) || Number(page) > MAX_PAGE) {
      return ctx.badRequest(`page: a whole number from 1 to ${MAX_PAGE}`, { param: 'page' });
    }
    ctx.body = await searchArticles(strapi, locale, text.text, Number(page));
  },

  /**
   * GET /api/articles/adjacent?locale=mn&postedAt=2022-01-29&documentId=…: the published
   * articles just older and just newer than that position in the news list (src/adjacent.ts).
   */
  async adjacent(koa: Parameters<Core.MiddlewareHandler>[0]) {
    const ctx = koa as Context;
    const query = adjacentQuery.safeParse(ctx.query);
    if (!query.success) {
      const issue = query.error.issues[0]!;
      const param = String(issue.path[0] ?? '');
      return ctx.badRequest(`${param}: ${issue.message}`, { param });
    }
    ctx.body = { data: await adjacentArticles(strapi, query.data) };
  },
}));
