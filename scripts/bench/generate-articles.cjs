// Bench data: tops the CMS up to N published articles per locale (mn + zh), fast enough for
// 10,000 × 2 in well under a minute. Rows are written in bulk through Strapi's own database
// connection (strapi.db), shaped by Strapi's model metadata, exactly as the Document Service
// would leave a published document: a draft row and a published row per locale sharing one
// documentId, each linked to the same locale's category row of the same publication state,
// some with certificates and an SEO component.
//
// Usage (with the CMS's environment, e.g. from scripts/bench/run.mjs):
//   node scripts/bench/generate-articles.cjs --per-locale 10000
'use strict';

const crypto = require('node:crypto');
const { runWithStrapi } = require('../../cms/scripts/with-strapi.cjs');

const LOCALES = ['mn', 'zh'];
const BATCH = 500;
// Rows per INSERT statement. knex writes a multi-row insert on SQLite as one SELECT … UNION ALL
// SELECT … per row, and SQLite refuses more than 500 terms in a compound SELECT
// (SQLITE_MAX_COMPOUND_SELECT): a batch of 500 documents is 2,000 article rows.
const ROWS_PER_INSERT = 500;

/**
 * Inserts `rows` into `table` in statements of at most ROWS_PER_INSERT rows; with `returning`,
 * returns the new ids in the order of `rows`.
 */
async function insertRows(trx, table, rows, returning) {
  const ids = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    if (!returning) {
      await trx(table).insert(chunk);
      continue;
    }
    const inserted = await trx(table).insert(chunk, ['id']);
    ids.push(...inserted.map((row) => (typeof row === 'object' ? row.id : row)));
  }
  return ids;
}

// Word pools: [Mongolian, its Latin slug form, Chinese, its pinyin slug form]. Corporate-news
// vocabulary so titles, bodies and slugs have realistic lengths and scripts.
const WORDS = [
  ['компани', 'kompani', '公司', 'gongsi'],
  ['гэрчилгээ', 'gerchilgee', '证书', 'zhengshu'],
  ['үйлдвэр', 'uildver', '企业', 'qiye'],
  ['хамтын ажиллагаа', 'khamtyn-ajillagaa', '合作', 'hezuo'],
  ['үзэсгэлэн', 'uzesgelen', '展览会', 'zhanlanhui'],
  ['технологи', 'tekhnologi', '技术', 'jishu'],
  ['шинэ бүтээгдэхүүн', 'shine-buteegdekhuun', '新产品', 'xin-chanpin'],
  ['чанар', 'chanar', '质量', 'zhiliang'],
  ['хөгжил', 'khugjil', '发展', 'fazhan'],
  ['Чиндао', 'chindao', '青岛', 'qingdao'],
  ['Улаанбаатар', 'ulaanbaatar', '乌兰巴托', 'wulanbatuo'],
  ['гэрээ', 'geree', '签约', 'qianyue'],
  ['төсөл', 'tusul', '项目', 'xiangmu'],
  ['хурал', 'khural', '会议', 'huiyi'],
  ['ажилтан', 'ajiltan', '员工', 'yuangong'],
  ['сургалт', 'surgalt', '培训', 'peixun'],
  ['экспорт', 'eksport', '出口', 'chukou'],
  ['зах зээл', 'zakh-zeel', '市场', 'shichang'],
  ['амжилт', 'amjilt', '成功', 'chenggong'],
  ['мэргэшсэн', 'mergeshsen', '专精特新', 'zhuanjingtexin'],
  ['уул уурхай', 'uul-uurkhai', '矿业', 'kuangye'],
  ['тоног төхөөрөмж', 'tonog-tukhuurumj', '设备', 'shebei'],
  ['стандарт', 'standart', '标准', 'biaozhun'],
  ['инноваци', 'innovatsi', '创新', 'chuangxin'],
];
const MN_CONNECTIVES = ['болон', 'ба', 'талаар', 'дахь', 'шинээр', 'амжилттай', 'олон улсын', 'жил бүрийн'];
const ZH_CONNECTIVES = ['和', '的', '关于', '在', '成功', '国际', '年度', '推进'];

/** A small deterministic PRNG (mulberry32), so a run is reproducible from its seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Strapi-like documentId: 24 lowercase alphanumerics. */
function documentId() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(24);
  let id = 'b';
  for (let i = 1; i < 24; i += 1) id += alphabet[bytes[i] % alphabet.length];
  return id;
}

function makeText(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (count) => Array.from({ length: count }, () => pick(WORDS));
  const mnSentence = () => {
    const parts = words(6 + Math.floor(random() * 8)).map((w, i) =>
      i % 3 === 2 ? `${w[0]} ${pick(MN_CONNECTIVES)}` : w[0],
    );
    const text = parts.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const zhSentence = () =>
    `${words(5 + Math.floor(random() * 8))
      .map((w, i) => (i % 2 ? w[2] + pick(ZH_CONNECTIVES) : w[2]))
      .join('')}。`;
  return { pick, words, mnSentence, zhSentence };
}

function paragraphs(random, sentence) {
  const count = 3 + Math.floor(random() * 5);
  const blocks = [];
  for (let i = 0; i < count; i += 1) {
    const text = Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' ');
    blocks.push({ type: 'paragraph', children: [{ type: 'text', text }] });
  }
  return blocks;
}

function parseArgs(argv) {
  const perLocaleIndex = argv.indexOf('--per-locale');
  const perLocale = Number(perLocaleIndex >= 0 ? argv[perLocaleIndex + 1] : NaN);
  if (!Number.isSafeInteger(perLocale) || perLocale < 0) {
    throw new Error('Usage: generate-articles.cjs --per-locale <number of published articles per locale>');
  }
  return { perLocale };
}

/**
 * Adds published articles until each locale has `perLocale` of them. Returns what it did.
 * `strapi` is a loaded Strapi instance.
 */
async function generateArticles(strapi, perLocale) {
  const knex = strapi.db.connection;
  const article = strapi.db.metadata.get('api::article.article');
  const category = strapi.db.metadata.get('api::category.category');
  const certificate = strapi.db.metadata.get('api::certificate.certificate');
  const seo = strapi.db.metadata.get('shared.seo');
  const col = (meta, name) => meta.attributes[name].columnName;
  const categoryLink = article.attributes.category.joinTable;
  const certificateLink = article.attributes.certificates.joinTable;
  const seoLink = article.attributes.seo.joinTable;

  const published = await knex(article.tableName)
    .select(col(article, 'locale'))
    .count({ count: '*' })
    .whereNotNull(col(article, 'publishedAt'))
    .groupBy(col(article, 'locale'));
  const have = Object.fromEntries(published.map((row) => [row[col(article, 'locale')], Number(row.count)]));
  const missing = Math.max(0, ...LOCALES.map((locale) => perLocale - (have[locale] ?? 0)));
  const report = { perLocale, before: have, documentsCreated: 0, rowsCreated: 0, ms: 0 };
  if (missing === 0) return report;
  const started = Date.now();

  // Category and certificate rows per locale and state, to link each variant to its own locale's target.
  const targets = async (meta) => {
    const rows = await knex(meta.tableName).select(
      'id',
      col(meta, 'documentId'),
      col(meta, 'locale'),
      col(meta, 'publishedAt'),
    );
    const byKey = new Map();
    for (const row of rows) {
      const key = `${row[col(meta, 'locale')]}:${row[col(meta, 'publishedAt')] ? 'published' : 'draft'}`;
      const list = byKey.get(key) ?? [];
      list.push({ id: row.id, documentId: row[col(meta, 'documentId')] });
      byKey.set(key, list);
    }
    for (const list of byKey.values()) list.sort((a, b) => a.documentId.localeCompare(b.documentId));
    return byKey;
  };
  const categories = await targets(category);
  const certificates = await targets(certificate);

  const runSeed = crypto.randomBytes(4).readUInt32LE(0);
  const random = prng(runSeed);
  const text = makeText(random);
  const runId = runSeed.toString(36).slice(0, 5);
  const now = new Date();
  const isPostgres = knex.client.config.client === 'postgres' || knex.client.config.client === 'pg';

  for (let start = 0; start < missing; start += BATCH) {
    const count = Math.min(BATCH, missing - start);
    await knex.transaction(async (trx) => {
      const rows = [];
      const plans = [];
      for (let i = 0; i < count; i += 1) {
        const n = start + i;
        const titleWords = text.words(4 + Math.floor(random() * 5));
        // Spread over ten years, newest first in generation order does not matter: lists sort by postedAt.
        const postedAt = new Date(now.getTime() - Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
        const docId = documentId();
        const categoryIndex = Math.floor(random() * 100);
        const withCertificate = random() < 0.2;
        const withSeo = random() < 0.3;
        const mnTitle = titleWords.map((w) => w[0]).join(' ');
        const zhTitle = titleWords.map((w) => w[2]).join('');
        const variants = {
          mn: {
            title: `${mnTitle[0].toUpperCase()}${mnTitle.slice(1)}`,
            slug: `${titleWords.map((w) => w[1]).join('-')}-${runId}${n}`,
            summary: text.mnSentence(),
            body: paragraphs(random, text.mnSentence),
          },
          zh: {
            title: zhTitle,
            slug: `${titleWords.map((w) => w[3]).join('-')}-${runId}${n}`,
            summary: text.zhSentence(),
            body: paragraphs(random, text.zhSentence),
          },
        };
        for (const locale of LOCALES) {
          for (const state of ['draft', 'published']) {
            const v = variants[locale];
            const stamp = new Date(`${postedAt}T09:00:00Z`);
            rows.push({
              [col(article, 'documentId')]: docId,
              [col(article, 'title')]: v.title,
              [col(article, 'slug')]: v.slug,
              [col(article, 'summary')]: v.summary,
              [col(article, 'body')]: JSON.stringify(v.body),
              [col(article, 'postedAt')]: postedAt,
              [col(article, 'createdAt')]: stamp,
              [col(article, 'updatedAt')]: stamp,
              [col(article, 'publishedAt')]: state === 'published' ? now : null,
              [col(article, 'locale')]: locale,
            });
            const key = `${locale}:${state}`;
            const categoryList = categories.get(key) ?? [];
            const certificateList = certificates.get(key) ?? [];
            plans.push({
              category: categoryList.length ? categoryList[categoryIndex % categoryList.length] : undefined,
              certificate:
                withCertificate && certificateList.length
                  ? certificateList[categoryIndex % certificateList.length]
                  : undefined,
              seo: withSeo
                ? {
                    [col(seo, 'metaTitle')]: v.title.slice(0, 70),
                    [col(seo, 'metaDescription')]: v.summary.slice(0, 160),
                  }
                : undefined,
              order: n + 1,
            });
          }
        }
      }

      const ids = await insertRows(trx, article.tableName, rows, true);
      if (ids.length !== rows.length) throw new Error(`Inserted ${ids.length} article rows, expected ${rows.length}`);

      const categoryRows = [];
      const certificateRows = [];
      const seoRows = [];
      const seoOwners = [];
      ids.forEach((id, index) => {
        const plan = plans[index];
        if (plan.category) {
          categoryRows.push({
            [categoryLink.joinColumn.name]: id,
            [categoryLink.inverseJoinColumn.name]: plan.category.id,
            [categoryLink.inverseOrderColumnName]: plan.order,
          });
        }
        if (plan.certificate) {
          certificateRows.push({
            [certificateLink.joinColumn.name]: id,
            [certificateLink.inverseJoinColumn.name]: plan.certificate.id,
            [certificateLink.orderColumnName]: 1,
            [certificateLink.inverseOrderColumnName]: plan.order,
          });
        }
        if (plan.seo) {
          seoRows.push(plan.seo);
          seoOwners.push(id);
        }
      });
      await insertRows(trx, categoryLink.name, categoryRows);
      await insertRows(trx, certificateLink.name, certificateRows);
      if (seoRows.length) {
        const seoIds = await insertRows(trx, seo.tableName, seoRows, true);
        await insertRows(
          trx,
          seoLink.name,
          seoIds.map((cmpId, index) => ({
            [seoLink.joinColumn.name]: seoOwners[index],
            [seoLink.inverseJoinColumn.name]: cmpId,
            component_type: seo.uid,
            field: seoLink.on.field,
            [seoLink.orderColumnName]: 1,
          })),
        );
      }
      report.rowsCreated += rows.length;
      report.documentsCreated += count;
    });
  }
  // Fresh planner statistics and visibility map, as autovacuum gives a production database after a bulk load.
  if (isPostgres) await knex.raw('VACUUM ANALYZE');
  report.ms = Date.now() - started;
  return report;
}

async function main() {
  const { perLocale } = parseArgs(process.argv.slice(2));
  await runWithStrapi(
    'generate-articles',
    async (strapi) => {
      // The last line is the machine-readable report the bench reads.
      console.log(JSON.stringify(await generateArticles(strapi, perLocale)));
    },
    { logLevel: 'warn' },
  );
}

if (require.main === module) main();

module.exports = { generateArticles, insertRows };
