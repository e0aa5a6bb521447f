import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmsDir, cmsEnv, seedCms, startCms } from '../../../scripts/lib/cms.cjs';
import { startPostgres } from '../../../scripts/lib/postgres.cjs';
import { freePort } from '../../../scripts/lib/processes.cjs';
import { generateAdminPassword, generateApiTokenKey, generateCmsSecrets } from '../../../scripts/lib/secrets.cjs';

export type Database = 'sqlite' | 'postgres';

/** A seeded, running CMS on its own temporary database, and what a test needs to talk to it. */
export interface CmsInstance {
  baseUrl: string;
  admin: { email: string; password: string };
  siteReadToken: string;
  /** Re-runs the seed against this instance's database. */
  seed(): Promise<string>;
  restart(): Promise<void>;
  /** Stops the CMS process only: the database stays, startServer() brings it back. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** The PostgreSQL cluster behind a 'postgres' instance (stop and start it to simulate an outage). */
  postgres?: { url: string; stop(): Promise<void>; start(): Promise<void> };
  /** The environment the CMS runs with (for the CLI: export, import…). */
  env: Record<string, string>;
  /** The public dir (uploads in its uploads/): cms/public unless isolatedUploads. */
  publicDir: string;
  /** The SQLite file of an 'sqlite' instance, absolute. */
  sqlitePath?: string;
  stop(): Promise<void>;
}

export interface CmsOptions {
  /** Extra environment for the CMS process (and the seed). */
  env?: Record<string, string>;
  /** Keep uploads in a temp public dir of this instance instead of cms/public/uploads. */
  isolatedUploads?: boolean;
  /** Seed the database before the first start (default true). */
  seed?: boolean;
}

export async function startSeededCms(database: Database, options: CmsOptions = {}): Promise<CmsInstance> {
  const port = await freePort();
  const admin = { email: 'editor@medee.test', password: generateAdminPassword() };
  const siteReadToken = generateApiTokenKey();
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
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(cmsDir, `${sqliteFile}${suffix}`), { force: true });
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
      SITE_READ_TOKEN: siteReadToken,
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
    if (options.seed !== false) await seedCms(env);
    proc = await startCms(env);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    admin,
    siteReadToken,
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
      proc = await startCms(env);
    },
    postgres: pg && { url: pg.url, stop: pg.pause, start: pg.resume },
    env,
    publicDir,
    sqlitePath: sqliteFile && path.join(cmsDir, sqliteFile),
    stop,
  };
}
