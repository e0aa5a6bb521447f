import { createHmac } from 'node:crypto';
import { adminClient, type AdminClient } from './helpers/admin-api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { isPublished, seedArticles } from './helpers/seed-data';
import { NoticeRecorder } from './helpers/notice-recorder';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const ARTICLE = 'api::article.article';
const GLOBAL = 'api::global.global';

function todayInUlaanbaatar(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ulaanbaatar',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

describe('the CMS announces published changes to the site, exactly', () => {
  let cms: CmsInstance;
  let recorder: NoticeRecorder;
  let admin: AdminClient;
  let siteUrl: string;

  const articles = `/content-manager/collection-types/${ARTICLE}`;
  const publish = (documentId: string, locale: string, data: Record<string, unknown> = {}) =>
    admin('POST', `${articles}/${documentId}/actions/publish?locale=${locale}`, { ...data, locale });
  const noticesFor = (documentId: string) => recorder.notices.filter((notice) => notice.body.documentId === documentId);

  beforeAll(async () => {
    recorder = new NoticeRecorder();
    siteUrl = await recorder.listen();
    cms = await startSeededCms('sqlite', { site: { url: siteUrl, revalidateUrl: `${siteUrl}/api/revalidate` } });
    admin = await adminClient(cms);
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
    await recorder?.close();
  }, 60_000);

  describe('an article through its life', () => {
    let documentId: string;
    const slug = `site-changes-${Date.now()}`;

    test('a new draft gets today as its post date and announces nothing; publishing it announces its mn slug, signed', async () => {
      const from = recorder.notices.length;
      const draft = await admin('POST', `${articles}?locale=mn`, { title: 'Шинэ мэдээ', slug });
      documentId = draft.data.documentId;
      expect(draft.data.postedAt).toBe(todayInUlaanbaatar());

      await publish(documentId, 'mn');
      const [notice, ...others] = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(others).toEqual([]);
      expect(notice!.body).toMatchObject({
        event: 'entry.publish',
        uid: ARTICLE,
        model: 'article',
        documentId,
        variants: [{ locale: 'mn', before: null, after: { slug }, changed: true }],
      });
      const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(notice!.signature) ?? [];
      expect(mac).toBe(
        createHmac('sha256', cms.siteSecrets.revalidateSecret).update(`${timestamp}.${notice!.rawBody}`).digest('hex'),
      );
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    });

    test('a post date the editor picked is kept', async () => {
      const draft = await admin('POST', `${articles}?locale=mn`, {
        title: 'Хуучин мэдээ',
        slug: `${slug}-dated`,
        postedAt: '2021-03-04',
      });
      expect(draft.data.postedAt).toBe('2021-03-04');
    });

    test('a slug change announces the old and the new slug', async () => {
      const from = recorder.notices.length;
      await publish(documentId, 'mn', { slug: `${slug}-renamed` });
      const notices = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(notices.map((n) => n.body)).toEqual([
        expect.objectContaining({
          event: 'entry.publish',
          variants: [{ locale: 'mn', before: { slug }, after: { slug: `${slug}-renamed` }, changed: true }],
        }),
      ]);
    });

    test('publishing the zh translation announces zh and lists the unchanged mn variant', async () => {
      const from = recorder.notices.length;
      await admin('PUT', `${articles}/${documentId}?locale=zh`, { title: '新的新闻', slug: `${slug}-zh` });
      await publish(documentId, 'zh');
      const notices = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(notices.map((n) => n.body.variants)).toEqual([
        [
          { locale: 'mn', before: { slug: `${slug}-renamed` }, after: { slug: `${slug}-renamed` }, changed: false },
          { locale: 'zh', before: null, after: { slug: `${slug}-zh` }, changed: true },
        ],
      ]);
    });

    test('a shared (non-localized) field published in mn changes both locales', async () => {
      const from = recorder.notices.length;
      await publish(documentId, 'mn', { postedAt: '2020-02-02' });
      const [notice] = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(notice!.body.variants).toEqual([
        { locale: 'mn', before: { slug: `${slug}-renamed` }, after: { slug: `${slug}-renamed` }, changed: true },
        { locale: 'zh', before: { slug: `${slug}-zh` }, after: { slug: `${slug}-zh` }, changed: true },
      ]);
      const zh = await fetch(`${cms.baseUrl}/api/articles?locale=zh&filters[slug][$eq]=${slug}-zh`).then(
        (r) => r.json() as Promise<Json>,
      );
      expect(zh.data[0].postedAt).toBe('2020-02-02');
    });

    test('a localized field published in mn changes mn only', async () => {
      const from = recorder.notices.length;
      await publish(documentId, 'mn', { title: 'Шинэчилсэн гарчиг' });
      const [notice] = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(notice!.body.variants.map((v: Json) => [v.locale, v.changed])).toEqual([
        ['mn', true],
        ['zh', false],
      ]);
    });

    test('saving a draft announces nothing; unpublishing zh announces zh gone', async () => {
      const from = recorder.notices.length;
      await admin('PUT', `${articles}/${documentId}?locale=mn`, { title: 'A draft edit the site must not see yet' });
      await admin('POST', `${articles}/${documentId}/actions/unpublish?locale=zh`, { locale: 'zh' });
      const notices = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(notices.map((n) => [n.body.event, n.body.variants])).toEqual([
        [
          'entry.unpublish',
          [
            { locale: 'mn', before: { slug: `${slug}-renamed` }, after: { slug: `${slug}-renamed` }, changed: false },
            { locale: 'zh', before: { slug: `${slug}-zh` }, after: null, changed: true },
          ],
        ],
      ]);
    });

    test('deleting the document announces its published variant gone', async () => {
      const from = recorder.notices.length;
      await admin('DELETE', `${articles}/${documentId}?locale=*`);
      const notices = await recorder.waitFor(from, (body) => body.documentId === documentId);
      expect(notices.map((n) => [n.body.event, n.body.variants])).toEqual([
        ['entry.delete', [{ locale: 'mn', before: { slug: `${slug}-renamed` }, after: null, changed: true }]],
      ]);
    });

    test('every notice about the document was delivered once, with its own id', () => {
      const ids = noticesFor(documentId).map((notice) => notice.body.id);
      expect(ids).toHaveLength(7);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  test('the global single type announces its locale, without a slug', async () => {
    const from = recorder.notices.length;
    await admin('PUT', `/content-manager/single-types/${GLOBAL}?locale=zh`, { siteName: '新的网站名称' });
    await admin('POST', `/content-manager/single-types/${GLOBAL}/actions/publish?locale=zh`, { locale: 'zh' });
    const notices = await recorder.waitFor(from, (body) => body.uid === GLOBAL);
    expect(notices.map((n) => n.body.variants)).toEqual([
      [
        { locale: 'mn', before: { slug: null }, after: { slug: null }, changed: false },
        { locale: 'zh', before: { slug: null }, after: { slug: null }, changed: true },
      ],
    ]);
  });

  test('a notice the site did not take (503) is delivered again, with the same id', async () => {
    const seed = seedArticles.find((article) => isPublished(article.mn))!;
    const list = await admin('GET', `${articles}?locale=mn&filters[slug][$eq]=${seed.mn!.slug}`);
    const seedId = list.results[0].documentId;
    const from = recorder.notices.length;
    recorder.failNext = 1;
    await publish(seedId, 'mn', { summary: `Retried ${Date.now()}` });
    const notices = await recorder.waitFor(from, (body) => body.documentId === seedId);
    expect(notices).toHaveLength(1);
    expect(recorder.failNext).toBe(0);
    expect(notices[0]!.body.variants.find((v: Json) => v.locale === 'mn')).toMatchObject({
      changed: true,
      after: { slug: seed.mn!.slug },
    });
  });

  describe('preview', () => {
    test("the admin's preview link is signed for the document and carries no secret", async () => {
      const list = await admin('GET', `${articles}?locale=mn&pageSize=1`);
      const documentId = list.results[0].documentId;
      const { data } = await admin(
        'GET',
        `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&locale=mn&status=draft`,
      );
      const url = new URL(data.url);
      expect(`${url.origin}${url.pathname}`).toBe(`${siteUrl}/api/preview`);
      const fields = Object.fromEntries(url.searchParams);
      expect(fields).toMatchObject({ uid: ARTICLE, documentId, locale: 'mn', status: 'draft' });
      expect(Number(fields.expires) - Date.now() / 1000).toBeGreaterThan(3500);
      const message = ['medee-preview-v1', ARTICLE, documentId, 'mn', 'draft', fields.expires].join('\n');
      expect(fields.signature).toBe(
        createHmac('sha256', cms.siteSecrets.previewSecret).update(message).digest('base64url'),
      );
      expect(data.url).not.toContain(encodeURIComponent(cms.siteSecrets.previewSecret));
      expect(data.url).not.toContain(cms.siteSecrets.previewToken);
    });

    test('only the preview token reads drafts; it cannot write', async () => {
      const draft = seedArticles.find((article) => article.mn && !isPublished(article.mn))!;
      const query = `/api/articles?locale=mn&status=draft&filters[slug][$eq]=${draft.mn!.slug}`;
      const read = async (token?: string) => {
        const response = await fetch(`${cms.baseUrl}${query}`, {
          headers: token ? { Authorization: `Bearer ${token}` } : {},
        });
        return ((await response.json()) as Json).data.map((a: Json) => a.slug);
      };
      await expect(read(cms.siteSecrets.previewToken)).resolves.toEqual([draft.mn!.slug]);
      await expect(read(cms.siteReadToken)).resolves.toEqual([]);
      await expect(read()).resolves.toEqual([]);

      const published = await fetch(`${cms.baseUrl}/api/articles?locale=mn&filters[slug][$eq]=${draft.mn!.slug}`, {
        headers: { Authorization: `Bearer ${cms.siteSecrets.previewToken}` },
      }).then((r) => r.json() as Promise<Json>);
      expect(published.data).toEqual([]);

      const write = await fetch(`${cms.baseUrl}/api/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${cms.siteSecrets.previewToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { title: 'x', slug: 'x', postedAt: '2024-01-01' } }),
      });
      expect([403, 404, 405]).toContain(write.status);
    });
  });

  describe('the article list view of the Content Manager', () => {
    const configuration = () => admin('GET', `/content-manager/content-types/${ARTICLE}/configuration`);

    test('shows title and post date, newest post first', async () => {
      const { data } = await configuration();
      expect(data.contentType.layouts.list).toEqual(['title', 'postedAt']);
      expect(data.contentType.settings).toMatchObject({
        defaultSortBy: 'postedAt',
        defaultSortOrder: 'DESC',
        mainField: 'title',
      });
      expect(data.contentType.metadatas.postedAt.list.label).toBe('Posted at');
    });

    test("keeps an editor's own columns across restarts", async () => {
      const { data } = await configuration();
      const { layouts, settings, metadatas } = data.contentType;
      // As the admin sends it: without the relation columns' mainField, which the API computes.
      const sent = Object.fromEntries(
        Object.entries(metadatas as Record<string, Json>).map(
          ([
            name,
            {
              list: { mainField: _ignored, ...list },
              edit,
            },
          ]) => [name, { list, edit }],
        ),
      );
      await admin('PUT', `/content-manager/content-types/${ARTICLE}/configuration`, {
        layouts: { ...layouts, list: ['title', 'postedAt', 'slug'] },
        settings,
        metadatas: sent,
      });
      await cms.restart();
      const after = await configuration();
      expect(after.data.contentType.layouts.list).toEqual(['title', 'postedAt', 'slug']);
      expect(after.data.contentType.settings.defaultSortBy).toBe('postedAt');
    });
  });
});
