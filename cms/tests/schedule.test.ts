import { adminClient, type AdminClient, loginAdmin } from './helpers/admin-api';
import { request } from './helpers/api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { NoticeRecorder } from './helpers/notice-recorder';
import { until } from './helpers/poll';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const ARTICLE = 'api::article.article';
const CERTIFICATE = 'api::certificate.certificate';
const articles = `/content-manager/collection-types/${ARTICLE}`;

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('scheduled publishing and unpublishing (one CMS, SQLite)', () => {
  let cms: CmsInstance;
  let recorder: NoticeRecorder;
  let admin: AdminClient;
  const runId = Date.now();

  const publicArticle = async (slug: string, locale = 'mn') =>
    (await request(cms, `/api/articles?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug)}`)).body
      .data?.[0] as Json;
  const draft = async (documentId: string, locale = 'mn') =>
    (await admin('GET', `${articles}/${documentId}?locale=${locale}`)).data as Json;

  beforeAll(async () => {
    recorder = new NoticeRecorder();
    const siteUrl = await recorder.listen();
    cms = await startSeededCms('sqlite', {
      site: { url: siteUrl, revalidateUrl: `${siteUrl}/api/revalidate` },
      env: { SCHEDULE_INTERVAL_SECONDS: '1' },
    });
    admin = await adminClient(cms);
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
    await recorder?.close();
  }, 60_000);

  test('a publishAt in the past, or an unpublishAt before publishAt, is a 400 that says so in UTC+8', async () => {
    const session = await loginAdmin(cms.baseUrl, cms.admin);
    const past = await session.request('POST', `${articles}?locale=mn`, {
      title: 'Өнгөрсөн',
      slug: `past-${runId}`,
      publishAt: '2020-01-01T00:00:00.000Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toMatch(
      /^Publish at: 2020-01-01 08:00 \(UTC\+8\) is in the past \(now .+\); pick a later time/,
    );
    expect(past.body.error.details.errors[0].path).toEqual(['publishAt']);

    const backwards = await session.request('POST', `${articles}?locale=mn`, {
      title: 'Буруу дараалал',
      slug: `backwards-${runId}`,
      publishAt: inSeconds(3600),
      unpublishAt: inSeconds(1800),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/^Unpublish at: must come after Publish at/);
  });

  test('a scheduled draft is not public, cannot be published early, and goes live once by itself with one change notice', async () => {
    const slug = `embargo-${runId}`;
    const publishAt = inSeconds(6);
    const created = await admin('POST', `${articles}?locale=mn`, { title: 'Хориотой мэдээ', slug, publishAt });
    const documentId: string = created.data.documentId;
    expect(new Date(created.data.publishAt).toISOString()).toBe(publishAt);

    const session = await loginAdmin(cms.baseUrl, cms.admin);
    const early = await session.request('POST', `${articles}/${documentId}/actions/publish?locale=mn`, {
      locale: 'mn',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(
      /scheduled to publish at .+ \(UTC\+8\); clear Publish at to publish it now/,
    );
    expect(await publicArticle(slug)).toBeUndefined();

    const from = recorder.notices.length;
    const [notice] = await recorder.waitFor(from, (body) => body.documentId === documentId, 45_000);
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(publishAt).getTime());
    expect(notice!.body).toMatchObject({
      event: 'entry.publish',
      variants: [{ locale: 'mn', before: null, after: { slug }, changed: true }],
    });
    const live = await publicArticle(slug);
    expect(live).toMatchObject({ documentId, slug });
    // The schedule is private to the admin and cleared once fired: the draft equals the published version.
    expect(live).not.toHaveProperty('publishAt');
    expect((await draft(documentId)).publishAt).toBeNull();
    const status = await admin('GET', `${articles}/${documentId}?locale=mn`);
    expect(status.meta.availableStatus).toEqual([expect.objectContaining({ publishedAt: expect.any(String) })]);

    // Later ticks fire nothing more.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(recorder.notices.filter((n) => n.body.documentId === documentId)).toHaveLength(1);
  }, 90_000);

  test('unpublishAt takes a published certificate down by itself, with an unpublish notice', async () => {
    const certificates = `/content-manager/collection-types/${CERTIFICATE}`;
    const slug = `expiring-${runId}`;
    const created = await admin('POST', `${certificates}?locale=zh`, {
      name: '到期证书',
      slug,
      issuedOn: '2024-05-01',
      level: 'municipal',
    });
    const documentId: string = created.data.documentId;
    await admin('POST', `${certificates}/${documentId}/actions/publish?locale=zh`, { locale: 'zh' });
    const visible = async () =>
      (await request(cms, `/api/certificates?locale=zh&filters[slug][$eq]=${slug}`)).body.data?.length;
    expect(await visible()).toBe(1);

    const from = recorder.notices.length;
    await admin('PUT', `${certificates}/${documentId}?locale=zh`, { unpublishAt: inSeconds(4) });
    const notices = await recorder.waitFor(
      from,
      (body) => body.documentId === documentId && body.event === 'entry.unpublish',
      45_000,
    );
    expect(notices.at(-1)!.body.variants).toEqual([{ locale: 'zh', before: { slug }, after: null, changed: true }]);
    expect(await visible()).toBe(0);
    const after = (await admin('GET', `${certificates}/${documentId}?locale=zh`)).data;
    expect(after.unpublishAt).toBeNull();
  }, 90_000);

  test('a time that passed while the CMS was down fires when it starts', async () => {
    const slug = `catch-up-${runId}`;
    const publishAt = inSeconds(8);
    const created = await admin('POST', `${articles}?locale=zh`, { title: '停机期间', slug, publishAt });
    const documentId: string = created.data.documentId;
    await cms.stopServer();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(publishAt).getTime() - Date.now()) + 500));
    const from = recorder.notices.length;
    await cms.startServer();
    admin = await adminClient(cms);
    await recorder.waitFor(from, (body) => body.documentId === documentId, 45_000);
    await until('the article in the content API', () => publicArticle(slug, 'zh'), { timeoutMs: 30_000 });
  }, 180_000);
});
