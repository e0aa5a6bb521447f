/**
 * After a publish, requests the changed pages so that no reader gets the old copy.
 *
 * revalidateTag(tag, 'max') is stale-while-revalidate: the next request for a page still gets
 * the old page (marked `x-nextjs-cache: STALE`) and starts its re-render in the background.
 * So this requests each page until the answer is no longer that stale copy. Behind the
 * production front (deploy/nginx/), the requests go through it with its refresh token
 * (X-Medee-Refresh): nginx then skips its micro-cached copy and stores each answer for
 * everyone, the last one being the fresh page; without it, readers would wait out the
 * micro-cache's second after the site has the new page.
 */

export type RefreshTarget = {
  /** Where the pages are requested: the front when there is one, else this server. */
  base: string;
  /** The front's refresh token (X-Medee-Refresh); only with a front as `base`. */
  token?: string;
};

export const REFRESH_HEADER = 'X-Medee-Refresh';

/** How long one page is retried while it is still stale (a re-render takes ~100 ms). */
const GIVE_UP_MS = 10_000;
const FIRST_WAIT_MS = 20;
const MAX_WAIT_MS = 250;

export async function refreshPages(target: RefreshTarget, paths: readonly string[]): Promise<void> {
  await Promise.allSettled(paths.map((path) => refreshPage(new URL(path, target.base), target.token)));
}

async function refreshPage(url: URL, token: string | undefined): Promise<void> {
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MAX_WAIT_MS)) {
    const response = await fetch(url, {
      cache: 'no-store',
      headers: token ? { [REFRESH_HEADER]: token } : {},
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    // Read to the end: nginx stores an answer only once it has all of it.
    await response.arrayBuffer();
    if (response.headers.get('x-nextjs-cache') !== 'STALE' || Date.now() + wait > giveUpAt) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
