import { createHmac } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { cmsDir } from '../../scripts/lib/cms.cjs';
import { freePort, run } from '../../scripts/lib/processes.cjs';
import { adminClient, loginAdmin, type AdminClient } from '../../cms/tests/helpers/admin-api';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { until } from '../../cms/tests/helpers/poll';
import { signPreviewSession } from '../../web/lib/preview/token';
import { launchBrowser } from './reader-data';
import { startSite, type SiteInstance } from './site';

// Publishing against the real CMS and the built site (next start): change notices, exact
// revalidation, replays, slug changes, shared fields, the CMS going down, and draft preview.
// The CMS posts its notices to a relay in this test that forwards them to the site, so a test can
// hold one back (the site then still has the old content) or replay it.

const ARTICLE = 'api::article.article';
const INDEXNOW_KEY = 'medee-indexnow-0123456789';

interface HeldNotice {
  body: string;
  signature: string;
}

class NoticeRelay {
  forwarding = true;
  readonly held: HeldNotice[] = [];
  readonly forwarded: HeldNotice[] = [];
  target = '';
  private server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', async () => {
      const notice = { body, signature: String(request.headers['x-medee-signature'] ?? '') };
      if (!this.forwarding) {
        this.held.push(notice);
        response.writeHead(200).end('{}');
        return;
      }
      const answer = await this.deliver(notice).catch(() => null);
      if (answer?.status === 200) this.forwarded.push(notice);
      response.writeHead(answer?.status ?? 502, { 'Content-Type': 'application/json' }).end(answer?.text ?? '{}');
    });
  });

  /** Sends a notice (or anything) to the site's revalidation route as the CMS would. */
  async deliver(notice: HeldNotice): Promise<{ status: number; text: string }> {
    const response = await fetch(this.target, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(notice.signature ? { 'X-Medee-Signature': notice.signature } : {}),
      },
      body: notice.body,
    });
    return { status: response.status, text: await response.text() };
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/revalidate`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('publishing reaches the built site', () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let relay: NoticeRelay;
  let admin: AdminClient;
  const stamp = `${Date.now()}`;

  const articles = `/content-manager/collection-types/${ARTICLE}`;
  const createArticle = async (locale: string, data: Record<string, unknown>) =>
    (await admin('POST', `${articles}?locale=${locale}`, data)).data.documentId as string;
  const publish = (documentId: string, locale: string, data: Record<string, unknown> = {}) =>
    admin('POST', `${articles}/${documentId}/actions/publish?locale=${locale}`, { ...data, locale });
  const unpublish = (documentId: string, locale: string) =>
    admin('POST', `${articles}/${documentId}/actions/unpublish?locale=${locale}`, { locale });

  const get = async (sitePath: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${site.baseUrl}${sitePath}`, { redirect: 'manual', headers });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const pageShows = (sitePath: string, text: string) => async () => {
    const page = await get(sitePath);
    return page.status === 200 && page.text.includes(text) && page;
  };
  const pageIs404 = (sitePath: string) => async () => (await get(sitePath)).status === 404;

  beforeAll(async () => {
    relay = new NoticeRelay();
    const relayUrl = await relay.listen();
    const sitePort = await freePort();
    cms = await startSeededCms('sqlite', { site: { url: `http://127.0.0.1:${sitePort}`, revalidateUrl: relayUrl } });
    site = await startSite(cms, { port: sitePort, env: { INDEXNOW_KEY } });
    relay.target = `${site.baseUrl}/api/revalidate`;
    admin = await adminClient(cms);
  }, 300_000);

  afterAll(async () => {
    await site?.stop();
    await cms?.stop();
    await relay?.close();
  }, 60_000);

  test('a publish reaches the article page and the news list; an unpublish makes the page 404 and leaves the list', async () => {
    const title = `Нийтлэх туршилт ${stamp}`;
    const slug = `publish-${stamp}`;
    // Read both first, so the site has them cached: the publish must refresh them, not a cold miss.
    expect((await get(`/mn/news/${slug}`)).status).toBe(404);
    expect((await get('/mn/news')).text).not.toContain(title);

    const documentId = await createArticle('mn', { title, slug });
    await publish(documentId, 'mn');
    await until('the page', pageShows(`/mn/news/${slug}`, title));
    await until('the list', pageShows('/mn/news', title));

    await unpublish(documentId, 'mn');
    await until('the page to 404', pageIs404(`/mn/news/${slug}`));
    await until('the list without it', async () => {
      const list = await get('/mn/news');
      return list.status === 200 && !list.text.includes(title);
    });
  });

  describe('the revalidation route', () => {
    const slug = `held-${stamp}`;
    let documentId: string;

    beforeAll(async () => {
      documentId = await createArticle('mn', { title: `Эхний хувилбар ${stamp}`, slug });
      await publish(documentId, 'mn');
      await until('the first version', pageShows(`/mn/news/${slug}`, `Эхний хувилбар ${stamp}`));
    });

    test("missing, wrong and expired signatures get 401 and revalidate nothing; the CMS's notice does", async () => {
      relay.forwarding = false;
      try {
        await publish(documentId, 'mn', { title: `Хоёр дахь хувилбар ${stamp}` });
        const notice = await until('the held notice', async () =>
          relay.held.find((held) => JSON.parse(held.body).documentId === documentId),
        );
        const nowSeconds = Math.floor(Date.now() / 1000);
        const mac = (secret: string, timestamp: number) =>
          createHmac('sha256', secret).update(`${timestamp}.${notice.body}`).digest('hex');
        const refused = [
          { body: notice.body, signature: '' },
          { body: notice.body, signature: `Bearer ${cms.siteSecrets.revalidateSecret}` },
          { body: notice.body, signature: `t=${nowSeconds},v1=${mac('not-the-shared-secret-at-all', nowSeconds)}` },
          {
            body: notice.body,
            signature: `t=${nowSeconds - 3600},v1=${mac(cms.siteSecrets.revalidateSecret, nowSeconds - 3600)}`,
          },
          { body: notice.body.replace('"entry.publish"', '"entry.delete"'), signature: notice.signature },
        ];
        for (const forged of refused) {
          const answer = await relay.deliver(forged);
          expect({ signature: forged.signature.slice(0, 12), status: answer.status }).toEqual({
            signature: forged.signature.slice(0, 12),
            status: 401,
          });
          expect(answer.text).not.toContain('revalidated');
        }
        // Nothing was marked stale: the cached page is still a plain hit with the old title.
        for (let i = 0; i < 2; i += 1) {
          const page = await get(`/mn/news/${slug}`);
          expect(page.headers.get('x-nextjs-cache')).toBe('HIT');
          expect(page.text).toContain(`Эхний хувилбар ${stamp}`);
        }

        const answer = await relay.deliver(notice);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text).revalidated).toEqual([
          `article:mn:${slug}`,
          'articles:mn',
          'sitemap:articles:mn',
        ]);
        await until('the second version', pageShows(`/mn/news/${slug}`, `Хоёр дахь хувилбар ${stamp}`));
      } finally {
        relay.forwarding = true;
      }
    });

    test("a replayed notice changes nothing: the page keeps the CMS's current content", async () => {
      const notice = relay.held.find((held) => JSON.parse(held.body).documentId === documentId)!;
      for (let i = 0; i < 3; i += 1) expect((await relay.deliver(notice)).status).toBe(200);
      // The replay marked the page stale: the next request may still serve it while it is rendered
      // again from the CMS; once that render is in, the content is the CMS's, unchanged.
      await until('a fresh render after the replay', async () => {
        const page = await get(`/mn/news/${slug}`);
        expect(page.status).toBe(200);
        expect(page.text).toContain(`Хоёр дахь хувилбар ${stamp}`);
        return page.headers.get('x-nextjs-cache') === 'HIT' && page;
      });
      await until('the list with the current title', pageShows('/mn/news', `Хоёр дахь хувилбар ${stamp}`));
    });
  });

  test('a slug change: the old URL answers 308 to the new one, which serves; unpublished, both answer 404', async () => {
    const slug = `before-rename-${stamp}`;
    const renamed = `after-rename-${stamp}`;
    const documentId = await createArticle('mn', { title: `Нэр солих ${stamp}`, slug });
    await publish(documentId, 'mn');
    await until('the page at the old slug', pageShows(`/mn/news/${slug}`, `Нэр солих ${stamp}`));

    await publish(documentId, 'mn', { slug: renamed });
    await until('the new slug', pageShows(`/mn/news/${renamed}`, `Нэр солих ${stamp}`));
    const moved = await until('the old slug to redirect', async () => {
      const page = await get(`/mn/news/${slug}`);
      return page.status === 308 && page;
    });
    expect(moved.headers.get('location')).toBe(`/mn/news/${renamed}`);

    await unpublish(documentId, 'mn');
    await until('the old slug to 404', pageIs404(`/mn/news/${slug}`));
    await until('the new slug to 404', pageIs404(`/mn/news/${renamed}`));
  });

  test('the zh translation reaches its page and the mn page links to it; a shared field published in mn reaches the zh page', async () => {
    const mnSlug = `translated-${stamp}`;
    const zhSlug = `translated-zh-${stamp}`;
    const documentId = await createArticle('mn', { title: `Орчуулга ${stamp}`, slug: mnSlug, postedAt: '2024-05-06' });
    await publish(documentId, 'mn');
    await until('the mn page', pageShows(`/mn/news/${mnSlug}`, `Орчуулга ${stamp}`));
    expect((await get(`/mn/news/${mnSlug}`)).text).not.toContain(`/zh/news/${zhSlug}`);

    await admin('PUT', `${articles}/${documentId}?locale=zh`, { title: `翻译 ${stamp}`, slug: zhSlug });
    await publish(documentId, 'zh');
    await until('the zh page', pageShows(`/zh/news/${zhSlug}`, `翻译 ${stamp}`));
    await until("the mn page's link to the translation", pageShows(`/mn/news/${mnSlug}`, `/zh/news/${zhSlug}`));
    expect((await get(`/zh/news/${zhSlug}`)).text).toContain('dateTime="2024-05-06"');

    await publish(documentId, 'mn', { postedAt: '2023-07-08' });
    await until('the new date on the zh page', pageShows(`/zh/news/${zhSlug}`, 'dateTime="2023-07-08"'));
    await until('the new date on the mn page', pageShows(`/mn/news/${mnSlug}`, 'dateTime="2023-07-08"'));
  });

  test('filing numbers set in the admin show in the zh footer, linked to their registries, and not in mn; nonsense is a 400', async () => {
    const globalPath = '/content-manager/single-types/api::global.global';
    const icp = '鲁ICP备12345678号-1';
    const publicSecurity = '鲁公网安备 37021202000123号';
    const session = await loginAdmin(cms.baseUrl, cms.admin);
    const refused = await session.request('PUT', `${globalPath}?locale=zh`, { icpFiling: 'ICP 12345' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('icpFiling');

    await admin('PUT', `${globalPath}?locale=zh`, { icpFiling: icp, publicSecurityFiling: publicSecurity });
    await admin('POST', `${globalPath}/actions/publish?locale=zh`, { locale: 'zh' });
    await until('the filing numbers on /zh', pageShows('/zh', icp), { timeoutMs: 30_000 });

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${site.baseUrl}/zh`);
      const filings = page.getByRole('list', { name: '备案信息' });
      expect(await filings.getByRole('link', { name: icp }).getAttribute('href')).toBe('https://beian.miit.gov.cn/');
      expect(await filings.getByRole('link', { name: publicSecurity }).getAttribute('href')).toBe(
        'https://beian.mps.gov.cn/#/query/webSearch?code=37021202000123',
      );
      await page.goto(`${site.baseUrl}/mn`);
      await page.locator('footer').waitFor();
      expect(await page.locator('footer').textContent()).not.toMatch(/ICP备|公网安备/);
    } finally {
      await browser.close();
    }
  });

  test('the site serves the IndexNow key at /<key>.txt, as plain text, and no other .txt', async () => {
    const keyFile = await get(`/${INDEXNOW_KEY}.txt`);
    expect(keyFile.status).toBe(200);
    expect(keyFile.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(keyFile.text).toBe(INDEXNOW_KEY);
    expect((await get('/another-key-0123.txt')).status).toBe(404);
  });

  describe('preview', () => {
    const draftSlug = `draft-only-${stamp}`;
    const otherDraftSlug = `other-draft-${stamp}`;
    let draftId: string;
    let otherDraftId: string;

    const previewLink = async (documentId: string, locale: string, status = 'draft') =>
      (
        await admin(
          'GET',
          `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&locale=${locale}&status=${status}`,
        )
      ).data.url as string;
    const sitePathOf = (link: string) => {
      const url = new URL(link);
      return `${url.pathname}${url.search}`;
    };
    /**
     * Opens a preview link (absolute, from the admin) or a site path. `cookie` is what a browser
     * then sends (the cookies set with a value), `cleared` the names of the cookies it removes.
     */
    const enter = async (link: string) => {
      const answer = await get(link.startsWith('/') ? link : sitePathOf(link));
      const pairs = answer.headers.getSetCookie().map((line) => line.split(';')[0]!);
      const kept = pairs.filter((pair) => !pair.endsWith('='));
      return {
        ...answer,
        cookie: kept.length > 0 ? kept.join('; ') : undefined,
        cleared: pairs.filter((pair) => pair.endsWith('=')).map((pair) => pair.slice(0, -1)),
      };
    };
    /** One cookie (`name=value`) of a Cookie header. */
    const cookieNamed = (cookie: string | undefined, name: string) =>
      cookie?.split('; ').find((pair) => pair.startsWith(`${name}=`));
    const SESSION = 'medee_preview';
    const DRAFT_MODE = '__prerender_bypass';
    const BANNER = 'Урьдчилан харах горим';
    /**
     * The page as a browser with `cookie` gets it: whether it is the 404 page, shows the draft title
     * and the banner. (Draft mode renders per request, and Next then sends the status line before
     * a page finds it has nothing to show: the 404 page comes with 200 there; components/NotFound.tsx.)
     */
    const seen = async (sitePath: string, cookie: string, title: string) => {
      const page = await get(sitePath, { Cookie: cookie });
      return {
        notFound: page.text.includes('data-status="404"'),
        draft: page.text.includes(title),
        banner: page.text.includes(BANNER),
      };
    };
    const notFoundPage = { notFound: true, draft: false, banner: false };

    beforeAll(async () => {
      draftId = await createArticle('mn', { title: `Ноорог ${stamp}`, slug: draftSlug });
      otherDraftId = await createArticle('mn', { title: `Өөр ноорог ${stamp}`, slug: otherDraftSlug });
    });

    test('a draft is 404 on the site; a link without a valid signature gets 401 and no draft mode', async () => {
      expect((await get(`/mn/news/${draftSlug}`)).status).toBe(404);
      const link = new URL(await previewLink(draftId, 'mn'));
      const tampered = new URL(link);
      tampered.searchParams.set('documentId', 'someone-elses-document');
      const unsigned = new URL(link);
      unsigned.searchParams.delete('signature');
      const expired = new URL(link);
      expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 10));
      for (const refused of [
        '/api/preview',
        `/api/preview?secret=${encodeURIComponent(cms.siteSecrets.previewSecret)}`,
        sitePathOf(`${tampered}`),
        sitePathOf(`${unsigned}`),
        sitePathOf(`${expired}`),
      ]) {
        const answer = await enter(refused);
        expect({ refused, status: answer.status, cookie: answer.cookie }).toEqual({
          refused,
          status: 401,
          cookie: undefined,
        });
      }
    });

    test("the admin's link opens the draft, uncached, with a banner; lists stay published; the same URL without it stays 404; exit ends it", async () => {
      const entered = await enter(await previewLink(draftId, 'mn'));
      expect(entered.status).toBe(307);
      // The document's page, with the preview's signed scope for a frame that sends no cookie
      // (admin-preview.test.ts); this test follows the cookie session of a tab.
      expect(entered.headers.get('location')).toMatch(
        new RegExp(`^/mn/news/${draftSlug}\\?preview=[\\w-]+\\.[\\w-]+$`),
      );
      expect(entered.headers.get('referrer-policy')).toBe('no-referrer');
      expect(cookieNamed(entered.cookie, DRAFT_MODE)).toBeDefined();
      // The site runs on plain http here: Lax (the admin framing it is same-site), not Secure.
      const session = entered.headers.getSetCookie().find((line) => line.startsWith(`${SESSION}=`));
      expect(session).toMatch(/; Max-Age=1800(;|$)/);
      expect(session).toMatch(/; Path=\/(;|$)/);
      expect(session).toMatch(/; HttpOnly(;|$)/);
      expect(session).toMatch(/; SameSite=lax(;|$)/i);
      expect(session).not.toMatch(/; Secure/i);

      const draftPage = await get(`/mn/news/${draftSlug}`, { Cookie: entered.cookie! });
      expect(draftPage.status).toBe(200);
      expect(draftPage.text).toContain(`Ноорог ${stamp}`);
      expect(draftPage.text).toContain(BANNER);
      expect(draftPage.headers.get('cache-control')).toMatch(/no-store/);
      // The link opens its document, not the other drafts the lists would show.
      expect((await get('/mn/news', { Cookie: entered.cookie! })).text).not.toContain(`Ноорог ${stamp}`);

      expect((await get(`/mn/news/${draftSlug}`)).status).toBe(404);
      const list = await get('/mn/news');
      expect(list.text).not.toContain(`Ноорог ${stamp}`);
      expect(list.text).not.toContain(BANNER);

      const exit = await enter(`/api/preview/exit?to=${encodeURIComponent(`/mn/news/${draftSlug}`)}`);
      expect(exit.status).toBe(307);
      expect(exit.headers.get('location')).toBe(`/mn/news/${draftSlug}`);
      expect(exit.cleared.sort()).toEqual([DRAFT_MODE, SESSION]);
      expect(exit.cookie).toBeUndefined();
      expect((await get(`/api/preview/exit?to=${encodeURIComponent('//evil.example/')}`)).headers.get('location')).toBe(
        '/',
      );
    });

    test("a link opens only its document: another draft shows the 404 page, another article's newer draft shows published; another draft needs its own link", async () => {
      const slug = `published-beside-preview-${stamp}`;
      const publishedId = await createArticle('mn', { title: `Нийтлэгдсэн ${stamp}`, slug, postedAt: '2024-02-03' });
      await publish(publishedId, 'mn');
      await until('the published page', pageShows(`/mn/news/${slug}`, `Нийтлэгдсэн ${stamp}`));
      await admin('PUT', `${articles}/${publishedId}?locale=mn`, { title: `Нийтлээгүй засвар ${stamp}` });

      const forDraft = (await enter(await previewLink(draftId, 'mn'))).cookie!;
      expect(await seen(`/mn/news/${draftSlug}`, forDraft, `Ноорог ${stamp}`)).toEqual({
        notFound: false,
        draft: true,
        banner: true,
      });
      expect(await seen(`/mn/news/${otherDraftSlug}`, forDraft, `Өөр ноорог ${stamp}`)).toMatchObject({
        notFound: true,
        draft: false,
      });
      const beside = await get(`/mn/news/${slug}`, { Cookie: forDraft });
      expect(beside.status).toBe(200);
      expect(beside.text).toContain(`Нийтлэгдсэн ${stamp}`);
      expect(beside.text).not.toContain(`Нийтлээгүй засвар ${stamp}`);

      const forOther = (await enter(await previewLink(otherDraftId, 'mn'))).cookie!;
      expect(await seen(`/mn/news/${otherDraftSlug}`, forOther, `Өөр ноорог ${stamp}`)).toMatchObject({
        notFound: false,
        draft: true,
      });
      expect(await seen(`/mn/news/${draftSlug}`, forOther, `Ноорог ${stamp}`)).toMatchObject({
        notFound: true,
        draft: false,
      });
    });

    test("draft mode's own cookie opens no draft: not alone, not with an expired scope, not with a tampered one", async () => {
      const entered = await enter(await previewLink(draftId, 'mn'));
      const draftMode = cookieNamed(entered.cookie, DRAFT_MODE)!;
      // Draft mode's cookie is the same for every link until the next build.
      expect(await seen(`/mn/news/${draftSlug}`, draftMode, `Ноорог ${stamp}`)).toEqual(notFoundPage);

      const token = cookieNamed(entered.cookie, SESSION)!.slice(SESSION.length + 1);
      const [payload, mac] = token.split('.') as [string, string];
      const scope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const reSigned = (changes: object) =>
        `${Buffer.from(JSON.stringify({ ...scope, ...changes })).toString('base64url')}.${mac}`;
      const expired = signPreviewSession(cms.siteSecrets.previewSecret, {
        ...scope,
        expires: Math.floor(Date.now() / 1000) - 1,
      });

      const draftTitle = `Ноорог ${stamp}`;
      for (const [name, cookie, sitePath, title] of [
        ['an expired scope', `${draftMode}; ${SESSION}=${expired}`, `/mn/news/${draftSlug}`, draftTitle],
        [
          'a scope moved to another draft',
          `${draftMode}; ${SESSION}=${reSigned({ documentId: otherDraftId })}`,
          `/mn/news/${otherDraftSlug}`,
          `Өөр ноорог ${stamp}`,
        ],
        [
          'a scope with a longer life',
          `${draftMode}; ${SESSION}=${reSigned({ expires: scope.expires + 3600 })}`,
          `/mn/news/${draftSlug}`,
          draftTitle,
        ],
        [
          'a scope with a broken signature',
          `${draftMode}; ${SESSION}=${payload}.${mac.slice(1)}A`,
          `/mn/news/${draftSlug}`,
          draftTitle,
        ],
      ] as const) {
        expect({ name, ...(await seen(sitePath, cookie, title)) }).toEqual({ name, ...notFoundPage });
      }
      // The genuine pair still works, so the refusals above are about the scope.
      expect((await seen(`/mn/news/${draftSlug}`, entered.cookie!, `Ноорог ${stamp}`)).draft).toBe(true);
    });

    test("a published article's newer draft shows only in preview, in the editor's locale", async () => {
      const slug = `published-with-draft-${stamp}`;
      const documentId = await createArticle('zh', { title: `已发布 ${stamp}`, slug, postedAt: '2024-01-02' });
      await publish(documentId, 'zh');
      await until('the published page', pageShows(`/zh/news/${slug}`, `已发布 ${stamp}`));
      await admin('PUT', `${articles}/${documentId}?locale=zh`, { title: `草稿修改 ${stamp}` });

      const entered = await enter(await previewLink(documentId, 'zh'));
      expect(entered.headers.get('location')).toMatch(new RegExp(`^/zh/news/${slug}\\?preview=`));
      const preview = await get(`/zh/news/${slug}`, { Cookie: entered.cookie! });
      expect(preview.text).toContain(`草稿修改 ${stamp}`);
      expect(preview.text).toContain('预览模式');
      const published = await get(`/zh/news/${slug}`);
      expect(published.text).toContain(`已发布 ${stamp}`);
      expect(published.text).not.toContain(`草稿修改 ${stamp}`);

      // "Published" in the admin's preview ends the session.
      const left = await enter(await previewLink(documentId, 'zh', 'published'));
      expect(left.status).toBe(307);
      expect(left.cleared.sort()).toEqual([DRAFT_MODE, SESSION]);
    });
  });

  test('with the CMS stopped, rendered pages answer 200 with their content; a publish made meanwhile shows once it is back', async () => {
    const slug = `outage-${stamp}`;
    const documentId = await createArticle('mn', { title: `Тасалдлаас өмнө ${stamp}`, slug });
    await publish(documentId, 'mn');
    await until('the page', pageShows(`/mn/news/${slug}`, `Тасалдлаас өмнө ${stamp}`));
    await until('the list', pageShows('/mn/news', `Тасалдлаас өмнө ${stamp}`));
    expect((await get('/mn')).status).toBe(200);

    await cms.stopServer();
    try {
      for (const sitePath of [`/mn/news/${slug}`, '/mn/news', '/mn']) {
        const page = await get(sitePath);
        expect({ sitePath, status: page.status }).toEqual({ sitePath, status: 200 });
      }
      expect((await get(`/mn/news/${slug}`)).text).toContain(`Тасалдлаас өмнө ${stamp}`);

      // A publish made while the server is down (a script, or another CMS instance on the same
      // database): its notice reaches the site, which cannot read the CMS yet.
      const forwardedBefore = relay.forwarded.length;
      await run(
        process.execPath,
        [
          path.join(cmsDir, 'tests', 'helpers', 'publish-offline.mjs'),
          ARTICLE,
          documentId,
          'mn',
          JSON.stringify({ title: `Тасалдлын үеэр ${stamp}` }),
        ],
        {
          cwd: cmsDir,
          env: cms.env,
          quiet: true,
        },
      );
      expect(
        relay.forwarded.slice(forwardedBefore).some((notice) => JSON.parse(notice.body).documentId === documentId),
      ).toBe(true);
      for (let i = 0; i < 3; i += 1) {
        for (const sitePath of [`/mn/news/${slug}`, '/mn/news']) {
          const page = await get(sitePath);
          expect({ sitePath, status: page.status }).toEqual({ sitePath, status: 200 });
          expect(page.text).toContain(`Тасалдлаас өмнө ${stamp}`);
        }
      }
    } finally {
      await cms.startServer();
    }
    // Next retries a failed background render after at most 30 s.
    await until('the list after the restart', pageShows('/mn/news', `Тасалдлын үеэр ${stamp}`), { timeoutMs: 60_000 });
    await until('the page after the restart', pageShows(`/mn/news/${slug}`, `Тасалдлын үеэр ${stamp}`), {
      timeoutMs: 60_000,
    });
  }, 180_000);
});
