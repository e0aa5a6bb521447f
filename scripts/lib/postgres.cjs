// A throw-away PostgreSQL cluster for tests: initdb in a temp dir, a free port, stopped by
// pg_ctl. initdb refuses to run as root, so as root the cluster belongs to the postgres user.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { freePort, run } = require('./processes.cjs');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function asClusterOwner(command, args) {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** A PostgreSQL server binary on PATH or in Debian's versioned directory. */
function findPostgresBinary(name) {
  const candidates = [
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)),
    ...['17', '16', '15', '14'].map((v) => `/usr/lib/postgresql/${v}/bin/${name}`),
  ];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(`${name} not found. Install PostgreSQL server binaries (Debian: apt-get install -y postgresql).`);
  }
  return found;
}

/**
 * Starts a cluster; resolves to { url, port, logFile, stop(), pause(), resume() }. `settings` are extra
 * server settings (`-c name=value`), e.g. { shared_preload_libraries: 'auto_explain' }.
 */
async function startPostgres({ database = 'medee_test', settings = {} } = {}) {
  const initdb = findPostgresBinary('initdb');
  const pgCtl = findPostgresBinary('pg_ctl');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-pg-'));
  const dataDir = path.join(dir, 'data');
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort();

  await run(
    ...asClusterOwner(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']),
    { quiet: true },
  );
  const extra = Object.entries(settings)
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join('');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off${extra}`;
  await run(
    ...asClusterOwner(pgCtl, ['-D', dataDir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']),
    { quiet: true },
  );

  const stop = async () => {
    try {
      await run(...asClusterOwner(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']), { quiet: true });
    } catch {
      /* already stopped (paused) */
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // An outage and its end, for fault tests: the data stays.
  const pause = () => run(...asClusterOwner(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']), { quiet: true });
  const resume = () =>
    run(...asClusterOwner(pgCtl, ['-D', dataDir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']), {
      quiet: true,
    });
  try {
    const { Client } = require(require.resolve('pg', { paths: [path.join(__dirname, '..', '..', 'cms')] }));
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    logFile: path.join(dir, 'server.log'),
    stop,
    pause,
    resume,
  };
}

module.exports = { startPostgres, findPostgresBinary };
