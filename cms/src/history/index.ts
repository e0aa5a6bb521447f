import type { Core } from '@strapi/strapi';
import { registerHistoryCapture } from './capture';
import { registerHistoryRoutes } from './routes';
import { pruneAll, type Retention, retentionFromEnv } from './store';

// History and restore (README "History"): a version of each locale variant at every save and
// publish, the History panel's admin API, and the retention prune.

const DAY = 86_400_000;
let retention: Retention | undefined;
let dailyPrune: NodeJS.Timeout | undefined;

export function registerHistory(strapi: Core.Strapi): void {
  retention = retentionFromEnv();
  registerHistoryCapture(strapi, retention);
  registerHistoryRoutes(strapi);
}

/**
 * Each write prunes its own variant; this prunes the variants nobody writes to any more, at start
 * and then daily. With several CMS instances each does it: deleting what is already gone is harmless.
 */
export async function bootstrapHistory(strapi: Core.Strapi): Promise<void> {
  const prune = async () => {
    const removed = await pruneAll(strapi, retention ?? retentionFromEnv());
    if (removed > 0) strapi.log.info(`History: ${removed} versions past the retention period removed`);
  };
  await prune();
  dailyPrune = setInterval(() => {
    prune().catch((error) => strapi.log.error(`History: the daily prune failed: ${String(error)}`));
  }, DAY);
  dailyPrune.unref();
}

export function destroyHistory(): void {
  clearInterval(dailyPrune);
}
