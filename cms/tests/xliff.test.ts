import {
  buildTargetData,
  extractUnits,
  inlineCodeProblems,
  sourceHash,
  type FieldSpec,
  type InlineNode,
  type ParsedInlineNode,
} from '../src/translation/units';
import { buildXliff, parseXliff, XliffFormatError } from '../src/translation/xliff';
import { xliffStructureProblems } from './helpers/xliff-structure';

const FIELDS: FieldSpec[] = [
  { path: 'title', kind: 'plain' },
  { path: 'summary', kind: 'plain' },
  { path: 'body', kind: 'blocks' },
  { path: 'seo.metaTitle', kind: 'plain' },
];

const body = [
  { type: 'heading', level: 3, children: [{ type: 'text', text: 'Гарчиг' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Энгийн ' },
      { type: 'text', text: 'тод', bold: true },
      { type: 'text', text: ' ба ' },
      { type: 'text', text: 'тод налуу', bold: true, italic: true },
      { type: 'text', text: ' ' },
      { type: 'link', url: 'https://example.com/a?x=1&y=<2>', children: [{ type: 'text', text: 'холбоос' }] },
    ],
  },
  { type: 'paragraph', children: [{ type: 'text', text: '' }] },
  {
    type: 'list',
    format: 'ordered',
    children: [
      { type: 'list-item', children: [{ type: 'text', text: 'нэг', underline: true }] },
      { type: 'list-item', children: [{ type: 'text', text: 'хоёр' }] },
    ],
  },
  { type: 'code', language: 'plaintext', children: [{ type: 'text', text: 'MDX-200' }] },
];
const variant = {
  title: 'Гарчиг & <тест>',
  summary: '',
  body,
  seo: { id: 7, metaTitle: 'SEO гарчиг', metaDescription: 'тайлбар' },
};

describe('translation units', () => {
  test('one unit per non-empty localized field, one segment per text block, codes per formatting run', () => {
    const units = extractUnits(FIELDS, variant);
    expect(units.map((unit) => unit.id)).toEqual(['title', 'body', 'seo.metaTitle']);
    const bodyUnit = units[1]!;
    expect(bodyUnit.segments.map((segment) => segment.id)).toEqual(['b0', 'b1', 'b3.0', 'b3.1']);
    expect(bodyUnit.segments[1]!.source).toEqual([
      { type: 'text', text: 'Энгийн ' },
      { type: 'code', id: '1', kind: 'bold', children: [{ type: 'text', text: 'тод' }] },
      { type: 'text', text: ' ба ' },
      {
        type: 'code',
        id: '2',
        kind: 'bold',
        children: [{ type: 'code', id: '3', kind: 'italic', children: [{ type: 'text', text: 'тод налуу' }] }],
      },
      { type: 'text', text: ' ' },
      {
        type: 'code',
        id: '4',
        kind: 'link',
        url: 'https://example.com/a?x=1&y=<2>',
        children: [{ type: 'text', text: 'холбоос' }],
      },
    ]);
    expect(bodyUnit.segments[2]!.source).toEqual([
      { type: 'code', id: '5', kind: 'underline', children: [{ type: 'text', text: 'нэг' }] },
    ]);
  });

  test('the source hash moves with text and link targets, not with the database id of a component', () => {
    const base = sourceHash(FIELDS, variant);
    expect(sourceHash(FIELDS, { ...variant, seo: { ...variant.seo, id: 8 } })).toBe(base);
    expect(sourceHash(FIELDS, { ...variant, title: 'Өөр гарчиг' })).not.toBe(base);
    const otherLink = structuredClone(body);
    (otherLink[1]!.children[5] as { url: string }).url = 'https://example.com/b';
    expect(sourceHash(FIELDS, { ...variant, body: otherLink })).not.toBe(base);
  });
});

describe('XLIFF 2.0 round trip', () => {
  const units = extractUnits(FIELDS, variant);
  const xliff = buildXliff({
    srcLang: 'mn',
    trgLang: 'zh',
    files: [
      {
        id: 'article-abc',
        original: 'api::article.article/abc',
        notes: ['article “x”'],
        units: units.map((u) => ({ id: u.id, name: u.id, segments: u.segments })),
      },
    ],
  });

  test('is XLIFF 2.0 with escaped text and <pc> inline codes', () => {
    expect(xliff).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff /);
    expect(xliff).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(xliff).toContain('version="2.0" srcLang="mn" trgLang="zh"');
    expect(xliff).toContain('<source>Гарчиг &amp; &lt;тест&gt;</source>');
    expect(xliff).toContain(
      '<pc id="2" type="fmt" subType="xlf:b" canCopy="no" canDelete="no"><pc id="3" type="fmt" subType="xlf:i"',
    );
    expect(xliff).toContain('<pc id="4" type="link" canCopy="no" canDelete="no">холбоос</pc>');
    expect(xliff).not.toContain('example.com');
  });

  test('parses back to the same sources', () => {
    const parsed = parseXliff(xliff);
    expect(parsed).toMatchObject({ version: '2.0', srcLang: 'mn', trgLang: 'zh' });
    const file = parsed.files[0]!;
    expect(file).toMatchObject({ id: 'article-abc', original: 'api::article.article/abc' });
    const parsedBody = file.units.find((unit) => unit.id === 'body')!;
    const strip = (nodes: InlineNode[]): unknown =>
      nodes.map((n) => (n.type === 'text' ? n : { type: 'code', id: n.id, kind: n.kind, children: strip(n.children) }));
    expect(parsedBody.segments.map((s) => s.source)).toEqual(units[1]!.segments.map((s) => strip(s.source)));
    expect(parsedBody.segments.every((s) => s.target === null && s.problems.length === 0)).toBe(true);
  });

  test('targets become blocks on the source structure, codes keep their meaning wherever they are moved', () => {
    const target = (xml: string) => {
      const doc = parseXliff(
        `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="mn" trgLang="zh"><file id="f" original="o"><unit id="u"><segment id="s"><source/><target>${xml}</target></segment></unit></file></xliff>`,
      );
      return doc.files[0]!.units[0]!.segments[0]!.target!;
    };
    const translations = new Map<string, Map<string, ParsedInlineNode[]>>([
      ['title', new Map([['s1', target('标题 &amp; &lt;测试&gt;')]])],
      [
        'body',
        new Map([
          ['b0', target('标题')],
          // Link moved to the front, the bold+italic run before the plain bold one.
          [
            'b1',
            target(
              '<pc id="4">链接</pc>：<pc id="2"><pc id="3">粗斜体</pc></pc>和<pc id="1" type="fmt" subType="xlf:b">粗体</pc>',
            ),
          ],
          ['b3.0', target('<pc id="5">一</pc>')],
          ['b3.1', target('二')],
        ]),
      ],
    ]);
    const data = buildTargetData(
      FIELDS,
      variant,
      { seo: { id: 9, metaTitle: 'old', metaDescription: '旧' } },
      translations,
    );
    expect(data.title).toBe('标题 & <测试>');
    expect(data).not.toHaveProperty('seo');
    const blocks = data.body as typeof body;
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'list', 'code']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 3, children: [{ type: 'text', text: '标题' }] });
    expect(blocks[1]!.children).toEqual([
      { type: 'link', url: 'https://example.com/a?x=1&y=<2>', children: [{ type: 'text', text: '链接' }] },
      { type: 'text', text: '：' },
      { type: 'text', text: '粗斜体', bold: true, italic: true },
      { type: 'text', text: '和' },
      { type: 'text', text: '粗体', bold: true },
    ]);
    expect(blocks[3]).toEqual({
      type: 'list',
      format: 'ordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: '一', underline: true }] },
        { type: 'list-item', children: [{ type: 'text', text: '二' }] },
      ],
    });
    expect(blocks[4]).toEqual(body[4]);
    // The source is never modified.
    expect(body[0]!.children[0]).toEqual({ type: 'text', text: 'Гарчиг' });

    const seoOnly = buildTargetData(
      FIELDS,
      variant,
      { seo: { id: 9, metaTitle: 'old', metaDescription: '旧' } },
      new Map([['seo.metaTitle', new Map([['s1', target('SEO 标题')]])]]),
    );
    expect(seoOnly).toEqual({ seo: { metaTitle: 'SEO 标题', metaDescription: '旧' } });
  });
});

describe('broken inline codes', () => {
  const source = extractUnits(FIELDS, variant)[1]!.segments[1]!.source;
  const code = (
    id: string | null,
    children: ParsedInlineNode[] = [{ type: 'text', text: 'x' }],
    kind: 'bold' | 'italic' | null = null,
  ): ParsedInlineNode => ({
    type: 'code',
    id,
    kind,
    children,
  });
  const complete = [code('1'), code('2', [code('3')]), code('4')];

  test.each<[string, ParsedInlineNode[], RegExp | null]>([
    ['all codes, any order', [code('4'), code('2', [code('3')]), code('1')], null],
    ['a missing code', [code('1'), code('2', [code('3')])], /inline code 4 \(link\) is missing/],
    ['a code twice', [...complete, code('1')], /inline code 1 appears more than once/],
    ['an unknown id', [...complete, code('9')], /inline code 9 is not in the source/],
    ['a code without id', [...complete, code(null)], /has no id/],
    [
      'a changed type',
      [code('1', undefined, 'italic'), code('2', [code('3')]), code('4')],
      /inline code 1 is italic in the target but bold in the source/,
    ],
  ])('%s', (_name, target, problem) => {
    const problems = inlineCodeProblems(source, target);
    if (problem) expect(problems.join('\n')).toMatch(problem);
    else expect(problems).toEqual([]);
  });
});

describe('unreadable files are refused with the reason', () => {
  test.each([
    ['not XML', '<xliff><file>', /XLIFF 2.0|mismatch|unclosed|not closed/i],
    [
      'XLIFF 1.2',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>',
      /root element must be <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0">/,
    ],
    [
      'wrong version',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="mn" trgLang="zh"><file id="f"/></xliff>',
      /version is "2.1"/,
    ],
    [
      'no trgLang',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="mn"><file id="f"/></xliff>',
      /trgLang is missing/,
    ],
    [
      'duplicate unit ids',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="mn" trgLang="zh"><file id="f"><unit id="a"/><unit id="a"/></file></xliff>',
      /unit id "a" is used twice/,
    ],
  ])('%s', (_name, text, message) => {
    expect(() => parseXliff(text)).toThrow(XliffFormatError);
    expect(() => parseXliff(text)).toThrow(message);
  });

  test('unsupported inline elements are reported per segment', () => {
    const parsed = parseXliff(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="mn" trgLang="zh"><file id="f"><unit id="u"><segment id="s"><source>a</source><target>b<ph id="1"/><mrk id="m" type="term">c</mrk></target></segment></unit></file></xliff>',
    );
    const segment = parsed.files[0]!.units[0]!.segments[0]!;
    expect(segment.problems).toEqual(['unsupported inline element <ph> (this file only uses <pc>)']);
    expect(segment.target).toEqual([
      { type: 'text', text: 'b' },
      { type: 'text', text: 'c' },
    ]);
  });
});

describe('XLIFF 2.0 mtc and gls modules', () => {
  const file = {
    id: 'article-x',
    original: 'api::article.article/x',
    units: [
      {
        id: 'summary',
        name: 'summary',
        matches: [{ segment: 's1', score: 97, source: 'Хуучин <эх> & бичвэр', target: '旧的译文' }],
        glossary: [{ term: 'Бэйлан Технологи', translation: '北岚精工', definition: 'The short name.' }],
        segments: [{ id: 's1', source: [{ type: 'text' as const, text: 'Шинэ эх бичвэр' }] }],
      },
    ],
  };
  const xliff = buildXliff({ srcLang: 'mn', trgLang: 'zh', files: [file] });

  it('writes matches and glossary entries before the segments, conforming to the core and module schemas (structural check)', () => {
    expect(xliff).toContain('xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"');
    expect(xliff).toContain('xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0"');
    expect(xliff).toMatch(
      /<mtc:match ref="#s1" similarity="97"[^>]*>\s*<source>Хуучин &lt;эх&gt; &amp; бичвэр<\/source>/,
    );
    expect(xliff).toMatch(/<gls:term source="medee">Бэйлан Технологи<\/gls:term>\s*<gls:translation>北岚精工/);
    expect(xliffStructureProblems(xliff)).toEqual([]);
  });

  it('the structural check catches a module after the segments and a match without ref', () => {
    const broken = xliff
      .replace('<mtc:match ref="#s1"', '<mtc:match')
      .replace(/(<gls:glossary>[\s\S]*<\/gls:glossary>)([\s\S]*<\/segment>)/, '$2$1');
    expect(xliffStructureProblems(broken)).toEqual([
      expect.stringContaining('children "mtc:matches segment gls:glossary"'),
      '<mtc:match> has no ref',
      expect.stringContaining('mtc:match ref null'),
    ]);
  });

  it('reads a file carrying them: the segments come back, the modules are skipped', () => {
    const parsed = parseXliff(xliff);
    expect(parsed.files[0]!.units[0]!.segments).toEqual([
      { id: 's1', source: [{ type: 'text', text: 'Шинэ эх бичвэр' }], target: null, problems: [] },
    ]);
  });
});
