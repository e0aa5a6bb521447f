import type { Core } from '@strapi/strapi';
import { registerSiteChanges } from './changes';
import { registerEditorDefaults } from './editor-defaults';
import { ensureArticleListView } from './list-view';
import { SiteNotifier } from './notifier';
import { Scheduler } from './schedule';
import { registerSharedFieldsSync } from './shared-fields';
import { ensureSitePreviewToken } from './preview';
import { SearchEnginePings, type SearchEngineOptions } from './search-engines';

// Publishing to the site: change notices for on-demand revalidation, search engine pings, the
// preview token, scheduled publishing, and the editor conveniences of the admin (post date default, article list view).

interface SiteConfig {
  url: string;
  timeZone: string;
  revalidate: { url: string; secret?: string; maxAttempts: number };
  searchEngines: Pick<SearchEngineOptions, 'indexNow' | 'baidu' | 'maxAttempts'>;
  schedule: { intervalSeconds: number };
}

let notifier: SiteNotifier | undefined;
let pings: SearchEnginePings | undefined;
let scheduler: Scheduler | undefined;

export function registerPublishing(strapi: Core.Strapi): void {
  const site = strapi.config.get<SiteConfig>('site');
  registerEditorDefaults(strapi, site.timeZone);
  if (site.revalidate.url && site.revalidate.secret) {
    notifier = new SiteNotifier({
      url: site.revalidate.url,
      secret: site.revalidate.secret,
      maxAttempts: site.revalidate.maxAttempts,
      log: strapi.log,
    });
  }
  if (site.searchEngines.indexNow || site.searchEngines.baidu) {
    pings = new SearchEnginePings({ ...site.searchEngines, siteUrl: site.url, log: strapi.log });
  }
  if (notifier || pings) {
    registerSiteChanges(strapi, (change) => {
      // The engines are told once the site has refreshed (or given up), so their crawl of the
      // URLs finds the new content; neither waits blocks the publish.
      const refreshed = notifier?.send(change) ?? Promise.resolve();
      if (pings) void refreshed.then(() => pings?.announce(change));
    });
  }
  // Inside the change notices (registered later), so their "after" includes the copied fields.
  registerSharedFieldsSync(strapi);
}

export async function bootstrapPublishing(strapi: Core.Strapi): Promise<void> {
  await ensureSitePreviewToken(strapi);
  await ensureArticleListView(strapi);
  const site = strapi.config.get<SiteConfig>('site');
  if (!notifier)
    strapi.log.warn(
      'SITE_URL / SITE_REVALIDATE_URL is not set: the site is not told about publishes and shows them once its cache expires.',
    );
  else strapi.log.info(`Published changes are announced to ${site.revalidate.url}`);
  if (site.schedule.intervalSeconds > 0) {
    scheduler = new Scheduler(strapi, site.schedule.intervalSeconds * 1000);
    await scheduler.start();
  }
  const { indexNow, baidu } = site.searchEngines;
  if (indexNow || baidu)
    strapi.log.info(
      `Search engines are told of published changes: ${[indexNow?.endpoint, baidu?.endpoint].filter(Boolean).join(', ')}`,
    );
}

/** Lets change notices and pings in flight reach their receivers before the process ends. */
export async function destroyPublishing(): Promise<void> {
  await scheduler?.stop();
  await notifier?.flush();
  await pings?.flush();
}
