import { startCms } from '../../scripts/lib/cms.cjs';
import { freePort } from '../../scripts/lib/processes.cjs';
import { adminClient } from './helpers/admin-api';
import { request } from './helpers/api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { NoticeRecorder } from './helpers/notice-recorder';

const ARTICLE = 'api::article.article';
const articles = `/content-manager/collection-types/${ARTICLE}`;

describe('scheduled publishing with two CMS instances on one PostgreSQL database', () => {
  let first: CmsInstance;
  let second: Awaited<ReturnType<typeof startCms>>;
  let secondUrl: string;
  let recorder: NoticeRecorder;

  beforeAll(async () => {
    recorder = new NoticeRecorder();
    const siteUrl = await recorder.listen();
    first = await startSeededCms('postgres', {
      site: { url: siteUrl, revalidateUrl: `${siteUrl}/api/revalidate` },
      env: { SCHEDULE_INTERVAL_SECONDS: '1' },
    });
    const port = await freePort();
    second = await startCms({ ...first.env, PORT: String(port) });
    secondUrl = `http://127.0.0.1:${port}`;
  }, 300_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await recorder?.close();
  }, 60_000);

  test('each due variant is published once, with one change notice, whichever instance holds the lease', async () => {
    const admins = [await adminClient(first), await adminClient({ ...first, baseUrl: secondUrl })];
    const publishAt = new Date(Date.now() + 8000).toISOString();
    const documentIds: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      // Written through both instances: where a schedule was saved does not matter.
      const admin = admins[i % 2]!;
      const created = await admin('POST', `${articles}?locale=${i % 3 === 0 ? 'zh' : 'mn'}`, {
        title: `Хоёр сервер ${i}`,
        slug: `two-instances-${i}-${Date.now()}`,
        publishAt,
      });
      documentIds.push(created.data.documentId);
    }

    const from = recorder.notices.length;
    for (const documentId of documentIds)
      await recorder.waitFor(from, (body) => body.documentId === documentId, 60_000);
    // Ticks of both instances keep running for a few more seconds: nothing fires twice.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const notices = recorder.notices.slice(from).filter((n) => documentIds.includes(n.body.documentId));
    expect(notices.map((n) => n.body.documentId).sort()).toEqual([...documentIds].sort());
    expect(notices.every((n) => n.body.event === 'entry.publish')).toBe(true);

    for (const [i, documentId] of documentIds.entries()) {
      const locale = i % 3 === 0 ? 'zh' : 'mn';
      const found = await request(first, `/api/articles?locale=${locale}&filters[documentId][$eq]=${documentId}`);
      expect(found.body.data).toHaveLength(1);
    }
  }, 180_000);
});
