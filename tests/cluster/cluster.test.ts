import { freePort } from '../../scripts/lib/processes.cjs';
import { generateCmsSecrets } from '../../scripts/lib/secrets.cjs';
import { startCluster } from '../../scripts/lib/cluster.cjs';
import { adminClient } from '../../cms/tests/helpers/admin-api';
import { until } from '../../cms/tests/helpers/poll';

// The loopback cluster of `npm run start:cluster` (the docker-compose.yml topology): two site
// instances share one Redis cache, and nginx loses no request when one site or one CMS
// instance goes away.

type Cluster = Awaited<ReturnType<typeof startCluster>>;

/**
 * Sends GETs, `concurrency` at a time: some while both instances run, then while `stop()` takes
 * one away, then `after` more once it is gone. Returns every request that did not answer 200.
 */
async function hammer(
  urlFor: (i: number) => string,
  {
    concurrency,
    after,
    headers = {},
    stop,
  }: { concurrency: number; after: number; headers?: Record<string, string>; stop: () => Promise<void> },
) {
  const failures: string[] = [];
  let next = 0;
  let stoppedAt = Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (next < stoppedAt + after) {
      const url = urlFor(next++);
      try {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${url} → ${response.status}`);
      } catch (error) {
        failures.push(`${url} → ${error instanceof Error ? error.message : error}`);
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  while (next < concurrency * 4) await new Promise((resolve) => setTimeout(resolve, 20));
  const sentBeforeStop = next;
  await stop();
  stoppedAt = next;
  await Promise.all(workers);
  return { failures, sentBeforeStop, sentAfterStop: next - stoppedAt };
}

/** Requests went out before the instance stopped and after it was gone, and none failed. */
function expectNoLoss(result: Awaited<ReturnType<typeof hammer>>) {
  expect(result.sentBeforeStop).toBeGreaterThan(0);
  expect(result.sentAfterStop).toBeGreaterThanOrEqual(50);
  expect(result.failures).toEqual([]);
}

describe('loopback cluster (npm run start:cluster)', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    Object.assign(process.env, generateCmsSecrets());
    cluster = await startCluster();
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('serves a page rendered by one site instance from the shared Redis cache on the other', async () => {
    const path = `/zh/certificates`;
    const first = await fetch(`http://127.0.0.1:${cluster.ports['web-1']}${path}`);
    expect(first.status).toBe(200);
    await first.text();
    const second = await fetch(`http://127.0.0.1:${cluster.ports['web-2']}${path}`);
    expect(second.status).toBe(200);
    await second.text();
    // web-2 never rendered this page: a hit means it came from the cache web-1 filled.
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT');
  });

  it('shows a publish made through one CMS instance on both site instances', async () => {
    const cms1 = `http://127.0.0.1:${cluster.ports['cms-1']}`;
    const call = await adminClient({ baseUrl: cms1, admin: cluster.admin });
    const stamp = Date.now();
    const slug = `cluster-${stamp}`;
    const articles = '/content-manager/collection-types/api::article.article';
    // Both instances have rendered the list before the publish.
    for (const name of ['web-1', 'web-2'])
      expect((await fetch(`http://127.0.0.1:${cluster.ports[name]}/mn/news`)).status).toBe(200);
    const created = await call('POST', `${articles}?locale=mn`, { title: `Кластер ${stamp}`, slug });
    await call('POST', `${articles}/${created.data.documentId}/actions/publish?locale=mn`, {
      title: `Кластер ${stamp}`,
      locale: 'mn',
    });
    // The CMS notifies the site through nginx (one instance); the shared cache brings it to both.
    for (const name of ['web-1', 'web-2']) {
      const listsIt = async () =>
        (await (await fetch(`http://127.0.0.1:${cluster.ports[name]}/mn/news`)).text()).includes(`Кластер ${stamp}`);
      await until(`${name} to list the published article`, listsIt, { timeoutMs: 30_000 });
      expect((await fetch(`http://127.0.0.1:${cluster.ports[name]}/mn/news/${slug}`)).status).toBe(200);
    }
  });

  it('micro-caches pages in nginx, and refreshes one only for a request with the front refresh token', async () => {
    const url = `${cluster.urls.site}/mn/certificates`;
    const get = async (headers: Record<string, string> = {}) => {
      const response = await fetch(url, { headers });
      await response.text();
      expect(response.status).toBe(200);
      return response.headers.get('x-cache');
    };
    await get();
    // Refreshed: fetched from the site (and stored for everyone) whatever the cache holds.
    expect(await get({ 'X-Medee-Refresh': cluster.frontRefreshToken })).toBe('BYPASS');
    // Anyone else's refresh header is ignored: served from the micro-cache.
    expect(['HIT', 'UPDATING', 'STALE', 'EXPIRED']).toContain(await get({ 'X-Medee-Refresh': 'guess' }));
    expect(['HIT', 'UPDATING', 'STALE', 'EXPIRED']).toContain(await get());
  });

  it('gives readers no 5xx and no poisoned page while the old attacks trickle through the front', async () => {
    const closedPort = await freePort();
    // Each took an instance out (a 500 retried on the other one, max_fails=1) or replaced a
    // cached page for everyone (issue 16), or made the CMS read hundreds of MB.
    const attacks: Array<{ url: string; headers?: Record<string, string> }> = [
      { url: `${cluster.urls.site}/mn/search?q=%01` },
      { url: `${cluster.urls.site}/mn/search?q=a%00b` },
      { url: `${cluster.urls.site}/api/preview/exit?to=%0d%0aSet-Cookie:%20x=1` },
      { url: `${cluster.urls.site}/api/preview/exit?to=%00` },
      { url: `${cluster.urls.site}/api/preview/exit?to=${encodeURIComponent('/монгол')}` },
      {
        url: `${cluster.urls.site}/_next/image?url=${encodeURIComponent(`http://127.0.0.1:${closedPort}/uploads/x.png`)}&w=640&q=75`,
      },
      { url: `${cluster.urls.site}/mn/certificates`, headers: { 'x-middleware-prefetch': '1' } },
      { url: `${cluster.urls.site}/mn/news`, headers: { rsc: '1', 'next-router-segment-prefetch': '/_tree' } },
      { url: `${cluster.urls.site}/zh`, headers: { 'next-router-prefetch': '1', 'x-nextjs-data': '1' } },
      { url: `${cluster.urls.site}/mn/feed.xml`, headers: { 'x-middleware-prefetch': '1', rsc: '1' } },
      { url: `${cluster.urls.cms}/api/categories?populate[articles][populate][category][populate][articles]=true` },
      { url: `${cluster.urls.cms}/api/categories?populate=articles.category.articles.category` },
    ];
    const documents: Array<[string, RegExp]> = [
      ['/mn/certificates', /^<!DOCTYPE html>[\s\S]*<\/html>$/],
      ['/mn/news', /^<!DOCTYPE html>[\s\S]*<\/html>$/],
      ['/zh', /^<!DOCTYPE html>[\s\S]*<\/html>$/],
      ['/mn/feed.xml', /^<\?xml[\s\S]*<\/rss>$/],
    ];

    const attackAnswers: string[] = [];
    let attacking = true;
    const attacker = (async () => {
      for (let i = 0; i < attacks.length * 6; i++) {
        const { url, headers } = attacks[i % attacks.length]!;
        const response = await fetch(url, { headers, redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status >= 500) attackAnswers.push(`${url} → ${response.status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      attacking = false;
    })();
    let reads = 0;
    const readerFailures: string[] = [];
    const reader = async (offset: number) => {
      for (let i = offset; attacking; i++) {
        const [path, shape] = documents[i % documents.length]!;
        const response = await fetch(`${cluster.urls.site}${path}`);
        const body = (await response.text()).trim();
        reads++;
        if (response.status !== 200 || !shape.test(body))
          readerFailures.push(`${path} → ${response.status} ${response.headers.get('x-cache')} ${body.slice(0, 40)}`);
      }
    };
    await Promise.all([attacker, reader(0), reader(1), reader(2), reader(3)]);

    expect(reads).toBeGreaterThan(50);
    expect(readerFailures).toEqual([]);
    // No public 5xx for any of them either.
    expect(attackAnswers).toEqual([]);
  });

  it('answers through nginx without a failed request while a site instance stops', async () => {
    // A distinct query per request: each one misses the micro-cache and reaches an instance.
    const result = await hammer((i) => `${cluster.urls.site}/mn/news?bench=${i}`, {
      concurrency: 4,
      after: 100,
      stop: () => cluster.stopService('web-1'),
    });
    expectNoLoss(result);
    expect(cluster.services['web-1']).toBeUndefined();
  });

  it('answers CMS API reads through nginx without a failed request while a CMS instance stops', async () => {
    const result = await hammer(
      (i) => `${cluster.urls.cms}/api/articles?locale=mn&pagination[pageSize]=1&pagination[page]=${(i % 5) + 1}`,
      {
        concurrency: 4,
        after: 100,
        headers: { Authorization: `Bearer ${cluster.siteReadToken}` },
        stop: () => cluster.stopService('cms-1'),
      },
    );
    expectNoLoss(result);
    const ready = await fetch(`${cluster.urls.cms}/api/ready`);
    expect(ready.status).toBe(200);
  });
});
