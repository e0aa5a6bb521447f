import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rootDir } from '../../scripts/lib/cms.cjs';
import { run } from '../../scripts/lib/processes.cjs';
import { adminClient } from './helpers/admin-api';
import { request } from './helpers/api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { tinyPdf, tinyPng } from './helpers/files';
import { seedArticles, seedCertificates } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: documents are compared as data
type Json = any;

const LOCALES = ['mn', 'zh'] as const;
const STATUSES = ['draft', 'published'] as const;
const COLLECTIONS: Array<[uid: string, relations: string[]]> = [
  ['api::article.article', ['category', 'certificates']],
  ['api::certificate.certificate', ['articles']],
  ['api::category.category', ['articles']],
];
const SINGLES = ['api::global.global'];
const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;

type Admin = Awaited<ReturnType<typeof adminClient>>;

/** Removes what legitimately differs after a restore: row ids and the admin users (not backed up). */
function normalize(value: Json): Json {
  if (Array.isArray(value)) return value.map(normalize);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (['id', 'createdBy', 'updatedBy', 'localizations'].includes(key)) continue;
    // Relations come back as { count }; they are compared as lists below.
    if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).join() === 'count') continue;
    out[key] = normalize(item);
  }
  return out;
}

/** Every document of every type, locale by locale, draft and published version, with relations and media. */
async function snapshot(admin: Admin): Promise<Record<string, Json>> {
  const documents: Record<string, Json> = {};
  const optional = async (url: string) => {
    try {
      return (await admin('GET', url)).data ?? null;
    } catch (error) {
      if (/→ 404/.test(String(error))) return null;
      throw error;
    }
  };
  for (const [uid, relations] of COLLECTIONS) {
    for (const locale of LOCALES) {
      const list = await admin(
        'GET',
        `/content-manager/collection-types/${uid}?locale=${locale}&pageSize=100&sort=documentId:asc`,
      );
      expect(list.pagination.total).toBeLessThanOrEqual(100);
      for (const { documentId } of list.results) {
        for (const status of STATUSES) {
          const data = await optional(
            `/content-manager/collection-types/${uid}/${documentId}?locale=${locale}&status=${status}`,
          );
          if (!data || (status === 'published' && !data.publishedAt)) continue;
          const linked: Record<string, string[]> = {};
          for (const relation of relations) {
            const related = await admin(
              'GET',
              `/content-manager/relations/${uid}/${documentId}/${relation}?locale=${locale}&status=${status}&pageSize=100`,
            );
            linked[relation] = related.results.map((r: Json) => r.documentId).sort();
          }
          documents[`${uid} ${documentId} ${locale} ${status}`] = { ...normalize(data), relations: linked };
        }
      }
    }
  }
  for (const uid of SINGLES) {
    for (const locale of LOCALES) {
      for (const status of STATUSES) {
        const data = await optional(`/content-manager/single-types/${uid}?locale=${locale}&status=${status}`);
        if (data && (status === 'draft' || data.publishedAt)) documents[`${uid} ${locale} ${status}`] = normalize(data);
      }
    }
  }
  return documents;
}

/** The media library: each file's metadata and a hash of its bytes as served. */
async function mediaLibrary(cms: CmsInstance, admin: Admin): Promise<Json[]> {
  const files = (await admin('GET', '/upload/files?pageSize=100&sort=hash:asc')).results;
  return Promise.all(
    files.map(async (file: Json) => {
      const response = await fetch(`${cms.baseUrl}${file.url}`);
      expect(response.status).toBe(200);
      const sha256 = crypto
        .createHash('sha256')
        .update(Buffer.from(await response.arrayBuffer()))
        .digest('hex');
      return { name: file.name, hash: file.hash, mime: file.mime, size: file.size, url: file.url, sha256 };
    }),
  );
}

/** A variant's versions (History API), each with its fields, without row ids (a restore may renumber rows). */
async function history(admin: Admin, documentId: string): Promise<Json[]> {
  const { versions } = await admin('GET', `/history/documents/api::article.article/${documentId}?locale=mn`);
  return Promise.all(
    versions.map(async ({ id }: Json) => {
      const { version } = await admin('GET', `/history/versions/${id}`);
      const { id: _id, fields, ...rest } = version;
      return { ...rest, fields: { ...fields, cover: fields.cover && { ...fields.cover, id: undefined } } };
    }),
  );
}

const backupScript = path.join(rootDir, 'scripts', 'backup.mjs');
const restoreScript = path.join(rootDir, 'scripts', 'restore.mjs');

describe('npm run backup / npm run restore round trip (SQLite)', () => {
  let cms: CmsInstance;
  let admin: Admin;
  let before: Record<string, Json>;
  let mediaBefore: Json[];
  let historyBefore: Json[];
  let articleId: string;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-backup-'));
  const key = crypto.randomBytes(24).toString('base64url');
  const draftTitle = `Unpublished edit kept by the backup ${Date.now()}`;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite', { isolatedUploads: true });
    admin = await adminClient(cms);

    // Media attached to published documents, and a draft edit on top of a published article.
    const upload = async (name: string, type: string, data: Buffer) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(data)], { type }), name);
      const reply = await request(cms, '/upload', {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin.token}` },
        body: form,
      });
      expect(reply.status).toBe(201);
      return reply.body[0];
    };
    const cover = await upload('cover.png', 'image/png', tinyPng());
    const scan = await upload('scan.pdf', 'application/pdf', tinyPdf());
    const ARTICLES = '/content-manager/collection-types/api::article.article';
    const CERTIFICATES = '/content-manager/collection-types/api::certificate.certificate';
    const article = (
      await admin('GET', `${ARTICLES}?locale=mn&filters[slug][$eq]=${encodeURIComponent(seedArticle.mn!.slug)}`)
    ).results[0];
    await admin('PUT', `${ARTICLES}/${article.documentId}?locale=mn`, { cover: cover.id });
    await admin('POST', `${ARTICLES}/${article.documentId}/actions/publish?locale=mn`, {});
    await admin('PUT', `${ARTICLES}/${article.documentId}?locale=mn`, { title: draftTitle });
    articleId = article.documentId;
    const certificate = (
      await admin(
        'GET',
        `${CERTIFICATES}?locale=zh&filters[number][$eq]=${encodeURIComponent(seedCertificates[0]!.number)}`,
      )
    ).results[0];
    await admin('PUT', `${CERTIFICATES}/${certificate.documentId}?locale=zh`, { scan: scan.id });
    await admin('POST', `${CERTIFICATES}/${certificate.documentId}/actions/publish?locale=zh`, {});

    before = await snapshot(admin);
    mediaBefore = await mediaLibrary(cms, admin);
    historyBefore = await history(admin, articleId);
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  test('the snapshot covers every type, both locales, drafts and published versions, relations and media', () => {
    const keys = Object.keys(before);
    expect(keys.length).toBeGreaterThan(50);
    for (const uid of [...COLLECTIONS.map(([u]) => u), ...SINGLES]) {
      for (const locale of LOCALES) {
        for (const status of STATUSES)
          expect(keys.some((k) => k.startsWith(uid) && k.endsWith(` ${locale} ${status}`))).toBe(true);
      }
    }
    // 21 seed articles, some in one locale only; each variant has a draft version.
    expect(keys.filter((k) => k.startsWith('api::article.article') && k.endsWith(' draft')).length).toBe(
      seedArticles.filter((a) => a.mn).length + seedArticles.filter((a) => a.zh).length,
    );
    expect(JSON.stringify(before)).toContain(draftTitle);
    expect(Object.values(before).some((doc: Json) => doc.cover?.name === 'cover.png')).toBe(true);
    expect(Object.values(before).some((doc: Json) => doc.scan?.name === 'scan.pdf')).toBe(true);
    expect(
      Object.values(before).some((doc: Json) =>
        Object.values(doc.relations ?? {}).some((list) => (list as string[]).length > 0),
      ),
    ).toBe(true);
    expect(mediaBefore.length).toBeGreaterThanOrEqual(2);
  });

  test('backup (encrypted), wipe, restore: every document, locale by locale, and every file comes back', async () => {
    const base = path.join(workDir, 'medee-test');
    const output = await run(process.execPath, [backupScript, '--file', base], {
      env: { ...cms.env, BACKUP_ENCRYPTION_KEY: key },
      quiet: true,
    });
    const file = `${base}.tar.gz.enc`;
    expect(output).toContain(file);
    const head = fs.readFileSync(file).subarray(0, 2);
    expect([...head]).not.toEqual([0x1f, 0x8b]); // not a plain gzip: encrypted
    expect(fs.readFileSync(file).includes(Buffer.from(draftTitle))).toBe(false);

    // Wipe: the database file and the uploaded files are gone.
    await cms.stopServer();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${cms.sqlitePath}${suffix}`, { force: true });
    fs.rmSync(path.join(cms.publicDir, 'uploads'), { recursive: true, force: true });
    fs.mkdirSync(path.join(cms.publicDir, 'uploads'));

    // Refused: no --yes, no key, a wrong key.
    await expect(
      run(process.execPath, [restoreScript, file], { env: { ...cms.env, BACKUP_ENCRYPTION_KEY: key }, quiet: true }),
    ).rejects.toThrow(/--yes/);
    await expect(
      run(process.execPath, [restoreScript, file, '--yes'], {
        env: { ...cms.env, BACKUP_ENCRYPTION_KEY: '' },
        quiet: true,
      }),
    ).rejects.toThrow(/BACKUP_ENCRYPTION_KEY/);
    await expect(
      run(process.execPath, [restoreScript, file, '--yes'], {
        env: { ...cms.env, BACKUP_ENCRYPTION_KEY: 'wrong-key-wrong-key' },
        quiet: true,
      }),
    ).rejects.toThrow();

    await run(process.execPath, [restoreScript, file, '--yes'], {
      env: { ...cms.env, BACKUP_ENCRYPTION_KEY: key },
      quiet: true,
    });
    await cms.startServer();
    admin = await adminClient(cms);

    const after = await snapshot(admin);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const documentKey of Object.keys(before)) {
      expect({ documentKey, document: after[documentKey] }).toEqual({ documentKey, document: before[documentKey] });
    }
    expect(await mediaLibrary(cms, admin)).toEqual(mediaBefore);

    // The history came back too, and a version from before the backup restores with its cover.
    expect(historyBefore.slice(0, 3).map((version) => version.action)).toEqual(['update', 'publish', 'update']);
    expect(historyBefore[1].fields.cover.name).toBe('cover.png');
    expect(await history(admin, articleId)).toEqual(historyBefore);
    const { versions } = await admin('GET', `/history/documents/api::article.article/${articleId}?locale=mn`);
    await admin('POST', `/history/versions/${versions[1].id}/restore`, {});
    const draft = (await admin('GET', `/content-manager/collection-types/api::article.article/${articleId}?locale=mn`))
      .data;
    expect(draft.title).toBe(seedArticle.mn!.title);
    expect(draft.cover.name).toBe('cover.png');

    // The public API serves the restored content as before.
    const { body } = await request(
      cms,
      `/api/articles?locale=mn&filters[slug][$eq]=${encodeURIComponent(seedArticle.mn!.slug)}&populate[cover]=true`,
    );
    expect(body.data[0].title).toBe(seedArticle.mn!.title);
    expect(body.data[0].cover.name).toBe('cover.png');
  }, 300_000);
});
