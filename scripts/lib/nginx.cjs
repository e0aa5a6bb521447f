// nginx from the Debian package, run in the foreground from a private directory (config,
// pid, logs, temp and cache), so the bench and `npm start:cluster` need no system setup and
// can run beside a system nginx. The site-specific config is the same template file the
// compose file mounts (deploy/nginx/templates/*.template), rendered here the way the official
// nginx image renders it (envsubst of ${NAME}, only for the names given).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startProcess, waitForHttp } = require('./processes.cjs');

const rootDir = path.join(__dirname, '..', '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function findNginx() {
  const candidates = [
    process.env.NGINX_PATH,
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/nginx/sbin/nginx',
  ].filter(Boolean);
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** Replaces `${NAME}` for each NAME in `vars`, leaving nginx's own `${var}` references alone. */
function renderTemplate(text, vars) {
  return text.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Renders deploy/nginx/templates/<name>.template with `vars`; throws if one it names is missing. */
function renderDeployTemplate(name, vars) {
  const text = fs.readFileSync(path.join(rootDir, 'deploy', 'nginx', 'templates', `${name}.template`), 'utf8');
  const missing = [...new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]))].filter(
    (n) => !(n in vars),
  );
  if (missing.length) throw new Error(`deploy/nginx/templates/${name}.template needs ${missing.join(', ')}`);
  return renderTemplate(text, vars);
}

/**
 * The main nginx.conf around `http`-level snippets, like the official image's: one worker per
 * core, `conf.d/*.conf` included inside `http`. Paths are private to `dir`.
 */
function mainConfig(dir, { workerProcesses = 'auto' } = {}) {
  const mimeTypes = fs.existsSync('/etc/nginx/mime.types')
    ? 'include /etc/nginx/mime.types;'
    : 'types { text/html html; text/css css; application/javascript js; }';
  return `# Written by scripts/lib/nginx.cjs
${isRoot ? 'user nobody nogroup;\n' : ''}worker_processes ${workerProcesses};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  include ${dir}/conf.d/*.conf;
}
`;
}

/**
 * Starts nginx with `confs` ({ 'name.conf': text } written to conf.d/) and waits for
 * `healthUrl`. Resolves to { dir, proc, stop() }. `dir` holds the cache: pass it to the
 * template as NGINX_CACHE_DIR via `prepare(dir)` returning the confs.
 * @param {{ name?: string, prepare: (dir: string) => Record<string, string> | Promise<Record<string, string>>, healthUrl: string, workerProcesses?: number | 'auto', echo?: boolean }} options
 */
async function startNginx({ name = 'nginx', prepare, healthUrl, workerProcesses, echo = false }) {
  const nginx = findNginx();
  if (!nginx)
    throw new Error('nginx not found. Install it (Debian: apt-get install -y nginx-light) or set NGINX_PATH.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `medee-${name}-`));
  for (const sub of ['conf.d', 'tmp', 'cache']) fs.mkdirSync(path.join(dir, sub));
  const confs = await prepare(dir);
  for (const [file, text] of Object.entries(confs)) fs.writeFileSync(path.join(dir, 'conf.d', file), text);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, { workerProcesses }));
  // Workers run as nobody when started as root: they need the temp and cache dirs, and read access to the rest.
  fs.chmodSync(dir, 0o755);
  if (isRoot) execFileSync('chown', ['-R', 'nobody:nogroup', path.join(dir, 'tmp'), path.join(dir, 'cache')]);

  execFileSync(nginx, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const proc = startProcess(name, nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { echo });
  const stop = async () => {
    await proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(healthUrl, { proc, timeoutMs: 15_000, accept: () => true });
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, proc, pid: proc.pid, stop };
}

/**
 * The production front: deploy/nginx/templates/medee.conf.template with `vars` (every name it
 * uses but NGINX_CACHE_DIR, which is the front's private dir). Resolves like startNginx.
 * @param {Record<string, string>} vars
 * @param {{ healthUrl: string, echo?: boolean }} options
 */
function startFront(vars, { healthUrl, echo = false }) {
  return startNginx({
    name: 'front',
    healthUrl,
    echo,
    prepare: (dir) => ({
      'medee.conf': renderDeployTemplate('medee.conf', { ...vars, NGINX_CACHE_DIR: path.join(dir, 'cache') }),
    }),
  });
}

/**
 * The front's variables for one site and one CMS instance on loopback (the bench, tests): both
 * upstream slots of each name that instance.
 * @param {{ port: number, cmsPort: number, sitePort: number, cmsInstancePort: number, refreshToken: string }} ports
 */
function singleInstanceFront({ port, cmsPort, sitePort, cmsInstancePort, refreshToken }) {
  const site = `127.0.0.1:${sitePort}`;
  const cms = `127.0.0.1:${cmsInstancePort}`;
  return {
    SITE_LISTEN: `127.0.0.1:${port}`,
    CMS_LISTEN: `127.0.0.1:${cmsPort}`,
    WEB_1: site,
    WEB_2: site,
    CMS_1: cms,
    CMS_2: cms,
    FRONT_REFRESH_TOKEN: refreshToken,
  };
}

/** A server block serving `root` as static files: the physical ceiling of the bench. */
function staticServerConf({ port, root }) {
  return `server {
  listen 127.0.0.1:${port};
  root ${root};
  default_type text/html;
  location / { try_files $uri =404; }
}
`;
}

module.exports = {
  findNginx,
  renderTemplate,
  renderDeployTemplate,
  startNginx,
  startFront,
  singleInstanceFront,
  staticServerConf,
  mainConfig,
};
