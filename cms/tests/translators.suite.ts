import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { adminSession, createAdminUser, loginAdmin, runI18nCli, type AdminSession } from './helpers/admin-api';
import { startSeededCms, type CmsInstance, type Database } from './helpers/cms-instance';
import { runSql } from './helpers/database';
import { seedArticles } from './helpers/seed-data';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

const ARTICLES = '/content-manager/collection-types/api::article.article';
const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
const SEED_KEY = 'zhuanjingtexin-certificate-2019';
const ZH_ONLY_KEY = 'resume-production-2020';

/** A formatted Mongolian article: heading, bold, bold+italic, a link, a list with underline, a code block. */
const FORMATTED_BODY = [
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Шинэ бүтээгдэхүүн' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Манай ' },
      { type: 'text', text: 'хүйтэнд тэсвэртэй', bold: true },
      { type: 'text', text: ' булыг ' },
      { type: 'text', text: 'одоо', bold: true, italic: true },
      { type: 'text', text: ' захиалах боломжтой. ' },
      { type: 'link', url: 'https://example.com/catalog', children: [{ type: 'text', text: 'Каталог' }] },
      { type: 'text', text: ' үзнэ үү.' },
    ],
  },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [{ type: 'text', text: 'Хөнгөн' }] },
      { type: 'list-item', children: [{ type: 'text', text: '-45°C хүйтэнд ажиллана', underline: true }] },
    ],
  },
  { type: 'code', language: 'plaintext', children: [{ type: 'text', text: 'MDX-200' }] },
];
const ZH_TEXT: Record<string, string> = {
  'Хүйтэнд тэсвэртэй бул': '耐寒托辊',
  'Шинэ загварын танилцуулга': '新型号介绍',
  'Шинэ бүтээгдэхүүн': '新产品',
  'Манай ': '我们的',
  'хүйтэнд тэсвэртэй': '耐寒',
  ' булыг ': '托辊',
  одоо: '现在',
  ' захиалах боломжтой. ': '可以订购。',
  Каталог: '目录',
  ' үзнэ үү.': '请查看。',
  Хөнгөн: '轻量',
  '-45°C хүйтэнд ажиллана': '-45°C 可用',
};
/** The Chinese body a correct import produces: the Mongolian structure with the Chinese text. */
const translateBlocks = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(translateBlocks);
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node.type === 'text' && typeof node.text === 'string' && ZH_TEXT[node.text])
      return { ...node, text: ZH_TEXT[node.text] };
    return Object.fromEntries(Object.entries(node).map(([key, v]) => [key, translateBlocks(v)]));
  }
  return value;
};

const elements = (parent: Node, name: string): Element[] =>
  Array.from((parent as Element).getElementsByTagNameNS(XLIFF_NS, name) as unknown as ArrayLike<Element>);

/** Fills every <target> of `fileId` with the dictionary's Chinese, keeping the source's inline codes. */
function fillTargets(
  xliff: string,
  fileId: string,
  translate: (text: string) => string = (text) => ZH_TEXT[text] ?? `【${text}】`,
): string {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml');
  const file = elements(doc, 'file').find((f) => f.getAttribute('id') === fileId);
  if (!file) throw new Error(`no <file id="${fileId}"> in the export`);
  for (const segment of elements(file, 'segment')) {
    for (const old of elements(segment, 'target')) segment.removeChild(old);
    const target = elements(segment, 'source')[0]!.cloneNode(true) as Element;
    const rename = doc.createElementNS(XLIFF_NS, 'target');
    while (target.firstChild) rename.appendChild(target.firstChild);
    const visit = (node: Node) => {
      if (node.nodeType === 3) node.nodeValue = translate(node.nodeValue ?? '');
      for (const child of Array.from(node.childNodes as unknown as ArrayLike<Node>)) visit(child);
    };
    visit(rename);
    segment.appendChild(rename);
    segment.setAttribute('state', 'translated');
  }
  return new XMLSerializer().serializeToString(doc);
}

function editXliff(xliff: string, edit: (doc: ReturnType<DOMParser['parseFromString']>) => void): string {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml');
  edit(doc);
  return new XMLSerializer().serializeToString(doc);
}

export function describeTranslators(database: Database): void {
  describe(`translators on ${database}`, () => {
    let cms: CmsInstance;
    let admin: AdminSession;
    let zh: AdminSession;
    let mn: AdminSession;
    let editor: AdminSession;
    let tmp: string;
    // Filled in beforeAll, read by every test after it.
    const ids = { seed: '', zhOnly: '', formatted: '' };

    const documentIdOf = async (key: string, locale: 'mn' | 'zh') => {
      const slug = seedArticles.find((article) => article.key === key)![locale]!.slug;
      const list = await admin.request('GET', `${ARTICLES}?locale=${locale}&filters[slug][$eq]=${slug}`);
      return list.body.results[0].documentId as string;
    };
    const statusOf = async (documentId: string, session = admin) => {
      const report = await session.request('GET', '/translations/status');
      expect(report.status).toBe(200);
      return report.body.rows.find((row: Json) => row.documentId === documentId);
    };
    const cli = (args: string[], session: AdminSession) =>
      runI18nCli([...args, '--url', cms.baseUrl], { MEDEE_CMS_TOKEN: session.token }, tmp);
    /** What an import may change: every article's drafts in both locales, and the status view. */
    const snapshot = async () => {
      const drafts = await admin.request('GET', `${ARTICLES}?locale=zh&pageSize=100&sort=documentId:asc`);
      const mnDrafts = await admin.request('GET', `${ARTICLES}?locale=mn&pageSize=100&sort=documentId:asc`);
      const status = await admin.request('GET', '/translations/status');
      return { zh: drafts.body.results, mn: mnDrafts.body.results, status: status.body };
    };

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-i18n-'));
      cms = await startSeededCms(database);
      admin = await loginAdmin(cms.baseUrl, cms.admin);
      zh = await loginAdmin(cms.baseUrl, cms.translators.zh);
      mn = await loginAdmin(cms.baseUrl, cms.translators.mn);
      editor = await createAdminUser(cms.baseUrl, admin, 'Editor', 'an-editor@medee.test', 'Editor-pass-123');
      ids.seed = await documentIdOf(SEED_KEY, 'mn');
      ids.zhOnly = await documentIdOf(ZH_ONLY_KEY, 'zh');
    }, 300_000);

    afterAll(async () => {
      await cms?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }, 60_000);

    describe('roles', () => {
      test('the bootstrap created Editor, Translator (mn) and Translator (zh), once', async () => {
        const roles = await admin.request('GET', '/admin/roles');
        const names = roles.body.data.map((role: Json) => role.name);
        for (const name of ['Editor', 'Translator (mn)', 'Translator (zh)'])
          expect(names.filter((n: string) => n === name)).toHaveLength(1);
        const users = await admin.request('GET', '/admin/users?pageSize=50');
        const zhUser = users.body.data.results.find((user: Json) => user.email === cms.translators.zh.email);
        expect(zhUser.roles.map((role: Json) => role.name)).toEqual(['Translator (zh)']);
      });

      test('a zh translator reads both locales and updates the zh draft', async () => {
        expect((await zh.request('GET', `${ARTICLES}/${ids.seed}?locale=mn`)).status).toBe(200);
        const updated = await zh.request('PUT', `${ARTICLES}/${ids.seed}?locale=zh`, { summary: '译者更新的摘要' });
        expect(updated.status).toBe(200);
        expect(updated.body.data).toMatchObject({ locale: 'zh', summary: '译者更新的摘要' });
        // The published zh version is untouched: translators write drafts.
        const published = await fetch(`${cms.baseUrl}/api/articles/${ids.seed}?locale=zh`);
        expect(((await published.json()) as Json).data.summary).not.toBe('译者更新的摘要');
      });

      test('a zh translator gets 403 updating mn, publishing, deleting, or creating an mn variant', async () => {
        const mnBefore = await admin.request('GET', `${ARTICLES}/${ids.seed}?locale=mn`);
        expect((await zh.request('PUT', `${ARTICLES}/${ids.seed}?locale=mn`, { title: 'hacked' })).status).toBe(403);
        expect((await zh.request('POST', `${ARTICLES}/${ids.seed}/actions/publish?locale=zh`, {})).status).toBe(403);
        expect((await zh.request('DELETE', `${ARTICLES}/${ids.seed}?locale=zh`)).status).toBe(403);
        expect((await zh.request('POST', `${ARTICLES}/${ids.seed}/actions/unpublish?locale=zh`, {})).status).toBe(403);
        // A new mn variant of a zh-only article, and a brand-new mn article.
        expect((await zh.request('PUT', `${ARTICLES}/${ids.zhOnly}?locale=mn`, { title: 'hacked' })).status).toBe(403);
        expect(
          (await zh.request('POST', `${ARTICLES}?locale=mn`, { title: 'hacked', postedAt: '2026-01-01' })).status,
        ).toBe(403);
        const mnAfter = await admin.request('GET', `${ARTICLES}/${ids.seed}?locale=mn`);
        expect(mnAfter.body.data.title).toBe(mnBefore.body.data.title);
        expect((await admin.request('GET', `${ARTICLES}/${ids.zhOnly}?locale=mn`)).body.data?.title).not.toBe('hacked');
      });

      test('a translator cannot change shared fields through its own locale', async () => {
        const before = await admin.request('GET', `${ARTICLES}/${ids.seed}?locale=mn`);
        const updated = await zh.request('PUT', `${ARTICLES}/${ids.seed}?locale=zh`, {
          postedAt: '1999-01-01',
          summary: '译者更新的摘要',
        });
        expect(updated.status).toBe(200);
        const after = await admin.request('GET', `${ARTICLES}/${ids.seed}?locale=mn`);
        expect(after.body.data.postedAt).toBe(before.body.data.postedAt);
      });

      test('a translator has no settings, users or roles', async () => {
        for (const apiPath of ['/admin/users', '/admin/roles', '/i18n/locales/1']) {
          const method = apiPath.startsWith('/i18n') ? 'DELETE' : 'GET';
          expect((await zh.request(method, apiPath)).status).toBe(403);
        }
        expect((await mn.request('PUT', `${ARTICLES}/${ids.seed}?locale=zh`, { summary: 'x' })).status).toBe(403);
      });

      test('the editor can update and publish in both locales', async () => {
        expect(
          (await editor.request('PUT', `${ARTICLES}/${ids.seed}?locale=mn`, { summary: 'Редактор засав.' })).status,
        ).toBe(200);
        for (const locale of ['mn', 'zh']) {
          const published = await editor.request(
            'POST',
            `${ARTICLES}/${ids.seed}/actions/publish?locale=${locale}`,
            {},
          );
          expect(published.status).toBe(200);
        }
        const live = await fetch(`${cms.baseUrl}/api/articles/${ids.seed}?locale=zh`);
        expect(((await live.json()) as Json).data.summary).toBe('译者更新的摘要');
      });
    });

    describe('status', () => {
      test('editing the mn source flips zh to outdated; updating zh flips it back', async () => {
        // The editor changed the mn summary after the translator's last zh save (tests above).
        const before = await statusOf(ids.seed);
        expect(before.sourceLocale).toBe('mn');
        expect(before.locales.zh).toMatchObject({ status: 'outdated', isSource: false, published: true });
        await zh.request('PUT', `${ARTICLES}/${ids.seed}?locale=zh`, { summary: '编辑修改后的译文。' });
        expect((await statusOf(ids.seed)).locales.zh.status).toBe('published');

        // A shared field is not text to translate.
        await editor.request('PUT', `${ARTICLES}/${ids.seed}?locale=mn`, { postedAt: '2022-01-30' });
        expect((await statusOf(ids.seed)).locales.zh.status).toBe('published');

        await editor.request('PUT', `${ARTICLES}/${ids.seed}?locale=mn`, {
          title: 'Мэргэшсэн, тусгай, шинэ бүтээгдэхүүний технологийн гэрчилгээ (засвар)',
        });
        const outdated = await statusOf(ids.seed, zh);
        expect(outdated.locales.zh).toMatchObject({ status: 'outdated', published: true });
        expect(outdated.locales.mn).toMatchObject({ status: 'published', isSource: true });

        // Publishing from the admin saves the form first; an unchanged text stays outdated.
        expect((await editor.request('POST', `${ARTICLES}/${ids.seed}/actions/publish?locale=zh`, {})).status).toBe(
          200,
        );
        expect((await statusOf(ids.seed)).locales.zh.status).toBe('outdated');

        await zh.request('PUT', `${ARTICLES}/${ids.seed}?locale=zh`, { title: '专精特新产品技术证书（修订）' });
        expect((await statusOf(ids.seed, zh)).locales.zh.status).toBe('published');
      });

      test('a translator can confirm an outdated translation that still holds, in its own locale only', async () => {
        await editor.request('PUT', `${ARTICLES}/${ids.seed}?locale=mn`, { summary: 'Жижиг засвар.' });
        expect((await statusOf(ids.seed)).locales.zh.status).toBe('outdated');
        const confirm = { contentType: 'api::article.article', documentId: ids.seed, locale: 'zh' };
        expect((await mn.request('POST', '/translations/confirm', confirm)).status).toBe(403);
        expect((await statusOf(ids.seed)).locales.zh.status).toBe('outdated');
        // The zh text as the tests above left it has no QA findings (a refusal is tested under "glossary and QA checks").
        const confirmed = await zh.request('POST', '/translations/confirm', confirm);
        expect(confirmed.status).toBe(200);
        expect(confirmed.body.locales.zh.status).toBe('published');
      });

      test('the seed content: mn originals, zh-only articles and missing translations', async () => {
        const report = (await admin.request('GET', '/translations/status')).body;
        expect(report.locales).toEqual(['mn', 'zh']);
        const articles = report.rows.filter((row: Json) => row.type === 'article');
        expect(articles).toHaveLength(seedArticles.length);
        for (const article of seedArticles) {
          const documentId = await documentIdOf(article.key, article.mn ? 'mn' : 'zh');
          const row = articles.find((r: Json) => r.documentId === documentId);
          expect(row.sourceLocale).toBe(article.mn ? 'mn' : 'zh');
          for (const locale of ['mn', 'zh'] as const) {
            const expected = !article[locale]
              ? 'missing'
              : (article[locale]!.status ?? 'published') === 'draft'
                ? 'draft'
                : 'published';
            // The seed article was edited and republished by the tests above.
            if (article.key !== SEED_KEY) expect([locale, row.locales[locale].status]).toEqual([locale, expected]);
          }
        }
        expect(report.rows.filter((row: Json) => row.type === 'certificate').length).toBeGreaterThan(0);
      });

      test('npm run i18n -- status agrees with the status view, --check fails on missing translations', async () => {
        const api = (await zh.request('GET', '/translations/status')).body;
        const json = await cli(['status', '--json'], zh);
        expect(json.code).toBe(0);
        expect(JSON.parse(json.stdout)).toEqual(api);

        const table = await cli(['status', '--locale', 'zh', '--check'], zh);
        expect(table.code).toBe(1);
        expect(table.stderr).toMatch(/missing, outdated or only drafts in zh/);
        const missing = api.rows.filter((row: Json) => row.locales.zh.status === 'missing');
        expect(missing.length).toBeGreaterThan(0);
        for (const row of missing) expect(table.stdout).toMatch(new RegExp(`${row.documentId}.*MISSING`));
        expect(table.stdout).not.toMatch(/\bMN\b/);
      });
    });

    describe('needs work, and what the user may do', () => {
      test('needsWork: missing, outdated and draft-only translations (the 2024-10-22 article, a zh draft), not the source', async () => {
        const report = (await zh.request('GET', '/translations/status')).body;
        const draftOnly = await documentIdOf('cold-resistant-light-roller-2024', 'mn');
        const row = report.rows.find((r: Json) => r.documentId === draftOnly);
        expect(row.locales.zh).toMatchObject({ status: 'draft', needsWork: true });
        expect(row.locales.mn).toMatchObject({ isSource: true, needsWork: false });
        for (const r of report.rows)
          for (const state of Object.values(r.locales) as Json[])
            expect([state.status, state.needsWork]).toEqual([
              state.status,
              !state.isSource && ['missing', 'outdated', 'draft'].includes(state.status),
            ]);
        // --check counts draft-only translations too.
        const check = await cli(['status', '--locale', 'zh', '--check', '--json'], zh);
        expect(check.code).toBe(1);
      });

      test('the status answer says which locales the user may create and update, per type', async () => {
        const forZh = (await zh.request('GET', '/translations/status')).body.may;
        expect(forZh['api::article.article']).toEqual({ create: ['zh'], update: ['zh'] });
        const forEditor = (await editor.request('GET', '/translations/status')).body.may;
        expect(forEditor['api::article.article']).toEqual({ create: ['mn', 'zh'], update: ['mn', 'zh'] });
      });
    });

    describe('glossary and QA checks', () => {
      const TERMS = '/content-manager/collection-types/api::term.term';
      const WORDS = '/content-manager/collection-types/api::dictionary-word.dictionary-word';
      let qaDoc = '';
      const qaOf = async (session = zh) => {
        const answer = await session.request('GET', `/translations/qa?documentId=${qaDoc}&locale=mn`);
        expect(answer.status).toBe(200);
        return answer.body.documents[0].findings as Json[];
      };

      beforeAll(async () => {
        // A Chinese original and a Mongolian translation with one problem of each kind.
        const created = await editor.request('POST', `${ARTICLES}?locale=zh`, {
          title: '公司获得“专精特新”证书',
          summary: '2022年1月29日，公司累计出口托辊20万件。',
          body: [
            {
              type: 'paragraph',
              children: [{ type: 'text', text: '证书编号QDZJTX-2019-0417，详见 https://example.com/cert。' }],
            },
          ],
          postedAt: '2026-03-01',
        });
        expect(created.status).toBe(201);
        qaDoc = created.body.data.documentId;
        const translated = await editor.request('PUT', `${ARTICLES}/${qaDoc}?locale=mn`, {
          title: 'Компани “Мэргэшсэн, тусгай, шинэ” гэрчилгээ авлаа',
          summary: 'Компани нийт 100 мянган бул экспортолжээ, Бэйланжин гэрчлгээ.',
          body: [
            {
              type: 'paragraph',
              children: [{ type: 'text', text: '证书编号QDZJTX-2019-0417，详见 https://example.com/cert。' }],
            },
          ],
          postedAt: '2026-03-01',
        });
        expect(translated.status).toBe(200);
      });

      // A zh original with an mn translation would be read as an mn original by the adoption test below.
      afterAll(async () => {
        for (const locale of ['mn', 'zh'])
          expect((await editor.request('DELETE', `${ARTICLES}/${qaDoc}?locale=${locale}`)).status).toBe(200);
      });

      test('the seeded glossary: editors manage terms, translators read them', async () => {
        const list = await zh.request('GET', `${TERMS}?pageSize=100`);
        expect(list.status).toBe(200);
        expect(list.body.results).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ zh: '专精特新', mn: 'Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг' }),
            expect.objectContaining({ zh: '青岛北岚精工科技有限公司', mn: 'Чиндао Бэйлан Технологи ХХК' }),
            expect.objectContaining({ zh: '青岛市“专精特新”中小企业证书' }),
          ]),
        );
        expect((await zh.request('POST', TERMS, { mn: 'х', zh: 'x' })).status).toBe(403);
        expect((await zh.request('POST', WORDS, { word: 'Бэйланжин' })).status).toBe(403);
        const term = await editor.request('POST', TERMS, { mn: 'Эрээн', zh: '二连浩特', note: 'city' });
        expect(term.status).toBe(201);
      });

      test('findings per segment: date, number, glossary miss, forbidden variant, spelling, untranslated', async () => {
        const findings = await qaOf();
        const at = (unit: string, check: string) =>
          findings.filter((f) => f.unit === unit && f.check === check).map((f) => f.value);
        expect(at('title', 'glossary')).toEqual(['Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг']);
        expect(at('title', 'forbidden')).toEqual(['Мэргэшсэн, тусгай, шинэ']);
        expect(at('summary', 'date')).toEqual(['2022-01-29']);
        expect(at('summary', 'number')).toEqual(['200000']);
        expect(at('summary', 'spelling').sort()).toEqual(['Бэйланжин', 'гэрчлгээ']);
        expect(findings.find((f) => f.unit === 'body')).toMatchObject({ segment: 'b0', check: 'untranslated' });
      });

      test('a company word an editor adds to the dictionary is accepted; the misspelling stays', async () => {
        expect((await editor.request('POST', WORDS, { word: 'Бэйланжин', note: 'brand' })).status).toBe(201);
        const spelling = (await qaOf()).filter((f) => f.check === 'spelling').map((f) => f.value);
        expect(spelling).toEqual(['гэрчлгээ']);
      });

      test('confirming a translation with findings is refused with them, unless the translator accepts them', async () => {
        const confirm = { contentType: 'api::article.article', documentId: qaDoc, locale: 'mn' };
        await editor.request('PUT', `${ARTICLES}/${qaDoc}?locale=zh`, { title: '公司获得“专精特新”证书（更新）' });
        const refused = await mn.request('POST', '/translations/confirm', confirm);
        expect(refused.status).toBe(422);
        expect(refused.body.findings.length).toBeGreaterThan(3);
        expect((await statusOf(qaDoc)).locales.mn.status).toBe('outdated');
        const accepted = await mn.request('POST', '/translations/confirm', { ...confirm, acceptFindings: true });
        expect(accepted.status).toBe(200);
        expect(accepted.body.locales.mn.status).toBe('draft');
        expect((await mn.request('GET', '/translations/qa?locale=xx')).status).toBe(400);
      });

      test('npm run i18n -- check: findings for every translation, --json, exit 1; exit 0 when clean', async () => {
        const text = await cli(['check'], zh);
        expect(text.code).toBe(1);
        expect(text.stdout).toMatch(new RegExp(`article ${qaDoc} zh → mn`));
        expect(text.stdout).toMatch(/summary s1\s+number\s+the number 200000 is not in the target/);
        expect(text.stdout).toMatch(/\d+ findings in \d+ of \d+ translations/);
        const json = await cli(['check', '--json'], zh);
        expect(json.code).toBe(1);
        const report = JSON.parse(json.stdout);
        expect(report.findings).toBeGreaterThan(0);
        const doc = report.documents.find((d: Json) => d.documentId === qaDoc);
        expect(doc).toMatchObject({ contentType: 'api::article.article', sourceLocale: 'zh', locale: 'mn' });
        expect(doc.findings[0]).toEqual(
          expect.objectContaining({
            unit: expect.any(String),
            segment: expect.any(String),
            check: expect.any(String),
            message: expect.any(String),
          }),
        );

        // Fixed: the translation carries every fact and term, spelt right.
        await mn.request('PUT', `${ARTICLES}/${qaDoc}?locale=mn`, {
          title: 'Компани “Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг” гэрчилгээ авлаа (шинэчилсэн)',
          summary: '2022 оны 1-р сарын 29-ний байдлаар компани нийт 200 мянган бул экспортолжээ.',
          body: [
            {
              type: 'paragraph',
              children: [
                {
                  type: 'text',
                  text: 'Гэрчилгээний дугаар QDZJTX-2019-0417, дэлгэрэнгүйг https://example.com/cert хаягаар үзнэ үү.',
                },
              ],
            },
          ],
        });
        expect(await qaOf()).toEqual([]);
        const clean = await cli(['check', '--document', qaDoc], zh);
        expect([clean.code, clean.stdout]).toEqual([0, expect.stringMatching(/^\n?0 findings in 0 of 1 translations/)]);
      });
    });

    describe('XLIFF 2.0 round trip', () => {
      let xliff: string;
      const fileId = () => `article-${ids.formatted}`;

      beforeAll(async () => {
        const created = await admin.request('POST', `${ARTICLES}?locale=mn`, {
          title: 'Хүйтэнд тэсвэртэй бул',
          summary: 'Шинэ загварын танилцуулга',
          body: FORMATTED_BODY,
          postedAt: '2026-02-01',
        });
        expect(created.status).toBe(201);
        ids.formatted = created.body.data.documentId;
        // Slug generated from the Mongolian title.
        expect(created.body.data.slug).toBe('khuitend-tesvertei-bul');
      });

      test('export: XLIFF 2.0, srcLang/trgLang, a <file> per document, units per field, codes inline', async () => {
        const out = path.join(tmp, 'missing.xlf');
        const result = await cli(
          ['export', '--source', 'mn', '--target', 'zh', '--only', 'missing', '--out', 'missing.xlf'],
          zh,
        );
        expect(result.code).toBe(0);
        xliff = fs.readFileSync(out, 'utf8');
        const doc = new DOMParser().parseFromString(xliff, 'text/xml');
        const root = doc.documentElement!;
        expect([root.namespaceURI, root.localName, root.getAttribute('version')]).toEqual([XLIFF_NS, 'xliff', '2.0']);
        expect([root.getAttribute('srcLang'), root.getAttribute('trgLang')]).toEqual(['mn', 'zh']);

        const files = elements(doc, 'file');
        const report = (await admin.request('GET', '/translations/status')).body;
        const expected = report.rows.filter(
          (row: Json) => row.sourceLocale === 'mn' && row.locales.zh.status === 'missing',
        );
        expect(files.map((f) => f.getAttribute('original')).sort()).toEqual(
          expected.map((row: Json) => `${row.contentType}/${row.documentId}`).sort(),
        );
        expect(new Set(files.map((f) => f.getAttribute('id'))).size).toBe(files.length);
        for (const file of files) {
          const unitIds = elements(file, 'unit').map((u) => u.getAttribute('id'));
          expect(new Set(unitIds).size).toBe(unitIds.length);
          for (const segment of elements(file, 'segment')) {
            expect(elements(segment, 'source')).toHaveLength(1);
            expect(elements(segment, 'target')).toHaveLength(0);
          }
        }
        const ours = files.find((f) => f.getAttribute('id') === fileId())!;
        expect(elements(ours, 'unit').map((u) => u.getAttribute('id'))).toEqual(['title', 'summary', 'body']);
        const body = elements(ours, 'unit')[2]!;
        expect(elements(body, 'segment').map((s) => s.getAttribute('id'))).toEqual(['b0', 'b1', 'b2.0', 'b2.1']);
        const pcs = elements(body, 'pc').map((pc) => [
          pc.getAttribute('id'),
          pc.getAttribute('type'),
          pc.getAttribute('subType'),
        ]);
        expect(pcs).toEqual([
          ['1', 'fmt', 'xlf:b'],
          ['2', 'fmt', 'xlf:b'],
          ['3', 'fmt', 'xlf:i'],
          ['4', 'link', null],
          ['5', 'fmt', 'xlf:u'],
        ]);
      });

      test('import writes exactly the targets into a new zh draft on the mn structure, and never publishes', async () => {
        const filled = path.join(tmp, 'filled.xlf');
        fs.writeFileSync(
          filled,
          editXliff(fillTargets(xliff, fileId()), (doc) => {
            // Only our document: the other files stay untranslated and are skipped.
            for (const file of elements(doc, 'file'))
              if (file.getAttribute('id') !== fileId()) file.parentNode!.removeChild(file);
          }),
        );
        const result = await cli(['import', 'filled.xlf'], zh);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`created\\s+${fileId()}`));

        const zhDraft = (await admin.request('GET', `${ARTICLES}/${ids.formatted}?locale=zh`)).body.data;
        expect(zhDraft.title).toBe('耐寒托辊');
        expect(zhDraft.summary).toBe('新型号介绍');
        expect(zhDraft.body).toEqual(translateBlocks(FORMATTED_BODY));
        expect(zhDraft.slug).toBe('nai-han-tuo-gun');
        expect(zhDraft.postedAt).toBe('2026-02-01');
        expect(zhDraft.publishedAt).toBeNull();
        const live = await fetch(`${cms.baseUrl}/api/articles/${ids.formatted}?locale=zh`);
        expect(live.status).toBe(404);
        expect((await statusOf(ids.formatted)).locales.zh.status).toBe('draft');
      });

      test('re-importing the same file changes nothing', async () => {
        const before = await snapshot();
        const result = await cli(['import', 'filled.xlf'], zh);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`unchanged\\s+${fileId()}`));
        expect(await snapshot()).toEqual(before);
      });

      test('a later export carries the existing translation as targets', async () => {
        const result = await cli(['export', '--source', 'mn', '--target', 'zh', '--only', 'all'], zh);
        expect(result.code).toBe(0);
        const file = elements(new DOMParser().parseFromString(result.stdout, 'text/xml'), 'file').find(
          (f) => f.getAttribute('id') === fileId(),
        )!;
        // The segments' targets, not those of the memory matches (mtc:match) beside them.
        const targets = elements(file, 'segment')
          .flatMap((segment) => elements(segment, 'target'))
          .map((t) => new XMLSerializer().serializeToString(t));
        expect(targets).toHaveLength(6);
        expect(targets[3]).toContain('<pc id="4" type="link" canCopy="no" canDelete="no">目录</pc>');
      });

      describe('rejections leave the database unchanged', () => {
        const rejects = async (name: string, content: string, problem: RegExp, session = zh) => {
          fs.writeFileSync(path.join(tmp, name), content);
          const before = await snapshot();
          const result = await cli(['import', name], session);
          expect(result.code).not.toBe(0);
          expect(result.stderr).toMatch(/Import rejected, nothing was written/);
          expect(result.stderr).toMatch(problem);
          expect(await snapshot()).toEqual(before);
          return result;
        };
        const retranslated = () => fillTargets(xliff, fileId(), (text) => `新${ZH_TEXT[text] ?? text}`);

        test('an unknown document id, even next to a valid document', async () => {
          const bad = editXliff(retranslated(), (doc) => {
            const other = elements(doc, 'file').find((f) => f.getAttribute('id') !== fileId())!;
            other.setAttribute('original', 'api::article.article/doesnotexist0000000000000');
          });
          await rejects('unknown.xlf', bad, /unknown document: no article doesnotexist0000000000000 with a mn variant/);
        });

        test('broken inline codes: a code dropped, duplicated or renumbered', async () => {
          const dropLink = editXliff(retranslated(), (doc) => {
            const target = elements(doc, 'target').find((t) =>
              elements(t, 'pc').some((pc) => pc.getAttribute('id') === '4'),
            )!;
            const link = elements(target, 'pc').find((pc) => pc.getAttribute('id') === '4')!;
            target.replaceChild(doc.createTextNode('目录'), link);
          });
          await rejects(
            'dropped.xlf',
            dropLink,
            /unit body · segment b1: broken inline codes: inline code 4 \(link\) is missing/,
          );
          const duplicated = editXliff(retranslated(), (doc) => {
            const target = elements(doc, 'target').find((t) =>
              elements(t, 'pc').some((pc) => pc.getAttribute('id') === '1'),
            )!;
            target.appendChild(
              elements(target, 'pc')
                .find((pc) => pc.getAttribute('id') === '1')!
                .cloneNode(true),
            );
          });
          await rejects(
            'duplicated.xlf',
            duplicated,
            /segment b1: broken inline codes: inline code 1 appears more than once/,
          );
          const renumbered = editXliff(retranslated(), (doc) => {
            const pc = elements(doc, 'target')
              .flatMap((t) => elements(t, 'pc'))
              .find((p) => p.getAttribute('id') === '5')!;
            pc.setAttribute('id', '9');
          });
          await rejects(
            'renumbered.xlf',
            renumbered,
            /segment b2.1: broken inline codes: inline code 9 is not in the source/,
          );
        });

        test('a translator may not import into the other locale', async () => {
          const result = await rejects('as-mn.xlf', retranslated(), /forbidden: you may not update the zh variant/, mn);
          expect(result.code).toBe(3);
        });

        test('the source moved on since the export', async () => {
          const exported = retranslated();
          const changed = structuredClone(FORMATTED_BODY);
          (changed[1]!.children[0] as { text: string }).text = 'Бидний ';
          expect(
            (await editor.request('PUT', `${ARTICLES}/${ids.formatted}?locale=mn`, { body: changed })).status,
          ).toBe(200);
          expect((await statusOf(ids.formatted)).locales.zh.status).toBe('outdated');
          await rejects('stale.xlf', exported, /unit body · segment b1: source changed since the export/);
        });
      });
    });

    describe('slugs', () => {
      const create = async (locale: string, data: Record<string, unknown>) => {
        const created = await admin.request('POST', `${ARTICLES}?locale=${locale}`, {
          postedAt: '2026-03-01',
          ...data,
        });
        expect(created.status).toBe(201);
        return created.body.data;
      };

      test('generated from the title when empty, unique per locale with -2, -3', async () => {
        const first = await create('mn', { title: 'Мэргэшсэн гэрчилгээ', slug: '' });
        const second = await create('mn', { title: 'Мэргэшсэн гэрчилгээ' });
        const third = await create('mn', { title: 'Мэргэшсэн  гэрчилгээ!' });
        expect([first.slug, second.slug, third.slug]).toEqual([
          'mergeshsen-gerchilgee',
          'mergeshsen-gerchilgee-2',
          'mergeshsen-gerchilgee-3',
        ]);
        // The same slug is free in the other locale.
        const zhTitle = await create('zh', { title: 'Mergeshsen gerchilgee' });
        expect(zhTitle.slug).toBe('mergeshsen-gerchilgee');
        const chinese = await create('zh', { title: '专精特新证书' });
        expect(chinese.slug).toBe('zhuan-jing-te-xin-zheng-shu');
        // A slug the editor typed is kept.
        expect((await create('mn', { title: 'Мэргэшсэн гэрчилгээ', slug: 'my-own-slug' })).slug).toBe('my-own-slug');
        // The admin's slug field suggests the same as it is typed.
        const suggestion = await admin.request('POST', '/content-manager/uid/generate?locale=mn', {
          contentTypeUID: 'api::article.article',
          field: 'slug',
          data: { title: 'Мэргэшсэн гэрчилгээ' },
        });
        expect(suggestion.body.data).toBe('mergeshsen-gerchilgee-4');
      });

      test('a slug the admin made from the title but another article has gets -2 on save', async () => {
        // What the admin sends: the slug it derived as the editor typed, not yet checked.
        const first = await create('mn', { title: 'Тусгай мэдэгдэл', slug: 'tusgai-medegdel' });
        const second = await create('mn', { title: 'Тусгай мэдэгдэл', slug: 'tusgai-medegdel' });
        expect([first.slug, second.slug]).toEqual(['tusgai-medegdel', 'tusgai-medegdel-2']);
        // Saving it again keeps its own slug; renamed, the derived slug is checked again.
        const resaved = await admin.request('PUT', `${ARTICLES}/${second.documentId}?locale=mn`, {
          title: 'Тусгай мэдэгдэл',
          slug: 'tusgai-medegdel-2',
        });
        expect(resaved.body.data.slug).toBe('tusgai-medegdel-2');
        const third = await create('mn', { title: 'Өөр мэдэгдэл', slug: 'uur-medegdel' });
        const renamed = await admin.request('PUT', `${ARTICLES}/${third.documentId}?locale=mn`, {
          title: 'Тусгай мэдэгдэл',
          slug: 'tusgai-medegdel',
        });
        expect(renamed.body.data.slug).toBe('tusgai-medegdel-3');
        // A slug typed by hand is not changed behind the editor's back, taken or not (the admin marks
        // it "unavailable"; Strapi refuses to publish a second one).
        const typed = await create('mn', { title: 'Гуравдахь мэдэгдэл', slug: 'tusgai-medegdel' });
        expect(typed.slug).toBe('tusgai-medegdel');
      });

      test('an empty title never gives the slug "article"', async () => {
        const untitled = await create('mn', { slug: '' });
        expect(untitled.slug ?? '').toBe('');
        const punctuation = await create('mn', { title: '!!!' });
        expect(punctuation.slug ?? '').toBe('');
        const suggestion = await admin.request('POST', '/content-manager/uid/generate?locale=mn', {
          contentTypeUID: 'api::article.article',
          field: 'slug',
          data: { title: '' },
        });
        expect(suggestion.body.data).toBe('');
        // Named later, the draft gets its slug from the title.
        const named = await admin.request('PUT', `${ARTICLES}/${untitled.documentId}?locale=mn`, {
          title: 'Нэр өгсөн мэдээ',
          slug: '',
        });
        expect(named.body.data.slug).toBe('ner-ugsun-medee');
      });

      test('a new zh variant gets its own pinyin slug', async () => {
        const mnVariant = await create('mn', { title: 'Чиндаогийн үзэсгэлэн' });
        expect(mnVariant.slug).toBe('chindaogiin-uzesgelen');
        const zhVariant = await zh.request('PUT', `${ARTICLES}/${mnVariant.documentId}?locale=zh`, {
          title: '青岛展览会',
        });
        expect(zhVariant.status).toBe(200);
        expect(zhVariant.body.data.slug).toBe('qing-dao-zhan-lan-hui');
      });

      test('cleared before publishing: regenerated; after publishing: never changed silently', async () => {
        const draft = await create('mn', { title: 'Эхний гарчиг' });
        expect(draft.slug).toBe('ekhnii-garchig');
        const renamed = await admin.request('PUT', `${ARTICLES}/${draft.documentId}?locale=mn`, {
          title: 'Шинэ гарчиг',
          slug: '',
        });
        expect(renamed.body.data.slug).toBe('shine-garchig');

        expect(
          (await admin.request('POST', `${ARTICLES}/${draft.documentId}/actions/publish?locale=mn`, {})).status,
        ).toBe(200);
        const afterPublish = await admin.request('PUT', `${ARTICLES}/${draft.documentId}?locale=mn`, {
          title: 'Өөр гарчиг',
          slug: '',
        });
        expect(afterPublish.body.data.slug).toBe('shine-garchig');
        const titleOnly = await admin.request('PUT', `${ARTICLES}/${draft.documentId}?locale=mn`, {
          title: 'Гурав дахь гарчиг',
        });
        expect(titleOnly.body.data.slug).toBe('shine-garchig');
      });
    });

    test('a restart keeps roles, accounts and statuses as they are', async () => {
      const before = (await admin.request('GET', '/translations/status')).body;
      await cms.restart();
      admin = adminSession(cms.baseUrl, admin.token);
      const after = await admin.request('GET', '/translations/status');
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before);
      const roles = await admin.request('GET', '/admin/roles');
      expect(roles.body.data.filter((role: Json) => role.name.startsWith('Translator'))).toHaveLength(2);
    });

    test('documents without a tracking record (content loaded in bulk) are adopted at start, their translations taken as up to date', async () => {
      const before = (await admin.request('GET', '/translations/status')).body;
      const outdatedIn = (report: Json) =>
        report.rows.flatMap((row: Json) =>
          Object.entries(row.locales)
            .filter(([, state]) => (state as Json).status === 'outdated')
            .map(([locale]) => `${row.documentId}:${locale}`),
        );
      const translations = (report: Json) =>
        report.rows.flatMap((row: Json) =>
          Object.values(row.locales).filter(
            (state) => !(state as Json).isSource && (state as Json).status !== 'missing',
          ),
        );
      expect(translations(before).length).toBeGreaterThan(10);

      await runSql(cms, 'DELETE FROM translation_records');
      await cms.restart();
      admin = adminSession(cms.baseUrl, admin.token);
      const after = (await admin.request('GET', '/translations/status')).body;
      // Without records every translation would read as outdated; adopted, none does.
      expect(outdatedIn(after)).toEqual([]);
      expect(translations(after)).toHaveLength(translations(before).length);
      const sources = (report: Json) =>
        Object.fromEntries(report.rows.map((row: Json) => [row.documentId, row.sourceLocale]));
      expect(sources(after)).toEqual(sources(before));
    });
  });
}
