import fs from 'node:fs';
import path from 'node:path';
import { freePort, startProcess, waitForHttp } from '../../scripts/lib/processes.cjs';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { singleInstanceFront, startFront } from '../../scripts/lib/nginx.cjs';
import { generateApiTokenKey } from '../../scripts/lib/secrets.cjs';
import { startStandaloneSite } from '../../scripts/lib/site.cjs';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';

export interface SiteInstance {
  baseUrl: string;
  stop(): Promise<void>;
}

const webDir = path.join(rootDir, 'web');

/**
 * Pages and CMS reads that an earlier `next start` of the same build cached on
 * disk (ISR pages in server/route-cache, reads in cache/fetch-cache, optimized
 * images): they came from another CMS, so a site for this one starts without
 * them. Browser test files therefore run one at a time (jest.config.js).
 */
function clearRuntimeCaches(): void {
  for (const dir of ['server/route-cache', 'cache/fetch-cache', 'cache/images']) {
    fs.rmSync(path.join(webDir, '.next', dir), { recursive: true, force: true });
  }
}

export interface SiteOptions {
  /** The port the CMS was told (startSeededCms's `site.url`) so its change notices and preview links reach the site. */
  port?: number;
  /** Extra environment for the site (e.g. SITE_INDEXING=false). */
  env?: Record<string, string>;
  /** The path polled until it answers below 500; a site without a reachable CMS is ready at /robots.txt. */
  readyPath?: string;
}

/** Starts the built site (`next start`) against `cms` on a free port (or `port`). */
export async function startSite(
  cms: Pick<CmsInstance, 'baseUrl' | 'siteReadToken'> & Partial<Pick<CmsInstance, 'siteSecrets'>>,
  { port: requestedPort, env: extraEnv = {}, readyPath = '/mn' }: SiteOptions = {},
): Promise<SiteInstance> {
  clearRuntimeCaches();
  const port = requestedPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = startProcess(
    'web',
    path.join(rootDir, 'node_modules', '.bin', 'next'),
    ['start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: webDir,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        STRAPI_URL: cms.baseUrl,
        STRAPI_READ_TOKEN: cms.siteReadToken,
        SITE_URL: baseUrl,
        ...(cms.siteSecrets
          ? {
              REVALIDATE_SECRET: cms.siteSecrets.revalidateSecret,
              PREVIEW_SECRET: cms.siteSecrets.previewSecret,
              STRAPI_PREVIEW_TOKEN: cms.siteSecrets.previewToken,
            }
          : {}),
        SITE_INDEXING: 'true',
        ...extraEnv,
      },
    },
  );
  try {
    await waitForHttp(`${baseUrl}${readyPath}`, { proc, timeoutMs: 60_000 });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { baseUrl, stop: proc.stop };
}

/** Loopback ports for a site behind the production front: the site's, the front's for readers and for the CMS. */
export async function frontedSitePorts() {
  const [site, front, frontCms] = [await freePort(), await freePort(), await freePort()];
  return { site, front, frontCms, frontUrl: `http://127.0.0.1:${front}` };
}

/** The production front (deploy/nginx/) before the site on `ports.site` and `cms`, once `/mn` answers through it. */
export function startFrontFor(
  ports: Awaited<ReturnType<typeof frontedSitePorts>>,
  cms: Pick<CmsInstance, 'baseUrl'>,
  refreshToken: string,
) {
  const vars = singleInstanceFront({
    port: ports.front,
    cmsPort: ports.frontCms,
    sitePort: ports.site,
    cmsInstancePort: Number(new URL(cms.baseUrl).port),
    refreshToken,
  });
  return startFront(vars, { healthUrl: `${ports.frontUrl}/mn` });
}

export interface FrontedSite {
  cms: CmsInstance;
  site: SiteInstance;
  front: Awaited<ReturnType<typeof startFrontFor>>;
  /** Where readers go: the front. */
  frontUrl: string;
}

/**
 * A seeded CMS (SQLite), the site and the production front before it, started in `beforeAll` and
 * stopped in `afterAll` of the calling describe block; the returned object is filled in
 * `beforeAll`. `standalone`: Next's standalone server, as `npm start` and the image run it,
 * instead of `next start`. `noticesThroughFront`: the CMS's change notices go through the front,
 * and the site refreshes the front's cache after one, as in production (docker-compose.yml).
 */
export function setUpFrontedSite({ standalone = false, noticesThroughFront = false } = {}): FrontedSite {
  const stack = {} as FrontedSite;
  beforeAll(async () => {
    const ports = await frontedSitePorts();
    const { frontUrl } = ports;
    const refreshToken = generateApiTokenKey();
    const cms = await startSeededCms(
      'sqlite',
      noticesThroughFront ? { site: { url: frontUrl, revalidateUrl: `${frontUrl}/api/revalidate` } } : {},
    );
    Object.assign(stack, { cms, frontUrl });
    const env = {
      SITE_URL: frontUrl,
      ...(noticesThroughFront ? { FRONT_URL: frontUrl, FRONT_REFRESH_TOKEN: refreshToken } : {}),
    };
    stack.site = standalone
      ? await startStandaloneSite({
          port: ports.site,
          name: 'fronted-site',
          env: { STRAPI_URL: cms.baseUrl, STRAPI_READ_TOKEN: cms.siteReadToken, ...env },
        })
      : await startSite(cms, { port: ports.site, env });
    stack.front = await startFrontFor(ports, cms, refreshToken);
  }, 300_000);
  afterAll(async () => {
    await stack.front?.stop();
    await stack.site?.stop();
    await stack.cms?.stop();
  }, 60_000);
  return stack;
}
