import { adminClient, type AdminClient } from './helpers/admin-api';
import { request } from './helpers/api';
import { type Database, startSeededCms, type CmsInstance } from './helpers/cms-instance';
import { runSql } from './helpers/database';
import { isPublished, seedArticles } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const ARTICLES = '/content-manager/collection-types/api::article.article';

/** GET /api/articles/search on a real Strapi: ranking, scripts, case, drafts, unpublish, bad input. */
export function searchSuite(database: Database): void {
  describe(`article search (${database})`, () => {
    let cms: CmsInstance;
    let admin: AdminClient;
    const stamp = Date.now();
    // Words no seed article contains: each test's articles are the only ones that match.
    const MN_WORD = 'Үүрсөлжин';
    const ZH_CHAR = '龘';

    const search = async (locale: string, q: string, page?: number): Promise<Json> => {
      const query = new URLSearchParams({ locale, q, ...(page ? { page: String(page) } : {}) });
      const reply = await request(cms, `/api/articles/search?${query}`);
      expect(reply.status).toBe(200);
      return reply.body;
    };
    const titles = async (locale: string, q: string) => (await search(locale, q)).data.map((a: Json) => a.title);
    /** Creates an article draft in `locale` and publishes it unless `draftOnly`; returns its documentId. */
    const article = async (
      locale: string,
      fields: { title: string; summary: string; postedAt: string },
      draftOnly = false,
    ): Promise<string> => {
      const slug = `search-${stamp}-${Math.random().toString(36).slice(2, 8)}`;
      const draft = await admin('POST', `${ARTICLES}?locale=${locale}`, { ...fields, slug });
      const documentId: string = draft.data.documentId;
      if (!draftOnly) await admin('POST', `${ARTICLES}/${documentId}/actions/publish?locale=${locale}`, { locale });
      return documentId;
    };

    let newerTitleMatch: string;

    beforeAll(async () => {
      cms = await startSeededCms(database);
      admin = await adminClient(cms);
      // Same lengths, so bm25 (SQLite) scores the two title matches alike and the date decides.
      await article('mn', { title: `${MN_WORD} мэдээ А`, summary: 'Компанийн мэдээ нэг.', postedAt: '2020-01-01' });
      newerTitleMatch = await article('mn', {
        title: `${MN_WORD} мэдээ Б`,
        summary: 'Компанийн мэдээ хоёр',
        postedAt: '2023-01-01',
      });
      await article('mn', {
        title: 'Шинэ гэрчилгээ',
        summary: `Манай ${MN_WORD.toLowerCase()} төслийн тухай`,
        postedAt: '2025-06-01',
      });
      await article('mn', { title: `${MN_WORD} ноорог`, summary: 'Хэвлээгүй', postedAt: '2025-07-01' }, true);
      await article('zh', { title: `${ZH_CHAR}${ZH_CHAR}公司新闻`, summary: '一般新闻', postedAt: '2019-01-01' });
      await article('zh', { title: '普通新闻', summary: `关于${ZH_CHAR}的说明`, postedAt: '2024-01-01' });
      await article('zh', { title: `${ZH_CHAR}草稿`, summary: '未发布', postedAt: '2025-01-01' }, true);
    }, 300_000);

    afterAll(async () => {
      await cms?.stop();
    }, 60_000);

    test('title matches first, newest first among equals; then summary matches; drafts never', async () => {
      expect(await titles('mn', MN_WORD)).toEqual([`${MN_WORD} мэдээ Б`, `${MN_WORD} мэдээ А`, 'Шинэ гэрчилгээ']);
    });

    test('Cyrillic is case-insensitive, Ө/ө and Ү/ү included', async () => {
      const expected = await titles('mn', MN_WORD);
      expect(await titles('mn', MN_WORD.toLowerCase())).toEqual(expected);
      expect(await titles('mn', MN_WORD.toUpperCase())).toEqual(expected);
      expect(await titles('mn', 'үүрСӨЛ')).toEqual(expected);
    });

    test('one- and two-character Chinese terms, ranked; drafts never', async () => {
      expect(await titles('zh', ZH_CHAR)).toEqual([`${ZH_CHAR}${ZH_CHAR}公司新闻`, '普通新闻']);
      expect(await titles('zh', `${ZH_CHAR}${ZH_CHAR}`)).toEqual([`${ZH_CHAR}${ZH_CHAR}公司新闻`]);
      expect(await titles('zh', `${ZH_CHAR}的`)).toEqual(['普通新闻']);
      // Another locale's articles are not this one's results.
      expect(await titles('mn', ZH_CHAR)).toEqual([]);
    });

    test("the news list's summary shape, with plain-text match ranges", async () => {
      const body = await search('zh', ZH_CHAR);
      expect(body.meta).toEqual({ pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 }, totalCapped: false });
      const [first, second] = body.data;
      expect(first).toMatchObject({ locale: 'zh', postedAt: '2019-01-01', summary: '一般新闻' });
      expect(Object.keys(first)).toEqual(
        expect.arrayContaining(['documentId', 'slug', 'updatedAt', 'cover', 'category']),
      );
      expect(first.highlight).toEqual({
        title: [
          [0, 1],
          [1, 2],
        ],
        snippet: { text: '一般新闻', ranges: [], cutStart: false, cutEnd: false },
      });
      expect(second.highlight.snippet).toEqual({
        text: `关于${ZH_CHAR}的说明`,
        ranges: [[2, 3]],
        cutStart: false,
        cutEnd: false,
      });
      const cyrillic = (await search('mn', MN_WORD.toLowerCase())).data[0];
      expect(cyrillic.highlight.title).toEqual([[0, MN_WORD.length]]);
      // Past the last page: empty, same total.
      expect((await search('zh', ZH_CHAR, 2)).data).toEqual([]);
    });

    test("a result is the news list's entry for the same article, category and cover included", async () => {
      const seed = seedArticles.find((each) => isPublished(each.mn))!;
      const [found] = (await search('mn', seed.mn!.title)).data;
      const list = await request(
        cms,
        `/api/articles?locale=mn&filters[documentId][$eq]=${found.documentId}` +
          '&fields[0]=title&fields[1]=slug&fields[2]=summary&fields[3]=postedAt&fields[4]=updatedAt&fields[5]=locale' +
          '&fields[6]=coverAlt&populate[category][fields][0]=name&populate[category][fields][1]=slug' +
          '&populate[cover][fields][0]=url&populate[cover][fields][1]=alternativeText&populate[cover][fields][2]=caption' +
          '&populate[cover][fields][3]=width&populate[cover][fields][4]=height',
      );
      const { highlight, ...entry } = found;
      expect(highlight.title.length).toBeGreaterThan(0);
      expect(entry).toEqual(list.body.data[0]);
      expect(entry.category).not.toBeNull();
    });

    test('unpublishing removes an article from the results; publishing brings it back', async () => {
      await admin('POST', `${ARTICLES}/${newerTitleMatch}/actions/unpublish?locale=mn`, { locale: 'mn' });
      expect(await titles('mn', MN_WORD)).toEqual([`${MN_WORD} мэдээ А`, 'Шинэ гэрчилгээ']);
      await admin('POST', `${ARTICLES}/${newerTitleMatch}/actions/publish?locale=mn`, { locale: 'mn' });
      expect(await titles('mn', MN_WORD)).toEqual([`${MN_WORD} мэдээ Б`, `${MN_WORD} мэдээ А`, 'Шинэ гэрчилгээ']);
    });

    test.each([
      ['no text', 'locale=mn', 'q'],
      ['a blank text', 'locale=mn&q=%20%20', 'q'],
      ['a text of 101 characters', `locale=mn&q=${'ө'.repeat(101)}`, 'q'],
      ['two texts', 'locale=mn&q=a&q=b', 'q'],
      ['no locale', 'q=abc', 'locale'],
      ['an unknown locale', 'locale=xx&q=abc', 'locale'],
      ['page 0', 'locale=mn&q=abc&page=0', 'page'],
      ['a page that is not a number', 'locale=mn&q=abc&page=2x', 'page'],
      ['a page past the counted results', 'locale=mn&q=abc&page=101', 'page'],
      ['a control character', 'locale=mn&q=a%00b', undefined],
    ])('refuses %s with a 400', async (_what, query, param) => {
      const reply = await request(cms, `/api/articles/search?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toEqual(expect.any(String));
      if (param) expect(reply.body.error.details.param).toBe(param);
    });

    test('a database whose search rows are missing gets them back at start', async () => {
      const expected = await titles('mn', MN_WORD);
      // As after rows written while the triggers were missing: the copy no longer matches.
      await runSql(cms, 'DELETE FROM articles_search_rows');
      expect(await titles('mn', MN_WORD)).toEqual([]);
      await cms.restart();
      expect(await titles('mn', MN_WORD)).toEqual(expected);
      expect(await titles('zh', ZH_CHAR)).toEqual([`${ZH_CHAR}${ZH_CHAR}公司新闻`, '普通新闻']);
    }, 180_000);

    test('LIKE wildcards are searched for literally', async () => {
      expect(await titles('mn', '%%%')).toEqual([]);
      expect(await titles('mn', '_')).toEqual([]);
    });
  });
}
