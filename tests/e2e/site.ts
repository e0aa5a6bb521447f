import path from 'node:path';
import { freePort, startProcess, waitForHttp } from '../../scripts/lib/processes.cjs';
import { rootDir } from '../../scripts/lib/cms.cjs';
import type { CmsInstance } from '../../cms/tests/helpers/cms-instance';

export interface SiteInstance {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the built site (`next start`) against `cms` on a free port; `env` adds to its environment. */
export async function startSite(
  cms: Pick<CmsInstance, 'baseUrl' | 'siteReadToken'>,
  { env = {} }: { env?: Record<string, string> } = {},
): Promise<SiteInstance> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = startProcess('web', path.join(rootDir, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: path.join(rootDir, 'web'),
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      STRAPI_URL: cms.baseUrl,
      STRAPI_READ_TOKEN: cms.siteReadToken,
      SITE_URL: baseUrl,
      ...env,
    },
  });
  try {
    await waitForHttp(`${baseUrl}/mn`, { proc, timeoutMs: 60_000 });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { baseUrl, stop: proc.stop };
}
