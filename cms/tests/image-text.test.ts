import fs from 'node:fs';
import path from 'node:path';
import { adminClient, type AdminClient } from './helpers/admin-api';
import { request } from './helpers/api';
import { startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { isPublished, seedArticles } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

// Issue 12 item 6: a cover's alternative text and caption per language (the media library keeps
// one per file, strapi/strapi#6994): the variant's own fields, public with the variant, and
// units of the XLIFF export like its other texts.

const ARTICLE = 'api::article.article';
const articles = `/content-manager/collection-types/${ARTICLE}`;
// The seed's cover file per article (helpers/seed-data types only what other tests read).
const covers: Json[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'seed', 'articles.json'), 'utf8'));
const withCover = seedArticles.find(
  (article) =>
    isPublished(article.mn) && isPublished(article.zh) && covers.some((raw) => raw.key === article.key && raw.cover),
)!;

describe('image text per locale', () => {
  let cms: CmsInstance;
  let admin: AdminClient;
  let documentId: string;

  beforeAll(async () => {
    cms = await startSeededCms('sqlite');
    admin = await adminClient(cms);
    const found = await request(
      cms,
      `/api/articles?locale=mn&filters[slug][$eq]=${encodeURIComponent(withCover.mn!.slug)}&fields[0]=slug`,
    );
    documentId = found.body.data[0].documentId;
    for (const [locale, coverAlt, coverCaption] of [
      ['mn', 'Гэрчилгээ гардуулж буй мөч', 'Гэрэл зургийг компани авав'],
      ['zh', '颁发证书的时刻', '公司摄影'],
    ] as const) {
      await admin('PUT', `${articles}/${documentId}?locale=${locale}`, { coverAlt, coverCaption });
      await admin('POST', `${articles}/${documentId}/actions/publish?locale=${locale}`, { locale });
    }
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
  }, 60_000);

  test('each published variant carries its own cover text, next to the one shared cover', async () => {
    const read = async (locale: string) =>
      (await request(cms, `/api/articles?locale=${locale}&filters[documentId][$eq]=${documentId}&populate[cover]=true`))
        .body.data[0];
    const [mn, zh] = [await read('mn'), await read('zh')];
    expect(mn).toMatchObject({ coverAlt: 'Гэрчилгээ гардуулж буй мөч', coverCaption: 'Гэрэл зургийг компани авав' });
    expect(zh).toMatchObject({ coverAlt: '颁发证书的时刻', coverCaption: '公司摄影' });
    expect(mn.cover.id).toBe(zh.cover.id);
  });

  test('the XLIFF export has a unit for the cover text, with the target when it exists', async () => {
    const response = await fetch(`${cms.baseUrl}/translations/export?source=mn&target=zh&only=all`, {
      headers: { Authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    const xliff = await response.text();
    const file = xliff.slice(xliff.indexOf(`original="${ARTICLE}/${documentId}"`));
    const unit = (id: string) =>
      file.slice(file.indexOf(`<unit id="${id}"`), file.indexOf('</unit>', file.indexOf(`<unit id="${id}"`)));
    expect(unit('coverAlt')).toMatch(/<source>Гэрчилгээ гардуулж буй мөч<\/source>\s*<target>颁发证书的时刻<\/target>/);
    expect(unit('coverCaption')).toMatch(/<source>Гэрэл зургийг компани авав<\/source>\s*<target>公司摄影<\/target>/);
  });
});
