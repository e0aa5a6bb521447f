import 'server-only';

import qs from 'qs';
import { env } from '@/lib/env';
import { CmsError, CmsUnavailableError } from './errors';

/** Seconds a cached CMS read may be served before it is fetched again, webhook or not. */
export const CMS_REVALIDATE_SECONDS = env.CMS_REVALIDATE_SECONDS;

// A CMS that hangs must not hang page rendering with it.
const CMS_TIMEOUT_MS = 10_000;

export interface CmsReadOptions {
  /** Cache tags (see tags.ts) the publish webhook revalidates this read by. */
  tags: string[];
  revalidate?: number;
  /**
   * Which version to read (default published). Drafts are for the one
   * document a preview session opens (lib/preview/session.ts).
   */
  status?: 'draft' | 'published';
  /** Bypass Next's data cache, e.g. for a read that decides where to redirect. */
  uncached?: boolean;
}

/** Builds the full CMS URL of a REST read; Strapi's bracket syntax comes from `qs`. */
function cmsUrl(path: string, query: object): string {
  const search = qs.stringify(query, { encodeValuesOnly: true });
  return `${env.STRAPI_URL}${path}${search ? `?${search}` : ''}`;
}

/**
 * The one place the site reads from the CMS. Returns the parsed JSON body as
 * `unknown` on purpose: callers must validate it (map.ts) before using it.
 *
 * Responses are kept in Next's data cache under `tags`, for at most
 * `revalidate` seconds. Only successful responses are cached, so an outage is
 * not remembered once the CMS is back. The publish webhook marks tags stale
 * (app/api/revalidate): a stale response is still served while a fresh one is
 * fetched, so a CMS that is down then never turns a cached page into an error.
 * Drafts are never cached.
 */
export async function strapiFetch(
  path: string,
  query: object,
  { tags, revalidate = CMS_REVALIDATE_SECONDS, status = 'published', uncached = false }: CmsReadOptions,
): Promise<unknown> {
  const drafts = status === 'draft';
  // Drafts are read with the preview token, the only credential the CMS serves
  // them to, and never cached: a draft must not reach a public page.
  const token = drafts ? env.STRAPI_PREVIEW_TOKEN : env.STRAPI_READ_TOKEN;
  if (drafts && !token) throw new CmsError('Reading drafts needs STRAPI_PREVIEW_TOKEN', { path });
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(cmsUrl(path, drafts ? { ...query, status: 'draft' } : query), {
      headers,
      ...(drafts || uncached
        ? { cache: 'no-store' as const }
        : {
            // Explicit, because Next.js does not cache requests that carry an
            // Authorization header unless told to.
            cache: 'force-cache' as const,
            next: { tags, revalidate },
          }),
      signal: AbortSignal.timeout(CMS_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new CmsUnavailableError('The CMS could not be reached', { path, cause });
  }

  if (response.status >= 500) {
    throw new CmsUnavailableError('The CMS failed to answer', { path, status: response.status });
  }
  if (!response.ok) {
    throw new CmsError('The CMS refused the request', { path, status: response.status });
  }

  try {
    return await response.json();
  } catch (cause) {
    throw new CmsError('The CMS answered with something that is not JSON', {
      path,
      status: response.status,
      cause,
    });
  }
}
