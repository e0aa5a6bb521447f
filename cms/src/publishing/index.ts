import type { Core } from '@strapi/strapi';
import { registerSiteChanges } from './changes';
import { registerEditorDefaults } from './editor-defaults';
import { ensureArticleListView } from './list-view';
import { SiteNotifier } from './notifier';
import { registerSharedFieldsSync } from './shared-fields';
import { ensureSitePreviewToken } from './preview';

// Publishing to the site: change notices for on-demand revalidation, the preview token, and the
// editor conveniences of the admin (post date default, article list view).

interface SiteConfig {
  url: string;
  timeZone: string;
  revalidate: { url: string; secret?: string; maxAttempts: number };
}

let notifier: SiteNotifier | undefined;

export function registerPublishing(strapi: Core.Strapi): void {
  const site = strapi.config.get<SiteConfig>('site');
  registerEditorDefaults(strapi, site.timeZone);
  if (site.revalidate.url && site.revalidate.secret) {
    const siteNotifier = new SiteNotifier({
      url: site.revalidate.url,
      secret: site.revalidate.secret,
      maxAttempts: site.revalidate.maxAttempts,
      log: strapi.log,
    });
    notifier = siteNotifier;
    registerSiteChanges(strapi, (change) => siteNotifier.send(change));
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
}

/** Lets change notices in flight reach the site before the process ends. */
export async function destroyPublishing(): Promise<void> {
  await notifier?.flush();
}
