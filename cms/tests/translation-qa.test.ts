import { matchTerms, toGlossaryTerm } from '../src/translation/glossary';
import { checkPair, extractFacts, type QaContext } from '../src/translation/qa';

// The QA checks and glossary matching on their own (no Strapi): the rules qa-run.ts applies to
// every segment. translators.suite.ts runs them through the CMS and `npm run i18n -- check`.

const glossary = [
  toGlossaryTerm(
    {
      documentId: 't1',
      mn: 'Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг',
      zh: '专精特新',
      mnForbidden: 'Мэргэшсэн, тусгай, шинэ\nмэргэшсэн, боловсронгуй, шинэлэг',
      note: 'SME programme',
    },
    ['mn', 'zh'],
  ),
  toGlossaryTerm({ documentId: 't2', mn: 'Чиндао Бэйлан Технологи ХХК', zh: '青岛北岚精工科技有限公司' }, ['mn', 'zh']),
  toGlossaryTerm({ documentId: 't3', mn: 'Бэйлан Технологи', zh: '北岚精工' }, ['mn', 'zh']),
];
const zhToMn: QaContext = { sourceLocale: 'zh', targetLocale: 'mn', glossary };
const mnToZh: QaContext = { sourceLocale: 'mn', targetLocale: 'zh', glossary };
const at = { unit: 'body', segment: 'b0' };
const checks = (findings: Array<{ check: string; value?: string }>) => findings.map((f) => [f.check, f.value]);

describe('facts both languages must carry', () => {
  test('dates in ISO, Chinese and Mongolian forms read alike', () => {
    expect(extractFacts('2022-01-29').dates).toEqual(['2022-01-29']);
    expect(extractFacts('于2022年1月29日发布').dates).toEqual(['2022-01-29']);
    expect(extractFacts('2022 оны 1-р сарын 29-нд').dates).toEqual(['2022-01-29']);
    expect(extractFacts('2020 оны долдугаар сард').dates).toEqual(['2020-07']);
    expect(extractFacts('2020年7月').dates).toEqual(['2020-07']);
    expect(extractFacts('2019 онд, 2019年').dates).toEqual(['2019', '2019']);
  });

  test('numbers with 万 / мянга / сая multipliers, certificate numbers and URLs', () => {
    expect(extractFacts('年产能由30万件提升至50万件，投资1200万元').numbers).toEqual(['300000', '500000', '12000000']);
    expect(extractFacts('300 мянгаас 500 мянган ширхэг, 12 сая юань').numbers).toEqual([
      '300000',
      '500000',
      '12000000',
    ]);
    expect(extractFacts('证书编号QDZJTX-2019-0417').codes).toEqual(['QDZJTX-2019-0417']);
    expect(extractFacts('见 https://example.com/catalog。').urls).toEqual(['https://example.com/catalog']);
  });
});

describe('checkPair', () => {
  test('a faithful translation has no findings', () => {
    expect(
      checkPair(
        at,
        '公司于2019年6月获得青岛市“专精特新”证书，编号QDZJTX-2019-0417。',
        'Компани 2019 оны 6-р сард Чиндао хотын “Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг” гэрчилгээ авсан, дугаар QDZJTX-2019-0417.',
        zhToMn,
      ),
    ).toEqual([]);
  });

  test('a missing date, number, certificate number and URL are each reported', () => {
    const findings = checkPair(
      at,
      '2022年1月29日，累计突破20万件，证书QDZJTX-2019-0417，详见 https://example.com/a',
      'Нийт 100 мянган ширхэг болсон, гэрчилгээ авсан, дэлгэрэнгүйг манай сайтаас үзнэ үү.',
      zhToMn,
    );
    expect(checks(findings)).toEqual(
      expect.arrayContaining([
        ['url', 'https://example.com/a'],
        ['code', 'QDZJTX-2019-0417'],
        ['date', '2022-01-29'],
        ['number', '200000'],
      ]),
    );
  });

  test('empty and copied segments', () => {
    expect(checks(checkPair(at, '新产品', '  ', zhToMn))).toEqual([['empty', undefined]]);
    expect(checks(checkPair(at, 'Шинэ бүтээгдэхүүн', 'Шинэ  бүтээгдэхүүн', mnToZh))).toEqual([
      ['untranslated', undefined],
    ]);
    // A number or code alone is the same in both languages.
    expect(checkPair(at, 'ISO 9001:2015', 'ISO 9001:2015', mnToZh)).toEqual([]);
  });

  test('length-ratio outliers either way', () => {
    const zh = '公司向蒙古国出口托辊累计突破二十万件。';
    const mn = 'Монгол руу экспортолсон булны тоо хорин түмэн ширхэгт хүрлээ.';
    expect(checkPair(at, zh, mn, zhToMn)).toEqual([]);
    expect(checkPair(at, zh, 'Экспорт.', zhToMn)[0]?.message).toMatch(/unusually short/);
    expect(checkPair(at, mn, `${zh}${zh}${zh}`, mnToZh)[0]?.message).toMatch(/unusually long/);
    expect(checkPair(at, `${mn} ${mn} ${mn}`, zh, mnToZh)[0]?.message).toMatch(/unusually short/);
  });

  test('a glossary miss and a forbidden variant', () => {
    const findings = checkPair(
      at,
      '青岛北岚精工科技有限公司获得“专精特新”证书。',
      'Чиндао Бэйлан Технологи ХХК “Мэргэшсэн, тусгай, шинэ” гэрчилгээ авлаа.',
      zhToMn,
    );
    expect(checks(findings)).toEqual([
      ['glossary', 'Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг'],
      ['forbidden', 'Мэргэшсэн, тусгай, шинэ'],
    ]);
  });
});

describe('matchTerms', () => {
  test('finds terms with their approved translation, the longer of overlapping terms, Mongolian endings included', () => {
    const matches = matchTerms(glossary, '青岛北岚精工科技有限公司（北岚精工）专精特新', 'zh', 'mn');
    expect(matches.map((m) => [m.source, m.target, m.start])).toEqual([
      ['青岛北岚精工科技有限公司', 'Чиндао Бэйлан Технологи ХХК', 0],
      ['北岚精工', 'Бэйлан Технологи', 13],
      ['专精特新', 'Мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг', 18],
    ]);
    expect(matches[2]!.forbidden).toEqual(['Мэргэшсэн, тусгай, шинэ', 'мэргэшсэн, боловсронгуй, шинэлэг']);
    const mn = matchTerms(
      glossary,
      'Чиндао Бэйлан Технологи ХХК-ийн “мэргэшсэн, боловсронгуй, онцлогтой, шинэлэг”',
      'mn',
      'zh',
    );
    expect(mn.map((m) => m.target)).toEqual(['青岛北岚精工科技有限公司', '专精特新']);
  });
});
