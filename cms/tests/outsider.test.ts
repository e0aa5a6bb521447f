import http from 'node:http';
import { freePort } from '../../scripts/lib/processes.cjs';
import { singleInstanceFront, startFront } from '../../scripts/lib/nginx.cjs';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';

// What an outsider can make the CMS do, through the production front (deploy/nginx/) and
// around it: whose failed logins count against whom, when cookies are Secure, and how much
// work one public read may cause.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Json;
}

/**
 * A request from `from` (a loopback address: Linux routes all of 127.0.0.0/8 to lo, so each is
 * a distinct client) with `headers`, e.g. a forged X-Forwarded-For.
 */
function send(
  url: string,
  {
    from,
    method = 'GET',
    headers = {},
    body,
  }: { from: string; method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      url,
      {
        method,
        localAddress: from,
        headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Json = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
        });
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url}`)));
    request.on('error', reject);
    request.end(payload);
  });
}

const MAX_FAILURES = 5;

describe('the CMS behind its front, as an outsider sees it', () => {
  let cms: CmsInstance;
  let front: Awaited<ReturnType<typeof startFront>>;
  let viaFront: string;

  beforeAll(async () => {
    // PostgreSQL: reads run concurrently there (SQLite's driver is synchronous).
    cms = await startSeededCms('postgres', {
      env: {
        // The front connects from 127.0.0.1; clients below use other loopback addresses.
        TRUSTED_PROXIES: '127.0.0.1',
        ADMIN_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
        // Strapi marks its admin cookie Secure only in production (over https).
        NODE_ENV: 'production',
        API_MAX_RELATED_ROWS: '10',
        API_MAX_CONCURRENT_READS: '2',
      },
    });
    const [port, cmsPort, sitePort] = [await freePort(), await freePort(), await freePort()];
    viaFront = `http://127.0.0.1:${cmsPort}`;
    front = await startFront(
      singleInstanceFront({
        port,
        cmsPort,
        sitePort,
        cmsInstancePort: Number(new URL(cms.baseUrl).port),
        refreshToken: 'x'.repeat(32),
      }),
      { healthUrl: `${viaFront}/_health` },
    );
  }, 300_000);

  afterAll(async () => {
    await front?.stop();
    await cms?.stop();
  }, 60_000);

  const login = (base: string, from: string, password: string, headers: Record<string, string> = {}) =>
    send(`${base}/admin/login`, { from, method: 'POST', headers, body: { email: cms.admin.email, password } });

  describe('client addresses', () => {
    test("an attacker's failed logins through the front lock out the attacker, not the admin", async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= MAX_FAILURES; i += 1) {
        // A forged X-Forwarded-For per attempt does not make the attacker someone else.
        const forged = { 'X-Forwarded-For': `10.0.0.${i}` };
        statuses.push((await login(viaFront, '127.0.0.2', `wrong-${i}`, forged)).status);
      }
      expect(statuses.slice(0, MAX_FAILURES)).toEqual(Array(MAX_FAILURES).fill(400));
      expect(statuses[MAX_FAILURES]).toBe(429);

      const admin = await login(viaFront, '127.0.0.3', cms.admin.password);
      expect(admin.status).toBe(200);
      expect(admin.body.data.token).toEqual(expect.any(String));
    });

    test('a client connecting directly cannot claim another address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= MAX_FAILURES; i += 1) {
        const forged = { 'X-Forwarded-For': `10.1.0.${i}`, Forwarded: `for=10.1.0.${i}` };
        statuses.push((await login(cms.baseUrl, '127.0.0.4', `wrong-${i}`, forged)).status);
      }
      expect(statuses[MAX_FAILURES]).toBe(429);
    });

    test('behind TLS termination (X-Forwarded-Proto from the trusted front) the admin cookie is Secure', async () => {
      const proxied = await login(cms.baseUrl, '127.0.0.1', cms.admin.password, { 'X-Forwarded-Proto': 'https' });
      expect(proxied.status).toBe(200);
      const cookies = proxied.headers['set-cookie'] ?? [];
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*secure/i);

      // Anyone else's claim of https is ignored: the connection is plain http.
      const forged = await login(cms.baseUrl, '127.0.0.5', cms.admin.password, { 'X-Forwarded-Proto': 'https' });
      expect(forged.status).toBe(200);
      for (const cookie of forged.headers['set-cookie'] ?? []) expect(cookie).not.toMatch(/;\s*secure/i);
    });
  });

  describe('the work of a public read is bounded', () => {
    // The fan-out the content model allows: category → articles → category → articles…
    test.each([
      'populate[articles][populate][category][populate][articles]=true',
      `populate${'[articles][populate][category][populate]'.repeat(4)}[articles]=true`,
      'populate=articles.category.articles',
      'populate[articles][populate][category][populate]=*',
    ])('%s is a 400 that says why', async (query) => {
      const answer = await send(`${viaFront}/api/categories?locale=mn&${query}`, { from: '127.0.0.6' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/at most 2 levels deep/);
    });

    test('a response carrying more related entries than API_MAX_RELATED_ROWS is a 400 that says why', async () => {
      const answer = await send(`${viaFront}/api/categories?locale=mn&populate[articles][populate][category]=true`, {
        from: '127.0.0.6',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/more than 10 related entries/);
      // Within the bound, the same shape answers.
      const small = await send(
        `${viaFront}/api/categories?locale=mn&pagination[pageSize]=1&populate[localizations]=true`,
        { from: '127.0.0.6' },
      );
      expect(small.status).toBe(200);
    });

    test('one client may run only API_MAX_CONCURRENT_READS populated reads at once (429 beyond); the site is not limited', async () => {
      const read = (from: string, headers: Record<string, string> = {}) =>
        send(
          `${viaFront}/api/articles?locale=mn&pagination[pageSize]=2&populate[category]=true&populate[certificates]=true`,
          {
            from,
            headers,
          },
        );
      const burst = await Promise.all(Array.from({ length: 16 }, () => read('127.0.0.7')));
      const statuses = burst.map((answer) => answer.status);
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
      const limited = burst.find((answer) => answer.status === 429)!;
      expect(limited.body.error.message).toMatch(/At most 2 reads with populate may run at once/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      // Another client at the same time is not affected, nor is the site (its API token).
      const [other, ...site] = await Promise.all([
        read('127.0.0.8'),
        ...Array.from({ length: 8 }, () => read('127.0.0.7', { Authorization: `Bearer ${cms.siteReadToken}` })),
      ]);
      expect(other!.status).toBe(200);
      expect(site.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    });
  });
});
