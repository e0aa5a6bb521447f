import { adminClient } from './helpers/admin-api';
import { allKeys, request } from './helpers/api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { EXECUTABLE, HTML_WITH_SCRIPT, SVG_WITH_SCRIPT, tinyPdf, tinyPng } from './helpers/files';
import { isPublished, seedArticles, seedCertificates } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const SEED_KEY = 'zhuanjingtexin-certificate-2019';
const seedArticle = seedArticles.find((article) => article.key === SEED_KEY)!;
const ARTICLES = '/content-manager/collection-types/api::article.article';
const CERTIFICATES = '/content-manager/collection-types/api::certificate.certificate';
const PRIVATE_KEYS = [
  'createdBy',
  'updatedBy',
  'password',
  'resetPasswordToken',
  'registrationToken',
  'accessKey',
  'encryptedKey',
];

/** One CMS (SQLite) for every hardening check; the admin login limit runs last because it locks the IP out. */
describe('CMS hardening', () => {
  let cms: CmsInstance;
  let admin: Awaited<ReturnType<typeof adminClient>>;
  const get = (path: string, headers: Record<string, string> = {}) => request(cms, path, { headers });

  beforeAll(async () => {
    cms = await startSeededCms('sqlite', { isolatedUploads: true });
    admin = await adminClient(cms);
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
  }, 60_000);

  describe('drafts never appear through populated relations', () => {
    const stamp = Date.now();
    const draftCertificateName = `Draft-only certificate ${stamp}`;
    const draftArticleTitle = `Draft-only article ${stamp}`;
    const draftEditName = `Unpublished edit ${stamp}`;
    let articleDocumentId: string;
    let publishedCertificate: Json;

    beforeAll(async () => {
      const articles = await admin(
        'GET',
        `${ARTICLES}?locale=mn&filters[slug][$eq]=${encodeURIComponent(seedArticle.mn!.slug)}`,
      );
      articleDocumentId = articles.results[0].documentId;
      const certificates = await admin(
        'GET',
        `${CERTIFICATES}?locale=mn&filters[number][$eq]=${encodeURIComponent(seedCertificates[0]!.number)}`,
      );
      publishedCertificate = certificates.results[0];

      // A certificate that was never published, linked from the published seed article…
      const draftCertificate = (
        await admin('POST', `${CERTIFICATES}?locale=mn`, {
          name: draftCertificateName,
          slug: `draft-only-certificate-${stamp}`,
          issuedOn: '2026-02-02',
          level: 'national',
        })
      ).data;
      await admin('PUT', `${ARTICLES}/${articleDocumentId}?locale=mn`, {
        certificates: { connect: [{ documentId: draftCertificate.documentId, locale: 'mn' }] },
      });
      await admin('POST', `${ARTICLES}/${articleDocumentId}/actions/publish?locale=mn`, {});
      // …a draft article linking the published certificate…
      await admin('POST', `${ARTICLES}?locale=mn`, {
        title: draftArticleTitle,
        slug: `draft-only-article-${stamp}`,
        postedAt: '2026-02-02',
        certificates: { connect: [{ documentId: publishedCertificate.documentId, locale: 'mn' }] },
      });
      // …and an unpublished edit of the published certificate.
      await admin('PUT', `${CERTIFICATES}/${publishedCertificate.documentId}?locale=mn`, { name: draftEditName });

      // The links exist in the drafts (Strapi keeps links to never-published entries out of the
      // published version), so the public checks below can fail.
      const linked = await admin(
        'GET',
        `/content-manager/relations/api::article.article/${articleDocumentId}/certificates?locale=mn&status=draft&pageSize=100`,
      );
      expect(linked.results.map((c: Json) => c.documentId)).toContain(draftCertificate.documentId);
      const linking = await admin(
        'GET',
        `/content-manager/relations/api::certificate.certificate/${publishedCertificate.documentId}/articles?locale=mn&status=draft&pageSize=100`,
      );
      expect(linking.results.map((a: Json) => a.title)).toContain(draftArticleTitle);
    });

    test.each([
      ['populate[certificates]=true'],
      ['populate=*'],
      ['populate[certificates][populate]=*'],
      ['populate[certificates][filters][name][$containsi]=draft'],
      ['status=draft&populate[certificates]=true'],
    ])('an article with %s shows only published certificates, as published', async (populate) => {
      const { status, body } = await get(
        `/api/articles?locale=mn&filters[slug][$eq]=${encodeURIComponent(seedArticle.mn!.slug)}&${populate}`,
      );
      expect(status).toBe(200);
      expect(body.data).toHaveLength(1);
      const text = JSON.stringify(body);
      expect(text).not.toContain(draftCertificateName);
      expect(text).not.toContain(draftEditName);
      if (!populate.includes('filters')) {
        expect(body.data[0].certificates.map((c: Json) => c.name)).toEqual([seedCertificates[0]!.mn!.name]);
      }
    });

    test('a certificate populates no draft article, for the public and for the site token', async () => {
      for (const headers of [{}, { Authorization: `Bearer ${cms.siteReadToken}` }] as Array<Record<string, string>>) {
        const { status, body } = await get(
          `/api/certificates/${publishedCertificate.documentId}?locale=mn&populate[articles]=true&status=draft`,
          headers,
        );
        expect(status).toBe(200);
        expect(body.data.name).toBe(seedCertificates[0]!.mn!.name);
        const titles = body.data.articles.map((a: Json) => a.title);
        expect(titles).toContain(seedArticle.mn!.title);
        expect(titles).not.toContain(draftArticleTitle);
        expect(titles).not.toEqual(
          expect.arrayContaining(seedArticles.filter((a) => a.mn && !isPublished(a.mn)).map((a) => a.mn!.title)),
        );
      }
    });
  });

  describe('query parameters', () => {
    test.each([
      'foo=bar',
      'publicationState=live',
      'where[title]=x',
      'populateDeep=true',
      '_limit=1000',
      'filter[slug]=x',
    ])('unknown key %s is a 400', async (query) => {
      const { status, body } = await get(`/api/articles?locale=mn&${query}`);
      expect(status).toBe(400);
      expect(body.error.name).toBe('ValidationError');
    });

    test('pageSize and limit above maxLimit (100) are clamped, not refused', async () => {
      const bySize = await get('/api/articles?locale=mn&pagination[pageSize]=1000');
      expect(bySize.status).toBe(200);
      expect(bySize.body.meta.pagination.pageSize).toBe(100);
      const byLimit = await get('/api/articles?locale=mn&pagination[start]=0&pagination[limit]=1000');
      expect(byLimit.status).toBe(200);
      expect(byLimit.body.meta.pagination.limit).toBe(100);
    });
  });

  describe('private fields stay private', () => {
    test.each([
      'filters[createdBy][email][$eq]=editor@medee.test',
      'filters[createdBy][id][$eq]=1',
      'filters[updatedBy][password][$notNull]=true',
      'filters[$or][0][createdBy][email][$startsWith]=e',
      'filters[category][createdBy][email][$eq]=x',
      'filters[cover][createdBy][email][$eq]=x',
      'filters[password][$eq]=x',
      'sort=updatedBy.email',
      'sort=createdBy:asc',
      'sort[0]=createdBy.firstname:asc',
      'populate=createdBy',
      'populate[createdBy]=true',
      'populate[updatedBy][fields][0]=email',
      'populate[category][populate][createdBy]=true',
      'populate=localizations.createdBy',
      'fields[0]=createdBy',
      'fields[0]=title&fields[1]=updatedBy',
    ])('%s is refused', async (query) => {
      const { status, body } = await get(`/api/articles?locale=mn&${query}`);
      expect(status).toBe(400);
      expect(JSON.stringify(body)).not.toContain('editor@medee.test');
    });

    test.each([
      '/api/articles?locale=mn&populate=*',
      '/api/articles?locale=zh&populate[category][populate]=*&populate[certificates][populate]=*&populate[cover][populate]=*&populate[localizations][populate]=*',
      '/api/certificates?locale=mn&populate=*',
      '/api/categories?locale=mn&populate=*',
      '/api/global?locale=mn&populate=*',
    ])('%s has no private key anywhere, for the public and for the site token', async (path) => {
      for (const headers of [{}, { Authorization: `Bearer ${cms.siteReadToken}` }] as Array<Record<string, string>>) {
        const { status, body } = await get(path, headers);
        expect(status).toBe(200);
        const keys = allKeys(body);
        for (const key of PRIVATE_KEYS) expect(keys).not.toContain(key);
        expect(JSON.stringify(body)).not.toContain(cms.admin.email);
      }
    });
  });

  describe('CORS', () => {
    test.each(['https://evil.example', 'http://localhost:3000.evil.example', 'null'])(
      'a foreign Origin %s gets no Access-Control-Allow-Origin',
      async (origin) => {
        const simple = await get('/api/articles?locale=mn', { Origin: origin });
        expect(simple.status).toBe(200);
        expect(simple.headers.get('access-control-allow-origin')).toBeNull();
        expect(simple.headers.get('access-control-allow-credentials')).toBeNull();
        const preflight = await request(cms, '/api/articles', {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'GET',
            'Access-Control-Request-Headers': 'authorization',
          },
        });
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      },
    );

    test('the site origin is allowed', async () => {
      const { headers } = await get('/api/articles?locale=mn', { Origin: 'http://localhost:3000' });
      expect(headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    });
  });

  test('security headers are sent on API and admin responses', async () => {
    for (const path of ['/api/articles?locale=mn', '/admin', '/_health']) {
      const { headers } = await get(path);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
      expect(headers.get('content-security-policy')).toMatch(/object-src 'none'/);
      expect(headers.get('x-powered-by')).toBeNull();
      // Not production: no HSTS on plain-http development (production is covered in security-config.test.ts).
      expect(headers.get('strict-transport-security')).toBeNull();
    }
  });

  test('the readiness endpoint answers 200 while the database answers', async () => {
    const { status, body, headers } = await get('/api/ready');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ready' });
    expect(headers.get('cache-control')).toBe('no-store');
  });

  describe('uploads', () => {
    const upload = async (path: string, name: string, type: string, data: Buffer, auth = true) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(data)], { type }), name);
      return request(cms, path, {
        method: 'POST',
        headers: auth ? { Authorization: `Bearer ${admin.token}` } : {},
        body: form,
      });
    };

    test.each([
      ['x.svg', 'image/svg+xml', Buffer.from(SVG_WITH_SCRIPT)],
      ['x.png', 'image/png', Buffer.from(SVG_WITH_SCRIPT)],
      ['x.svg', 'image/png', Buffer.from(SVG_WITH_SCRIPT)],
      ['x', 'application/octet-stream', Buffer.from(SVG_WITH_SCRIPT)],
      ['x.html', 'text/html', Buffer.from(HTML_WITH_SCRIPT)],
      ['x.jpg', 'image/jpeg', Buffer.from(HTML_WITH_SCRIPT)],
      ['x.exe', 'application/x-msdownload', EXECUTABLE],
      ['x.pdf', 'application/pdf', EXECUTABLE],
      ['x.js', 'text/javascript', Buffer.from('alert(1)')],
      ['polyglot.png', 'image/png', Buffer.concat([Buffer.from(HTML_WITH_SCRIPT), tinyPng()])],
    ])('the admin upload refuses %s sent as %s', async (name, type, data) => {
      const before = (await admin('GET', '/upload/files?pageSize=100')).results?.length ?? 0;
      const { status } = await upload('/upload', name, type, data);
      expect(status).toBe(400);
      expect((await admin('GET', '/upload/files?pageSize=100')).results?.length ?? 0).toBe(before);
    });

    test.each([
      ['cover.png', 'image/png', tinyPng()],
      ['scan.pdf', 'application/pdf', tinyPdf()],
    ])('the admin upload accepts %s', async (name, type, data) => {
      const { status, body } = await upload('/upload', name, type, data);
      expect(status).toBe(201);
      expect(body[0].mime).toBe(type);
    });

    test('a file above the size cap is refused with 413', async () => {
      const { status } = await upload(
        '/upload',
        'big.png',
        'image/png',
        Buffer.concat([tinyPng(), Buffer.alloc(10 * 1024 * 1024 + 1)]),
      );
      expect(status).toBe(413);
    });

    test('the public upload endpoint is closed', async () => {
      expect((await upload('/api/upload', 'cover.png', 'image/png', tinyPng(), false)).status).toBe(403);
      expect((await get('/api/upload/files')).status).toBe(403);
    });
  });

  describe('concurrent edits of the same entry and locale', () => {
    const CERTIFICATE_FIELDS = ['name', 'slug', 'issuer', 'issuedOn', 'number', 'level', 'description', 'scan'];
    const ARTICLE_FIELDS = ['title', 'slug', 'summary', 'body', 'postedAt', 'cover', 'seo'];
    let editorB: Awaited<ReturnType<typeof adminClient>>;
    let certificateId: string;
    let articleId: string;

    /** What the admin's edit form sends on save: every field as the editor sees it, relations aside. */
    const form = (document: Json, fields: string[], changes: Record<string, unknown>) => ({
      ...Object.fromEntries(fields.map((field) => [field, document[field] ?? null])),
      ...changes,
    });
    const open = async (client: typeof admin, type: 'certificate' | 'article', documentId: string) =>
      (await client('GET', `${type === 'certificate' ? CERTIFICATES : ARTICLES}/${documentId}?locale=zh`)).data;
    const save = (client: typeof admin, type: 'certificate' | 'article', documentId: string, body: object) =>
      request(cms, `${type === 'certificate' ? CERTIFICATES : ARTICLES}/${documentId}?locale=zh`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${client.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      // A second editor (a super admin too: Strapi's Editor role has no rights on these types until granted).
      const roles = await admin('GET', '/admin/roles');
      const editorRole = roles.data.find((role: Json) => role.code === 'strapi-super-admin');
      const invited = await admin('POST', '/admin/users', {
        firstname: 'Second',
        lastname: 'Editor',
        email: 'second@medee.test',
        roles: [editorRole.id],
      });
      const password = 'Second-editor-1';
      await request(cms, '/admin/register', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          registrationToken: invited.data.registrationToken,
          userInfo: { firstname: 'Second', lastname: 'Editor', password },
        }),
      });
      editorB = await adminClient(cms, { email: 'second@medee.test', password });
      const certificates = await admin(
        'GET',
        `${CERTIFICATES}?locale=zh&filters[number][$eq]=${encodeURIComponent(seedCertificates[1]!.number)}`,
      );
      certificateId = certificates.results[0].documentId;
      const articles = await admin(
        'GET',
        `${ARTICLES}?locale=zh&filters[slug][$eq]=${encodeURIComponent(seedArticle.zh!.slug)}`,
      );
      articleId = articles.results[0].documentId;
    });

    test('Strapi alone is last-write-wins: a save from someone who never opened the entry overwrites', async () => {
      const seen = await open(admin, 'certificate', certificateId);
      expect(
        (await save(admin, 'certificate', certificateId, form(seen, CERTIFICATE_FIELDS, { name: 'Name by A (1)' })))
          .status,
      ).toBe(200);
      // B's client never loaded the entry through the admin (no base): its stale copy wins.
      const stale = await save(
        editorB,
        'certificate',
        certificateId,
        form(seen, CERTIFICATE_FIELDS, { issuer: 'Issuer by B (1)' }),
      );
      expect(stale.status).toBe(200);
      const now = await open(admin, 'certificate', certificateId);
      expect(now.issuer).toBe('Issuer by B (1)');
      expect(now.name).toBe(seen.name);
    });

    test("different fields: both editors' changes are kept", async () => {
      const seenByA = await open(admin, 'certificate', certificateId);
      const seenByB = await open(editorB, 'certificate', certificateId);
      expect(
        (await save(admin, 'certificate', certificateId, form(seenByA, CERTIFICATE_FIELDS, { name: 'Name by A (2)' })))
          .status,
      ).toBe(200);
      const merged = await save(
        editorB,
        'certificate',
        certificateId,
        form(seenByB, CERTIFICATE_FIELDS, { issuer: 'Issuer by B (2)' }),
      );
      expect(merged.status).toBe(200);
      const now = await open(admin, 'certificate', certificateId);
      expect([now.name, now.issuer]).toEqual(['Name by A (2)', 'Issuer by B (2)']);
    });

    test('the same field changed differently: the second save is refused on that field, nothing is lost', async () => {
      const seenByA = await open(admin, 'certificate', certificateId);
      const seenByB = await open(editorB, 'certificate', certificateId);
      expect(
        (await save(admin, 'certificate', certificateId, form(seenByA, CERTIFICATE_FIELDS, { name: 'Name by A (3)' })))
          .status,
      ).toBe(200);
      const refused = await save(
        editorB,
        'certificate',
        certificateId,
        form(seenByB, CERTIFICATE_FIELDS, { name: 'Name by B (3)', issuer: 'Issuer by B (3)' }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.name).toBe('ValidationError');
      expect(refused.body.error.details.errors.map((e: Json) => e.path)).toEqual([['name']]);
      let now = await open(admin, 'certificate', certificateId);
      expect([now.name, now.issuer]).toEqual(['Name by A (3)', 'Issuer by B (2)']);

      // B reloads (sees A's name) and saves again: accepted.
      const reloaded = await open(editorB, 'certificate', certificateId);
      expect(
        (
          await save(
            editorB,
            'certificate',
            certificateId,
            form(reloaded, CERTIFICATE_FIELDS, { name: 'Name by B (3)' }),
          )
        ).status,
      ).toBe(200);
      now = await open(admin, 'certificate', certificateId);
      expect(now.name).toBe('Name by B (3)');
    });

    test('both making the same change is no conflict', async () => {
      const seenByA = await open(admin, 'certificate', certificateId);
      const seenByB = await open(editorB, 'certificate', certificateId);
      expect(
        (await save(admin, 'certificate', certificateId, form(seenByA, CERTIFICATE_FIELDS, { level: 'national' })))
          .status,
      ).toBe(200);
      expect(
        (await save(editorB, 'certificate', certificateId, form(seenByB, CERTIFICATE_FIELDS, { level: 'national' })))
          .status,
      ).toBe(200);
    });

    test('components and rich text: an SEO edit and a body edit by two editors are both kept', async () => {
      const seenByA = await open(admin, 'article', articleId);
      const seenByB = await open(editorB, 'article', articleId);
      const seo = { ...(seenByA.seo ?? {}), metaTitle: 'SEO title by A' };
      expect((await save(admin, 'article', articleId, form(seenByA, ARTICLE_FIELDS, { seo }))).status).toBe(200);
      const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Body by B' }] }];
      expect(
        (await save(editorB, 'article', articleId, form(seenByB, ARTICLE_FIELDS, { body, summary: 'Summary by B' })))
          .status,
      ).toBe(200);
      const now = await open(admin, 'article', articleId);
      expect(now.seo.metaTitle).toBe('SEO title by A');
      expect(now.body).toEqual(body);
      expect(now.summary).toBe('Summary by B');
    });
  });

  describe('admin login rate limit (runs last: it locks this IP out)', () => {
    const attempt = (email: string) =>
      request(cms, '/admin/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'Wrong-password-1' }),
      });

    test("Strapi's own limit: the same email is refused with 429 after 5 attempts", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await attempt('victim@medee.test')).status);
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
      expect(statuses[5]).toBe(429);
    });

    test('rotating emails: the IP is refused with 429 after 20 failures in all', async () => {
      // 6 failures so far (previous test); 14 more reach the limit of 20.
      const statuses: number[] = [];
      for (let i = 0; i < 14; i += 1) statuses.push((await attempt(`rotating-${i}@medee.test`)).status);
      expect(statuses.every((status) => status === 400)).toBe(true);
      const blocked = await attempt('rotating-final@medee.test');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // The right password does not get through either while the IP is blocked.
      const valid = await request(cms, '/admin/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(cms.admin),
      });
      expect(valid.status).toBe(429);
      // The content API is not affected.
      expect((await get('/api/articles?locale=mn')).status).toBe(200);
    });
  });
});
