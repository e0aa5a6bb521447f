import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmsDir, cmsEnv, seedCms, startCms } from '../../../scripts/lib/cms.cjs';
import { startPostgres } from '../../../scripts/lib/postgres.cjs';
import { freePort } from '../../../scripts/lib/processes.cjs';
import {
  generateAdminPassword,
  generateApiTokenKey,
  generateCmsSecrets,
  generateSiteSecrets,
} from '../../../scripts/lib/secrets.cjs';

export type Database = 'sqlite' | 'postgres';

/** A seeded, running CMS on its own temporary database, and what a test needs to talk to it. */
export interface CmsInstance {
  baseUrl: string;
  admin: { email: string; password: string };
  /** The demo translators, created with the "Translator (mn)" / "Translator (zh)" roles. */
  translators: Record<'mn' | 'zh', { email: string; password: string }>;
  siteReadToken: string;
  /** Secrets shared with the site: revalidation webhook, preview links, the draft-reading token. */
  siteSecrets: { revalidateSecret: string; previewSecret: string; previewToken: string };
  /** The environment the CMS runs with (for scripts run against its database). */
  env: Record<string, string>;
  /** Re-runs the seed against this instance's database. */
  seed(): Promise<string>;
  restart(): Promise<void>;
  /** Stops the server only; the database stays for startServer(). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** The PostgreSQL cluster behind a 'postgres' instance (stop and start it to simulate an outage). */
  postgres?: { url: string; stop(): Promise<unknown>; start(): Promise<unknown> };
  /** The public dir (uploads in its uploads/): cms/public unless isolatedUploads. */
  publicDir: string;
  /** The SQLite file of an 'sqlite' instance, absolute. */
  sqlitePath?: string;
  stop(): Promise<void>;
}

export interface CmsOptions {
  /**
   * The site this CMS announces publishes to and opens previews on (SITE_URL), e.g. the URL a
   * test will start the site on; `revalidateUrl` overrides where the notices go.
   */
  site?: { url: string; revalidateUrl?: string };
  /** Extra environment for the CMS process (and the seed). */
  env?: Record<string, string>;
  /** Keep uploads in a temp public dir of this instance instead of cms/public/uploads. */
  isolatedUploads?: boolean;
}

export async function startSeededCms(database: Database, options: CmsOptions = {}): Promise<CmsInstance> {
  const port = await freePort();
  const admin = { email: 'editor@medee.test', password: generateAdminPassword() };
  const translators = {
    mn: { email: 'translator-mn@medee.test', password: generateAdminPassword() },
    zh: { email: 'translator-zh@medee.test', password: generateAdminPassword() },
  };
  const siteReadToken = generateApiTokenKey();
  const siteSecrets = generateSiteSecrets();
  const cleanups: Array<() => Promise<void> | void> = [];

  let databaseUrl: string | undefined;
  let sqliteFile: string | undefined;
  let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
  if (database === 'postgres') {
    pg = await startPostgres();
    databaseUrl = pg.url;
    cleanups.push(pg.stop);
  } else {
    sqliteFile = path.join('.tmp', `test-${process.pid}-${port}.db`);
    cleanups.push(() => {
      for (const suffix of ['', '-wal', '-shm'])
        fs.rmSync(path.join(cmsDir, `${sqliteFile}${suffix}`), { force: true });
    });
  }

  let publicDir = path.join(cmsDir, 'public');
  if (options.isolatedUploads) {
    publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-public-'));
    fs.mkdirSync(path.join(publicDir, 'uploads'));
    cleanups.push(() => fs.rmSync(publicDir, { recursive: true, force: true }));
  }

  const env = cmsEnv({
    port,
    sqliteFile,
    databaseUrl,
    secrets: generateCmsSecrets(),
    extra: {
      CMS_ADMIN_EMAIL: admin.email,
      CMS_ADMIN_PASSWORD: admin.password,
      CMS_TRANSLATOR_MN_EMAIL: translators.mn.email,
      CMS_TRANSLATOR_MN_PASSWORD: translators.mn.password,
      CMS_TRANSLATOR_ZH_EMAIL: translators.zh.email,
      CMS_TRANSLATOR_ZH_PASSWORD: translators.zh.password,
      SITE_READ_TOKEN: siteReadToken,
      SITE_URL: options.site?.url ?? '',
      SITE_REVALIDATE_URL: options.site?.revalidateUrl ?? '',
      SITE_REVALIDATE_SECRET: siteSecrets.revalidateSecret,
      SITE_PREVIEW_SECRET: siteSecrets.previewSecret,
      SITE_PREVIEW_TOKEN: siteSecrets.previewToken,
      // Retries of a notice the site did not take come quickly in tests.
      SITE_REVALIDATE_MAX_ATTEMPTS: '4',
      ...(options.isolatedUploads ? { PUBLIC_DIR: publicDir } : {}),
      ...options.env,
    },
  });

  let proc: Awaited<ReturnType<typeof startCms>> | undefined;
  const stop = async () => {
    await proc?.stop();
    proc = undefined;
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    await seedCms(env);
    proc = await startCms(env);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    admin,
    translators,
    siteReadToken,
    siteSecrets,
    env,
    seed: () => seedCms(env),
    restart: async () => {
      await proc?.stop();
      proc = await startCms(env);
    },
    stopServer: async () => {
      await proc?.stop();
      proc = undefined;
    },
    startServer: async () => {
      proc ??= await startCms(env);
    },
    postgres: pg && { url: pg.url, stop: pg.pause, start: pg.resume },
    publicDir,
    sqlitePath: sqliteFile && path.join(cmsDir, sqliteFile),
    stop,
  };
}
