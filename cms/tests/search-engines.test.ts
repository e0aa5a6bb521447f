import { adminClient, type AdminClient } from './helpers/admin-api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { until } from './helpers/poll';
import { type StandIn, startStandIn } from './helpers/stand-in';

// Search engine pings on publish, against a local HTTP server standing in for IndexNow, Baidu's
// link push and the site's revalidation route (the internet is out of reach of the tests).

const ARTICLE = 'api::article.article';
const SITE = 'https://news.example.mn';
const KEY = 'medee-indexnow-key-0123456789';
const BAIDU_TOKEN = 'baidu-token-0123456789';

interface Received {
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
}

/** Records what each endpoint receives; `failNext` makes the next requests to a path answer 500. */
class Endpoints {
  readonly received: Received[] = [];
  readonly failNext = new Map<string, number>();
  private standIn?: StandIn;

  async listen(): Promise<string> {
    this.standIn = await startStandIn(({ url, headers, body }) => {
      this.received.push({
        path: url.pathname,
        query: url.searchParams,
        contentType: String(headers['content-type'] ?? ''),
        body,
      });
      const failures = this.failNext.get(url.pathname) ?? 0;
      this.failNext.set(url.pathname, Math.max(0, failures - 1));
      return failures > 0 ? 500 : 200;
    });
    return this.standIn.url;
  }

  async close(): Promise<void> {
    await this.standIn?.close();
  }

  /** What `path` received after index `from` whose body mentions `text`. */
  to(path: string, from: number, text: string): Received[] {
    return this.received.slice(from).filter((r) => r.path === path && r.body.includes(text));
  }
}

describe('search engines are told of published changes', () => {
  let cms: CmsInstance;
  let endpoints: Endpoints;
  let admin: AdminClient;
  const stamp = `${Date.now()}`;
  const articles = `/content-manager/collection-types/${ARTICLE}`;
  const publish = (documentId: string, locale: string, data: Record<string, unknown> = {}) =>
    admin('POST', `${articles}/${documentId}/actions/publish?locale=${locale}`, { ...data, locale });
  const indexNowUrls = (received: Received) => JSON.parse(received.body).urlList as string[];
  const waitFor = (path: string, from: number, text: string) =>
    until(`${path} to receive ${text}`, () => endpoints.to(path, from, text)[0], { timeoutMs: 30_000 });

  beforeAll(async () => {
    endpoints = new Endpoints();
    const base = await endpoints.listen();
    cms = await startSeededCms('sqlite', {
      site: { url: SITE, revalidateUrl: `${base}/api/revalidate` },
      env: {
        INDEXNOW_KEY: KEY,
        INDEXNOW_ENDPOINT: `${base}/indexnow`,
        BAIDU_PUSH_TOKEN: BAIDU_TOKEN,
        BAIDU_PUSH_ENDPOINT: `${base}/urls`,
      },
    });
    admin = await adminClient(cms);
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
    await endpoints?.close();
  }, 60_000);

  test('publishing in mn pings IndexNow with the mn URL, after the site was told, and not Baidu', async () => {
    const slug = `ping-mn-${stamp}`;
    const from = endpoints.received.length;
    const documentId = (await admin('POST', `${articles}?locale=mn`, { title: `Пинг ${stamp}`, slug })).data
      .documentId as string;
    await publish(documentId, 'mn');

    const ping = await waitFor('/indexnow', from, slug);
    expect(ping.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(ping.body)).toEqual({
      host: 'news.example.mn',
      key: KEY,
      keyLocation: `${SITE}/${KEY}.txt`,
      urlList: [`${SITE}/mn/news/${slug}`],
    });
    const order = endpoints.received.slice(from).map((r) => r.path);
    expect(order.indexOf('/api/revalidate')).toBeLessThan(order.indexOf('/indexnow'));
    expect(endpoints.to('/urls', from, slug)).toEqual([]);
  });

  test('the zh variant: its publish, slug change and unpublish reach IndexNow and Baidu with the right URLs', async () => {
    const mnSlug = `ping-both-${stamp}`;
    const zhSlug = `ping-zh-${stamp}`;
    const documentId = (await admin('POST', `${articles}?locale=mn`, { title: `Хоёр хэл ${stamp}`, slug: mnSlug })).data
      .documentId as string;
    await publish(documentId, 'mn');
    await admin('PUT', `${articles}/${documentId}?locale=zh`, { title: `双语 ${stamp}`, slug: zhSlug });

    let from = endpoints.received.length;
    await publish(documentId, 'zh');
    expect(indexNowUrls(await waitFor('/indexnow', from, zhSlug))).toEqual([`${SITE}/zh/news/${zhSlug}`]);
    const push = await waitFor('/urls', from, zhSlug);
    expect(push.contentType).toMatch(/^text\/plain/);
    expect(push.body).toBe(`${SITE}/zh/news/${zhSlug}`);
    expect(Object.fromEntries(push.query)).toEqual({ site: SITE, token: BAIDU_TOKEN });

    from = endpoints.received.length;
    await publish(documentId, 'zh', { slug: `${zhSlug}-renamed` });
    expect(indexNowUrls(await waitFor('/indexnow', from, `${zhSlug}-renamed`)).sort()).toEqual([
      `${SITE}/zh/news/${zhSlug}`,
      `${SITE}/zh/news/${zhSlug}-renamed`,
    ]);
    expect((await waitFor('/urls', from, `${zhSlug}-renamed`)).body.split('\n').sort()).toEqual([
      `${SITE}/zh/news/${zhSlug}`,
      `${SITE}/zh/news/${zhSlug}-renamed`,
    ]);

    from = endpoints.received.length;
    await admin('POST', `${articles}/${documentId}/actions/unpublish?locale=zh`, { locale: 'zh' });
    expect(indexNowUrls(await waitFor('/indexnow', from, zhSlug))).toEqual([`${SITE}/zh/news/${zhSlug}-renamed`]);
    expect((await waitFor('/urls', from, zhSlug)).body).toBe(`${SITE}/zh/news/${zhSlug}-renamed`);
  });

  test('an endpoint that fails (500, then 200) is retried, and the publish succeeds regardless', async () => {
    const slug = `ping-retry-${stamp}`;
    const documentId = (await admin('POST', `${articles}?locale=zh`, { title: `重试 ${stamp}`, slug })).data
      .documentId as string;
    const from = endpoints.received.length;
    endpoints.failNext.set('/indexnow', 1);
    endpoints.failNext.set('/urls', 1);

    const published = await publish(documentId, 'zh');
    expect(published.data.publishedAt).toBeTruthy();

    await until('a second IndexNow attempt', () => endpoints.to('/indexnow', from, slug).length === 2, {
      timeoutMs: 30_000,
    });
    await until('a second Baidu attempt', () => endpoints.to('/urls', from, slug).length === 2, { timeoutMs: 30_000 });
    // The retry sends the same list again.
    for (const path of ['/indexnow', '/urls']) {
      const [failed, retried] = endpoints.to(path, from, slug);
      expect(retried!.body).toBe(failed!.body);
    }
  });
});
