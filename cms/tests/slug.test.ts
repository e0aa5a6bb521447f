import {
  followsTitle,
  slugForTitle,
  slugify,
  titleStartFor,
  toPinyin,
  transliterateMongolian,
  uniqueSlug,
} from '../src/translation/slugify';
import { seedArticles } from './helpers/seed-data';

describe('Mongolian Cyrillic → Latin (MNS 5217:2012, ASCII-folded)', () => {
  test.each([
    ['Мэргэшсэн гэрчилгээ', 'mergeshsen-gerchilgee'],
    ['мэдээ', 'medee'],
    ['Салбарын мэдээ', 'salbaryn-medee'],
    ['Өмнөговийн сумын сургуульд', 'umnugoviin-sumyn-surguulid'],
    ['Хятад, Монголын хил', 'khyatad-mongolyn-khil'],
    ['Цагаан сар', 'tsagaan-sar'],
    ['Замын-Үүд', 'zamyn-uud'],
    ['Ажилтнууд', 'ajiltnuud'],
    ['Алтан Заг ХХК-тай', 'altan-zag-khkhk-tai'],
    ['Щёткa', 'shchyotka'],
    ['Ерөнхий', 'yerunkhii'],
    ['Юу? Яагаад!', 'yuu-yaagaad'],
    ['2020 оны Хаврын баярын амралтын мэдэгдэл', '2020-ony-khavryn-bayaryn-amraltyn-medegdel'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('every letter of the table', () => {
    expect(transliterateMongolian('абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя')).toBe(
      'abvgdyeyojziiklmnouprstuufkhtschshshchiyieyuya',
    );
    expect(transliterateMongolian('ӨҮ')).toBe('uu');
  });

  test('full-title seed slugs are the transliteration of their titles', () => {
    // The seed's own slugs stay as they are; most are exactly this transliteration.
    const matching = seedArticles.filter((article) => article.mn && slugify(article.mn.title) === article.mn.slug);
    expect(matching.map((article) => article.key)).toEqual(
      expect.arrayContaining([
        'ub-mining-expo-2019',
        'mongolia-conveyor-demand-2019',
        'umnugovi-school-donation-2022',
        'altan-zag-partnership-2023',
      ]),
    );
    expect(matching.length).toBeGreaterThanOrEqual(14);
  });
});

describe('Chinese → toneless pinyin', () => {
  test.each([
    ['专精特新证书', 'zhuan-jing-te-xin-zheng-shu'],
    ['新闻', 'xin-wen'],
    ['公司通过ISO 9001质量管理体系认证', 'gong-si-tong-guo-iso-9001-zhi-liang-guan-li-ti-xi-ren-zheng'],
    ['对蒙出口托辊累计突破20万件', 'dui-meng-chu-kou-tuo-gun-lei-ji-tu-po-20-wan-jian'],
    ['战略合作', 'zhan-lue-he-zuo'],
    ['十七部门印发《关于…的意见》', 'shi-qi-bu-men-yin-fa-guan-yu-de-yi-jian'],
    ['乌兰巴托 Улаанбаатар', 'wu-lan-ba-tuo-ulaanbaatar'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('pinyin has no tone marks', () => {
    expect(toPinyin('证书')).toBe('zheng shu');
  });
});

describe('slug shape', () => {
  test('nothing readable gives an empty slug (the caller falls back to the type name)', () => {
    expect(slugify('“…” !!!')).toBe('');
  });

  test('long titles are cut at a word boundary, leaving room for a suffix', () => {
    const slug = slugify('Мэргэшсэн гэрчилгээ '.repeat(20), 60);
    expect(slug.length).toBeLessThanOrEqual(54);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.endsWith('mergeshsen') || slug.endsWith('gerchilgee')).toBe(true);
  });
});

describe('collision suffixes', () => {
  test.each([
    [[], 'medee'],
    [['medee'], 'medee-2'],
    [['medee', 'medee-2'], 'medee-3'],
    [['medee', 'medee-2', 'medee-3', 'medee-5'], 'medee-4'],
    [['medee-2'], 'medee'],
  ])('taken %j → %s', (taken, expected) => {
    expect(uniqueSlug('medee', new Set(taken))).toBe(expected);
  });
});

describe('the slug follows the title until it is edited by hand', () => {
  test.each([
    ['', 'Шинэ гэрчилгээ', true],
    [undefined, 'Шинэ гэрчилгээ', true],
    ['shine-gerchilgee', 'Шинэ гэрчилгээ', true],
    ['shine-gerchilgee-2', 'Шинэ гэрчилгээ', true],
    ['shine-gerchilgee-12', 'Шинэ гэрчилгээ', true],
    ['xin-zheng-shu', '新证书', true],
    ['manai-gerchilgee', 'Шинэ гэрчилгээ', false],
    ['shine-gerchilge', 'Шинэ гэрчилгээ', false],
    ['shine-gerchilgee-b', 'Шинэ гэрчилгээ', false],
    ['shine-gerchilgee-0', 'Шинэ гэрчилгээ', false],
    ['article', '', false],
    ['article', '!!!', false],
  ])('slug %j of title %j follows it: %s', (slug, title, follows) => {
    expect(followsTitle(slug, title)).toBe(follows);
  });

  test('typed key by key, a new slug follows every keystroke', () => {
    let slug = '';
    let previous = '';
    const seen: string[] = [];
    for (const title of ['Ш', 'Шинэ', 'Шинэ ', 'Шинэ г', 'Шинэ гэрчилгээ']) {
      slug = slugForTitle(slug, previous, title);
      previous = title;
      seen.push(slug);
    }
    expect(seen).toEqual(['sh', 'shine', 'shine', 'shine-g', 'shine-gerchilgee']);
  });

  test('a slug made from the title typed so far is found again, so a late follower keeps following', () => {
    expect(titleStartFor('t', 'Тусгай зар')).toBe('Т');
    expect(titleStartFor('tusgai', 'Тусгай зар')).toBe('Тусгай ');
    expect(titleStartFor('xin-zheng', '新证书')).toBe('新证');
    expect(slugForTitle('t', titleStartFor('t', 'Тусгай зар'), 'Тусгай зар')).toBe('tusgai-zar');
    // A slug typed by hand is no start of the title.
    expect(titleStartFor('my-own', 'Тусгай зар')).toBeUndefined();
    expect(titleStartFor('', 'Тусгай зар')).toBeUndefined();
  });

  test('in Chinese it follows in pinyin', () => {
    expect(slugForTitle('', '', '新证书')).toBe('xin-zheng-shu');
    expect(slugForTitle('xin-zheng-shu', '新证书', '新证书颁发')).toBe('xin-zheng-shu-ban-fa');
  });

  test('a saved slug that is still the title (or the title with a suffix) keeps following', () => {
    expect(slugForTitle('shine-gerchilgee', 'Шинэ гэрчилгээ', 'Шинэ гэрчилгээ олгов')).toBe('shine-gerchilgee-olgov');
    expect(slugForTitle('shine-gerchilgee-2', 'Шинэ гэрчилгээ', 'Шинэ гэрчилгээ олгов')).toBe('shine-gerchilgee-olgov');
  });

  test('a slug edited by hand stays whatever the title becomes', () => {
    expect(slugForTitle('manai-gerchilgee', 'Шинэ гэрчилгээ', 'Шинэ гэрчилгээ 2026')).toBe('manai-gerchilgee');
    expect(slugForTitle('manai-gerchilgee', 'Шинэ гэрчилгээ', '')).toBe('manai-gerchilgee');
  });

  test('an empty or unreadable title gives an empty slug, never the type name', () => {
    expect(slugForTitle('shine', 'Шинэ', '')).toBe('');
    expect(slugForTitle('', '', '!!!')).toBe('');
  });

  test('the slug keeps to the field length', () => {
    const slug = slugForTitle('', '', 'Мэргэшсэн гэрчилгээ '.repeat(20), 100);
    expect(slug.length).toBeLessThanOrEqual(94);
    expect(followsTitle(slug, 'Мэргэшсэн гэрчилгээ '.repeat(20), 100)).toBe(true);
  });
});
