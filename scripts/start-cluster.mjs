// npm run start:cluster: the topology of docker-compose.yml without Docker — PostgreSQL
// (throw-away cluster), Redis, two CMS and two site instances behind nginx, on loopback,
// with the config files the compose file mounts (deploy/). Ports: CLUSTER_PORT_BASE=8080
// (the default) gives the site on 8080, the CMS on 8081, instances on 8082-8085, Redis 8086.
// Ctrl-C stops everything; the database is thrown away.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureInstalled, ensureCmsBuilt, ensureWebBuilt } = require('./lib/build.cjs');
const { generateCmsSecrets } = require('./lib/secrets.cjs');

await ensureInstalled();
const { startCluster, missingClusterPackages } = require('./lib/cluster.cjs');
const missing = missingClusterPackages();
if (missing.length > 0) {
  console.error(`npm run start:cluster needs Debian packages: apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
// The builds load the CMS config, which requires secrets: throw-away ones, for the build only.
const buildEnv = { ...process.env };
Object.assign(process.env, generateCmsSecrets());
await ensureCmsBuilt();
await ensureWebBuilt();
process.env = buildEnv;

const portBase = Number(process.env.CLUSTER_PORT_BASE ?? 8080);
let cluster;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the cluster…');
  await cluster?.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  cluster = await startCluster({ portBase, log: (line) => console.log(`[cluster] ${line}`) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
for (const [name, service] of Object.entries(cluster.services)) {
  service.proc?.exited.then((code) => {
    if (stopping) return;
    console.error(`${name} exited (${code})`);
    stop(1);
  });
}
console.log(`
medee cluster is running (nginx → 2 sites + 2 CMS, Redis cache, PostgreSQL):
  Site      ${require('@medee/contract')
    .locales.map((locale) => `${cluster.urls.site}/${locale}`)
    .join('   ')}
  CMS admin ${cluster.urls.cms}/admin
  Login     ${cluster.admin.email} / ${cluster.admin.password}
Press Ctrl-C to stop.`);
