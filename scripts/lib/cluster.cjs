// The production topology of docker-compose.yml without Docker: a throw-away PostgreSQL
// cluster, Redis and nginx from Debian packages, two CMS and two site instances, all on
// loopback, configured by the same files the compose file mounts (deploy/). Used by
// `npm run start:cluster` and the cluster tests; tests/cluster/compose.test.ts checks that
// the services, ports and variables here are those of docker-compose.yml.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { freePort, portInUse, startProcess, waitForHttp } = require('./processes.cjs');
const {
  generateAdminPassword,
  generateApiTokenKey,
  generateCmsSecrets,
  generateSiteSecrets,
} = require('./secrets.cjs');
const { startFront } = require('./nginx.cjs');

const rootDir = path.join(__dirname, '..', '..');

/** The services of docker-compose.yml, in start order, with what each is here. */
const SERVICES = ['postgres', 'redis', 'cms-1', 'cms-2', 'web-1', 'web-2', 'front'];

/** Ports of the loopback cluster: consecutive from `base`, or free ones. */
async function clusterPorts(base) {
  const names = ['front', 'frontCms', 'cms-1', 'cms-2', 'web-1', 'web-2', 'redis'];
  if (base === undefined)
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()])));
  const ports = Object.fromEntries(names.map((name, i) => [name, base + i]));
  for (const [name, port] of Object.entries(ports)) {
    if (await portInUse(port)) throw new Error(`Port ${port} (${name}) is in use: choose another CLUSTER_PORT_BASE.`);
  }
  return ports;
}

/**
 * Environment of each application service, by service name: the same variable names as
 * docker-compose.yml gives them (plus what only a loopback run needs, e.g. HOST/PORT).
 */
function serviceEnvironments({ ports, databaseUrl, secrets, siteReadToken, admin, frontRefreshToken, siteSecrets }) {
  const frontUrl = `http://127.0.0.1:${ports.front}`;
  const cmsFrontUrl = `http://127.0.0.1:${ports.frontCms}`;
  const cms = (name, cron) => ({
    ...secrets,
    HOST: '127.0.0.1',
    PORT: String(ports[name]),
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl,
    DATABASE_FILENAME: '',
    PUBLIC_URL: cmsFrontUrl,
    // nginx, the only proxy in front of the CMS, connects from 127.0.0.1.
    TRUSTED_PROXIES: '127.0.0.1',
    CORS_ORIGINS: frontUrl,
    SITE_READ_TOKEN: siteReadToken,
    CMS_ADMIN_EMAIL: admin.email,
    CMS_ADMIN_PASSWORD: admin.password,
    // Publish notices and preview links go to the site through nginx (like docker-compose.yml).
    SITE_URL: frontUrl,
    SITE_REVALIDATE_URL: `${frontUrl}/api/revalidate`,
    SITE_REVALIDATE_SECRET: siteSecrets.revalidateSecret,
    SITE_PREVIEW_SECRET: siteSecrets.previewSecret,
    SITE_PREVIEW_TOKEN: siteSecrets.previewToken,
    // Uploads on local disk (shared by both instances: same cms/public/uploads), S3 unset.
    S3_BUCKET: '',
    S3_REGION: '',
    S3_ENDPOINT: '',
    S3_ACCESS_KEY_ID: '',
    S3_SECRET_ACCESS_KEY: '',
    S3_PUBLIC_URL: '',
    CRON_ENABLED: cron ? 'true' : 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
  });
  const web = {
    STRAPI_URL: cmsFrontUrl,
    // The admin's origin as browsers open it: the only page that may frame the site's preview pages.
    CMS_PUBLIC_URL: cmsFrontUrl,
    STRAPI_READ_TOKEN: siteReadToken,
    SITE_URL: frontUrl,
    REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
    REVALIDATE_SECRET: siteSecrets.revalidateSecret,
    PREVIEW_SECRET: siteSecrets.previewSecret,
    STRAPI_PREVIEW_TOKEN: siteSecrets.previewToken,
    // After a publish the site refreshes the changed pages in nginx's micro-cache.
    FRONT_URL: frontUrl,
    FRONT_REFRESH_TOKEN: frontRefreshToken,
  };
  return {
    'cms-1': cms('cms-1', true),
    'cms-2': cms('cms-2', false),
    'web-1': web,
    'web-2': web,
    front: {
      SITE_LISTEN: `127.0.0.1:${ports.front}`,
      CMS_LISTEN: `127.0.0.1:${ports.frontCms}`,
      WEB_1: `127.0.0.1:${ports['web-1']}`,
      WEB_2: `127.0.0.1:${ports['web-2']}`,
      CMS_1: `127.0.0.1:${ports['cms-1']}`,
      CMS_2: `127.0.0.1:${ports['cms-2']}`,
      NGINX_CACHE_DIR: '', // set to nginx's private dir at start
      FRONT_REFRESH_TOKEN: frontRefreshToken,
    },
  };
}

function findRedisServer() {
  const found = [process.env.REDIS_SERVER_PATH, '/usr/bin/redis-server', '/usr/local/bin/redis-server']
    .filter(Boolean)
    .find((p) => fs.existsSync(p));
  if (!found)
    throw new Error(
      'redis-server not found. Install it (Debian: apt-get install -y redis-server) or set REDIS_SERVER_PATH.',
    );
  return found;
}

/** redis-server with deploy/redis/redis.conf on 127.0.0.1:`port`, data in a temp dir. */
async function startRedis(port, { echo = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-redis-'));
  const proc = startProcess(
    'redis',
    findRedisServer(),
    [
      path.join(rootDir, 'deploy', 'redis', 'redis.conf'),
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { echo },
  );
  const stop = async () => {
    await proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (!(await portInUse(port))) {
    if (proc.child.exitCode !== null) throw new Error(`redis-server exited:\n${proc.output()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not listen on ${port}:\n${proc.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { pid: proc.pid, proc, stop };
}

/**
 * Starts the whole topology; resolves to { urls, admin, siteReadToken, services, stopService(name), stop() }.
 * `portBase` fixes the ports (base..base+6), else free ones are used.
 */
async function startCluster({ portBase, echo = false, log = () => {} } = {}) {
  const { cmsEnv, seedCms, startCms } = require('./cms.cjs');
  const { startPostgres } = require('./postgres.cjs');
  const { startStandaloneSite } = require('./site.cjs');
  const ports = await clusterPorts(portBase);
  /** @type {Record<string, { port: number, pid?: number, stop: () => Promise<void>, [key: string]: unknown }>} */
  const services = {};
  const stopAll = async () => {
    for (const name of [...SERVICES].reverse()) {
      const service = services[name];
      if (!service) continue;
      try {
        await service.stop();
      } catch (error) {
        console.error(`stopping ${name}: ${error instanceof Error ? error.message : error}`);
      }
      delete services[name];
    }
  };

  try {
    log('postgres: starting a throw-away cluster…');
    const pg = await startPostgres({ database: 'medee' });
    services.postgres = { port: pg.port, stop: pg.stop, url: pg.url };
    log(`redis: 127.0.0.1:${ports.redis}`);
    services.redis = { port: ports.redis, ...(await startRedis(ports.redis, { echo })) };

    const admin = { email: 'admin@medee.local', password: generateAdminPassword() };
    const siteReadToken = generateApiTokenKey();
    const frontRefreshToken = generateApiTokenKey();
    const env = serviceEnvironments({
      ports,
      databaseUrl: pg.url,
      secrets: generateCmsSecrets(),
      siteReadToken,
      admin,
      frontRefreshToken,
      siteSecrets: generateSiteSecrets(),
    });
    const cmsEnvFor = (name) => cmsEnv({ port: ports[name], databaseUrl: pg.url, secrets: {}, extra: env[name] });

    // Migrations (Strapi's schema sync) and the seed run once, before any instance serves:
    // the seed's Strapi migrates, then cms-1 starts, then cms-2 — never two at once.
    log('cms: migrating and seeding once…');
    await seedCms(cmsEnvFor('cms-1'));
    for (const name of ['cms-1', 'cms-2']) {
      log(`${name}: 127.0.0.1:${ports[name]}`);
      const proc = await startCms(cmsEnvFor(name), { echo });
      await waitForHttp(`http://127.0.0.1:${ports[name]}/api/ready`, { proc, accept: (status) => status === 200 });
      services[name] = { port: ports[name], pid: proc.pid, proc, stop: proc.stop };
    }

    log('front: nginx…');
    const front = await startFront(env.front, { healthUrl: `http://127.0.0.1:${ports.frontCms}/api/ready`, echo });
    services.front = { port: ports.front, pid: front.pid, dir: front.dir, stop: front.stop };

    for (const name of ['web-1', 'web-2']) {
      log(`${name}: 127.0.0.1:${ports[name]}`);
      const site = await startStandaloneSite({ port: ports[name], env: env[name], name, echo });
      services[name] = { port: ports[name], pid: site.pid, proc: site.proc, stop: site.stop };
    }
    await waitForHttp(`http://127.0.0.1:${ports.front}/mn`, { timeoutMs: 60_000, accept: (status) => status === 200 });

    return {
      ports,
      urls: { site: `http://127.0.0.1:${ports.front}`, cms: `http://127.0.0.1:${ports.frontCms}` },
      admin,
      siteReadToken,
      frontRefreshToken,
      services,
      /** Stops one service (e.g. to see nginx route around it). */
      stopService: async (name) => {
        await services[name]?.stop();
        delete services[name];
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Debian packages the cluster needs that this machine lacks. */
function missingClusterPackages() {
  const missing = [];
  const { findNginx } = require('./nginx.cjs');
  if (!findNginx()) missing.push('nginx-light');
  try {
    findRedisServer();
  } catch {
    missing.push('redis-server');
  }
  try {
    execFileSync('sh', ['-c', 'command -v initdb || ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' });
  } catch {
    missing.push('postgresql');
  }
  return missing;
}

module.exports = { SERVICES, clusterPorts, serviceEnvironments, startCluster, startRedis, missingClusterPackages };
