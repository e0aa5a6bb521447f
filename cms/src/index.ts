import type { Core } from '@strapi/strapi';
import { ensureAdminUser } from './bootstrap/admin-user';
import { registerConcurrentEditGuard } from './document-guards/concurrent-edits';
import { registerFieldPatternGuard } from './document-guards/field-patterns';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/permissions';
import { registerPublishedOnlyContentApi } from './document-guards/published-only';
import { registerScheduleGuard } from './document-guards/schedule';
import { ensureSiteReadToken } from './bootstrap/site-token';
import { refreshSqliteStatistics } from './bootstrap/sqlite-statistics';
import { bootstrapPublishing, destroyPublishing, registerPublishing } from './publishing';
import { checkContract } from './contract-check';
import { bootstrapHistory, destroyHistory, registerHistory } from './history';
import { registerRedirects } from './redirects';
import { ensureSitemapIndexes } from './sitemap';
import { bootstrapSearch } from './search';
import { bootstrapTranslation, registerTranslation } from './translation';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    checkContract(strapi);
    registerPublishedOnlyContentApi(strapi);
    // Before translation's middlewares, so the site's change notices see what they write too.
    registerPublishing(strapi);
    registerRedirects(strapi);
    registerTranslation(strapi);
    registerConcurrentEditGuard(strapi);
    registerFieldPatternGuard(strapi);
    registerScheduleGuard(strapi, strapi.config.get<string>('site.timeZone'));
    // Registered last, it runs innermost: a version is read right after the database write, with
    // what every other middleware changed on the way in.
    registerHistory(strapi);
  },

  /** Every step is idempotent: a restart converges to the same state and never resets content. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureAdminUser(strapi);
    await ensureSiteReadToken(strapi);
    await bootstrapTranslation(strapi);
    await bootstrapPublishing(strapi);
    await bootstrapHistory(strapi);
    await ensureSitemapIndexes(strapi);
    await bootstrapSearch(strapi);
    // Last: the statistics then cover the indexes and tables the steps above created.
    await refreshSqliteStatistics(strapi);
  },

  async destroy() {
    destroyHistory();
    await destroyPublishing();
  },
};
