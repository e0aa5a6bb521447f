import { loginAdmin, type AdminSession } from './helpers/admin-api';
import { startSeededCms, type CmsInstance, type Database } from './helpers/cms-instance';
import { runSql } from './helpers/database';
import { seedArticles } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

// History and restore on a real Strapi: every save and publish keeps a version of the variant,
// the History API compares one with the draft and restores it as the draft, old versions are
// pruned, and translators see only their own locale's history.

const ARTICLES = '/content-manager/collection-types/api::article.article';
const SEED_KEY = 'zhuanjingtexin-certificate-2019';
const MIN_VERSIONS = 3;

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

// PostgreSQL too: its jsonb reorders a component's keys, which the comparison must not count as a change.
describe.each<Database>(['sqlite', 'postgres'])('history and restore (%s)', (database) => {
  let cms: CmsInstance;
  let admin: AdminSession;
  let zh: AdminSession;

  const ok = async (session: AdminSession, method: string, path: string, body?: unknown) => {
    const reply = await session.request(method, path, body);
    if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const versionsOf = async (documentId: string, locale: string, session = admin, uid = 'api::article.article') =>
    (await ok(session, 'GET', `/history/documents/${uid}/${documentId}?locale=${locale}`)).versions as Json[];
  const publicArticle = async (documentId: string, locale: string) => {
    const response = await fetch(`${cms.baseUrl}/api/articles/${documentId}?locale=${locale}`, {
      headers: { Authorization: `Bearer ${cms.siteReadToken}` },
    });
    return ((await response.json()) as Json).data;
  };
  const newArticle = async (title: string, text: string) =>
    (
      await ok(admin, 'POST', `${ARTICLES}?locale=mn`, {
        title,
        postedAt: '2026-11-30',
        body: paragraph(text),
        seo: { metaTitle: title, metaDescription: 'Тайлбар' },
      })
    ).data;

  beforeAll(async () => {
    cms = await startSeededCms(database, { env: { HISTORY_MIN_VERSIONS: String(MIN_VERSIONS) } });
    admin = await loginAdmin(cms.baseUrl, cms.admin);
    zh = await loginAdmin(cms.baseUrl, cms.translators.zh);
  }, 300_000);
  afterAll(async () => {
    await cms?.stop();
  }, 60_000);

  test('every save, publish and unpublish keeps a version: who, when, which action, every field', async () => {
    const article = await newArticle('Түүхтэй мэдээ', 'Эхний догол мөр.');
    const seedCategory = (await ok(admin, 'GET', '/content-manager/collection-types/api::category.category?locale=mn'))
      .results[0];
    await ok(admin, 'PUT', `${ARTICLES}/${article.documentId}?locale=mn`, {
      body: paragraph('Хоёр дахь догол мөр.'),
      category: { connect: [{ documentId: seedCategory.documentId, locale: 'mn' }] },
    });
    await ok(admin, 'POST', `${ARTICLES}/${article.documentId}/actions/publish?locale=mn`, {});
    await ok(admin, 'POST', `${ARTICLES}/${article.documentId}/actions/unpublish?locale=mn`, {});

    const versions = await versionsOf(article.documentId, 'mn');
    // The content manager's publish saves the document first (as the admin's Publish button saves the form).
    expect(versions.map((version) => version.action)).toEqual(['unpublish', 'publish', 'update', 'update', 'create']);
    for (const version of versions) {
      expect(version).toMatchObject({
        contentType: 'api::article.article',
        locale: 'mn',
        userName: expect.any(String),
      });
      expect(version.userId).toEqual(expect.any(Number));
      expect(Date.parse(version.createdAt)).toBeGreaterThan(Date.now() - 600_000);
    }
    const saved = await ok(admin, 'GET', `/history/versions/${versions[3].id}`);
    expect(saved.version.fields).toMatchObject({
      title: 'Түүхтэй мэдээ',
      slug: expect.any(String),
      postedAt: '2026-11-30',
      body: paragraph('Хоёр дахь догол мөр.'),
      category: seedCategory.documentId,
      certificates: [],
      cover: null,
    });
    // The zh variant has its own history: none yet.
    expect(await versionsOf(article.documentId, 'zh')).toEqual([]);
  });

  test('categories and the global settings keep versions too', async () => {
    const category = (await ok(admin, 'GET', '/content-manager/collection-types/api::category.category?locale=zh'))
      .results[0];
    await ok(
      admin,
      'PUT',
      `/content-manager/collection-types/api::category.category/${category.documentId}?locale=zh`,
      {
        name: `${category.name}（新）`,
      },
    );
    const categoryVersions = await versionsOf(category.documentId, 'zh', admin, 'api::category.category');
    expect(categoryVersions[0]).toMatchObject({ action: 'update', locale: 'zh' });

    const global = (await ok(admin, 'GET', '/content-manager/single-types/api::global.global?locale=mn')).data;
    await ok(admin, 'PUT', '/content-manager/single-types/api::global.global?locale=mn', { footer: 'Шинэ хөл' });
    const globalVersions = await versionsOf(global.documentId, 'mn', admin, 'api::global.global');
    expect(globalVersions[0]).toMatchObject({ action: 'update', locale: 'mn' });
    expect((await ok(admin, 'GET', `/history/versions/${globalVersions[0].id}`)).version.fields.footer).toBe(
      'Шинэ хөл',
    );
  });

  test('a version compared with the draft, restored as the draft; the published text stays until published', async () => {
    const article = await newArticle('Сэргээх мэдээ', 'Хуучин догол мөр үлдэнэ.');
    await ok(admin, 'POST', `${ARTICLES}/${article.documentId}/actions/publish?locale=mn`, {});
    await ok(admin, 'PUT', `${ARTICLES}/${article.documentId}?locale=mn`, {
      body: paragraph('Шинэ догол мөр солигдов.'),
    });
    const published = (await versionsOf(article.documentId, 'mn')).find((version) => version.action === 'publish');

    const comparison = await ok(admin, 'GET', `/history/versions/${published.id}`);
    const body = comparison.changes.find((change: Json) => change.field === 'body');
    expect(comparison.changes.map((change: Json) => change.field)).toEqual(['body']);
    expect(body.parts).toEqual(
      expect.arrayContaining([
        { value: 'Шинэ', removed: true },
        { value: 'Хуучин', added: true },
        expect.objectContaining({ value: expect.stringContaining('догол мөр') }),
      ]),
    );

    const restored = await ok(admin, 'POST', `/history/versions/${published.id}/restore`, {});
    expect(restored.version).toMatchObject({ action: 'restore', userName: expect.any(String) });
    const draft = (await ok(admin, 'GET', `${ARTICLES}/${article.documentId}?locale=mn`)).data;
    expect(draft.body).toEqual(paragraph('Хуучин догол мөр үлдэнэ.'));
    // Restoring never publishes: the site still has the published text, and the draft differs from it.
    expect((await publicArticle(article.documentId, 'mn')).body).toEqual(paragraph('Хуучин догол мөр үлдэнэ.'));
    const status = await ok(admin, 'GET', `${ARTICLES}/${article.documentId}?locale=mn&status=published`);
    expect(status.data.publishedAt).toBeTruthy();
    // The edit that was overwritten is a version too, and comes back the same way.
    const [restore, edit] = await versionsOf(article.documentId, 'mn');
    expect([restore.action, edit.action]).toEqual(['restore', 'update']);
    await ok(admin, 'POST', `/history/versions/${edit.id}/restore`, {});
    expect((await ok(admin, 'GET', `${ARTICLES}/${article.documentId}?locale=mn`)).data.body).toEqual(
      paragraph('Шинэ догол мөр солигдов.'),
    );
    expect((await publicArticle(article.documentId, 'mn')).body).toEqual(paragraph('Хуучин догол мөр үлдэнэ.'));
  });

  test('retention: everything younger than the period stays; older versions beyond the newest N go', async () => {
    const article = await newArticle('Хадгалах хугацаа', 'Нэг.');
    for (const text of ['Хоёр.', 'Гурав.', 'Дөрөв.', 'Тав.'])
      await ok(admin, 'PUT', `${ARTICLES}/${article.documentId}?locale=mn`, { body: paragraph(text) });
    // Five versions, more than the minimum of three, all kept: none is older than a year.
    expect(await versionsOf(article.documentId, 'mn')).toHaveLength(5);

    // Two years pass for these five versions.
    await runSql(
      cms,
      `UPDATE history_versions SET created_at = created_at - ${
        database === 'postgres' ? "interval '730 days'" : 2 * 365 * 86_400_000
      } WHERE document = '${article.documentId}'`,
    );
    await ok(admin, 'PUT', `${ARTICLES}/${article.documentId}?locale=mn`, { body: paragraph('Зургаа.') });
    const kept = await versionsOf(article.documentId, 'mn');
    expect(kept).toHaveLength(MIN_VERSIONS);
    const texts = await Promise.all(
      kept.map(async (version) => (await ok(admin, 'GET', `/history/versions/${version.id}`)).version.fields.body),
    );
    expect(texts).toEqual([paragraph('Зургаа.'), paragraph('Тав.'), paragraph('Дөрөв.')]);
  });

  test('a translator sees and restores history only in their own locale', async () => {
    const slug = seedArticles.find((article) => article.key === SEED_KEY)!.mn!.slug;
    const seed = (await ok(admin, 'GET', `${ARTICLES}?locale=mn&filters[slug][$eq]=${slug}`)).results[0];
    await ok(admin, 'PUT', `${ARTICLES}/${seed.documentId}?locale=mn`, { summary: 'Редакторын засвар' });
    await ok(zh, 'PUT', `${ARTICLES}/${seed.documentId}?locale=zh`, { summary: '译者的修改' });

    const zhVersions = await versionsOf(seed.documentId, 'zh', zh);
    expect(zhVersions[0]).toMatchObject({ action: 'update', locale: 'zh' });
    expect((await zh.request('GET', `/history/versions/${zhVersions[0].id}`)).status).toBe(200);

    const mnVersion = (await versionsOf(seed.documentId, 'mn'))[0];
    const forbidden = [
      await zh.request('GET', `/history/documents/api::article.article/${seed.documentId}?locale=mn`),
      await zh.request('GET', `/history/versions/${mnVersion.id}`),
      await zh.request('POST', `/history/versions/${mnVersion.id}/restore`, {}),
    ];
    expect(forbidden.map((reply) => reply.status)).toEqual([403, 403, 403]);
    expect(forbidden[0]!.body.error.message).toMatch(/mn/);
    expect((await versionsOf(seed.documentId, 'mn'))[0].id).toBe(mnVersion.id);
  });

  test('bad requests get a clear 4xx, never a 500', async () => {
    const replies = {
      id: await admin.request('GET', '/history/versions/abc'),
      missing: await admin.request('GET', '/history/versions/99999999'),
      restoreMissing: await admin.request('POST', '/history/versions/99999999/restore', {}),
      type: await admin.request('GET', '/history/documents/api::history-version.history-version/x?locale=mn'),
      locale: await admin.request('GET', '/history/documents/api::article.article/x'),
      anonymous: await fetch(`${cms.baseUrl}/history/versions/1`).then((response) => ({ status: response.status })),
    };
    expect(Object.fromEntries(Object.entries(replies).map(([name, reply]) => [name, reply.status]))).toEqual({
      id: 400,
      missing: 404,
      restoreMissing: 404,
      type: 400,
      locale: 400,
      anonymous: 401,
    });
    expect(replies.type.body.error.message).toMatch(/no history/);
  });
});
