import { request } from './helpers/api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { until } from './helpers/poll';

/**
 * GET /api/ready runs `select 1` through Strapi's pool: PostgreSQL stopped → 503 (while
 * /_health, which only proves the process is up, stays 204), and content reads answer 503 with
 * Retry-After (src/middlewares/database-unavailable.ts); PostgreSQL back → 200 again,
 * without restarting the CMS. (On SQLite the database is a file inside the process, so there is
 * no outage to simulate; hardening.test.ts checks the 200 there.)
 */
describe('readiness on PostgreSQL', () => {
  let cms: CmsInstance;

  beforeAll(async () => {
    cms = await startSeededCms('postgres');
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
  }, 60_000);

  test('ready while the database answers', async () => {
    const { status, body } = await request(cms, '/api/ready');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ready' });
  });

  test('database stopped: /api/ready is 503 quickly, the process stays up, content reads answer 503 without hanging', async () => {
    await cms.postgres!.stop();
    const ready = await request(cms, '/api/ready', { signal: AbortSignal.timeout(10_000) });
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', reason: 'database' });
    expect((await request(cms, '/_health')).status).toBe(204);
    // "Try again shortly", not a 500: the site and load balancers can tell an outage from a bug.
    for (const path of ['/api/articles?locale=mn', '/api/articles?locale=zh&filters[slug][$eq]=x']) {
      const read = await request(cms, path, {
        headers: { Authorization: `Bearer ${cms.siteReadToken}` },
        signal: AbortSignal.timeout(90_000),
      });
      expect({ path, status: read.status, retryAfter: read.headers.get('retry-after') }).toEqual({
        path,
        status: 503,
        retryAfter: '5',
      });
      expect(read.body).toEqual({
        data: null,
        error: expect.objectContaining({ status: 503, name: 'ServiceUnavailableError' }),
      });
    }
  }, 180_000);

  test('database back: ready again and serving content, without a restart', async () => {
    await cms.postgres!.start();
    // A request may fail outright while the pool reconnects: that is "not yet", not a failure.
    const ready = () =>
      request(cms, '/api/ready').then(
        (reply) => reply.status === 200,
        () => false,
      );
    await until('/api/ready answers 200', ready, { timeoutMs: 60_000, intervalMs: 250 });
    const { status, body } = await request(cms, '/api/articles?locale=mn');
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
  }, 120_000);
});
