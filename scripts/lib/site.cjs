// The built site as production runs it: Next's standalone server (output: 'standalone'),
// each instance from its own copy of the build, the way each container of the site image has
// its own. A copy keeps an instance's page cache (.next/server, .next/cache) apart from
// `npm start`'s and from other instances'.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startProcess, waitForHttp } = require('./processes.cjs');

const rootDir = path.join(__dirname, '..', '..');
const webDir = path.join(rootDir, 'web');
const standaloneDir = path.join(webDir, '.next', 'standalone');

/** Copies the standalone build (+ static assets and public/) into a fresh temp dir; returns the server.js path. */
function copyStandaloneSite(name = 'site') {
  if (!fs.existsSync(path.join(standaloneDir, 'web', 'server.js'))) {
    throw new Error(
      'web/.next/standalone/web/server.js is missing: build the site (next build with output: "standalone") first.',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `medee-${name}-`));
  fs.cpSync(standaloneDir, dir, { recursive: true, verbatimSymlinks: true });
  fs.cpSync(path.join(webDir, '.next', 'static'), path.join(dir, 'web', '.next', 'static'), { recursive: true });
  if (fs.existsSync(path.join(webDir, 'public')))
    fs.cpSync(path.join(webDir, 'public'), path.join(dir, 'web', 'public'), { recursive: true });
  return { dir, server: path.join(dir, 'web', 'server.js') };
}

/**
 * Starts one standalone site instance on 127.0.0.1:`port` with `env` (STRAPI_URL,
 * STRAPI_READ_TOKEN, SITE_URL, …) and waits until `/mn` answers. Resolves to
 * { baseUrl, pid, proc, dir, stop() }; stop() also removes the copy.
 */
async function startStandaloneSite({ port, env, name = 'site', echo = false }) {
  const { dir, server } = copyStandaloneSite(name);
  const proc = startProcess(name, process.execPath, [server], {
    cwd: path.dirname(server),
    // HOSTNAME localhost, not 127.0.0.1: Next builds the URL proxy.ts sees with `localhost` and
    // takes a rewrite to another origin than the one it listens on for an external one. With
    // 127.0.0.1 every rewritten page (the news list, the 404 of an unknown language) went back
    // to the server over HTTP, and answered 500 once a stopping instance closed its port.
    env: { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env, PORT: String(port), HOSTNAME: 'localhost' },
    echo,
  });
  const stop = async () => {
    await proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/mn`, { proc, timeoutMs: 60_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: proc.pid, proc, dir, stop };
}

module.exports = { copyStandaloneSite, startStandaloneSite };
