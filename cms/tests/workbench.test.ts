import { MemoryIndex } from '../src/translation/memory-index';
import { diffSource, segmentsToReview } from '../src/translation/source-diff';
import { fromTagged, toTagged } from '../src/translation/tagged';
import { extractUnits, type FieldSpec } from '../src/translation/units';
import { plannedTarget } from '../src/translation/workbench';

const FIELDS: FieldSpec[] = [
  { path: 'title', kind: 'plain' },
  { path: 'body', kind: 'blocks' },
];
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const article = (title: string, paragraphs: string[]) => ({ title, body: paragraphs.map(paragraph) });

describe('source diff', () => {
  it('aligns paragraphs by text, so an inserted paragraph does not mark every later one as changed', () => {
    const then = extractUnits(FIELDS, article('Гарчиг', ['Нэг.', 'Хоёр.', 'Гурав.']));
    const now = extractUnits(FIELDS, article('Гарчиг', ['Шинэ эхлэл.', 'Нэг.', 'Хоёр өөрчлөгдсөн.', 'Гурав.']));
    const diff = diffSource(then, now);
    const body = diff.filter((d) => d.unit === 'body').map((d) => [d.change, d.before, d.after]);
    expect(body).toEqual([
      ['added', undefined, 'b0'],
      ['same', 'b0', 'b1'],
      ['changed', 'b1', 'b2'],
      ['same', 'b2', 'b3'],
    ]);
    const changed = diff.find((d) => d.change === 'changed')!;
    expect(changed.parts?.filter((p) => p.added).map((p) => p.text.trim())).toContain('өөрчлөгдсөн');
    expect([...(segmentsToReview(diff).get('body') ?? [])]).toEqual(['b1']);
  });

  it('reports removed segments and whole removed units', () => {
    const then = extractUnits(FIELDS, article('Гарчиг', ['Нэг.', 'Хоёр.']));
    const now = extractUnits(FIELDS, { body: [paragraph('Нэг.')] });
    const diff = diffSource(then, now);
    expect(diff.filter((d) => d.change === 'removed').map((d) => [d.unit, d.before])).toEqual([
      ['body', 'b1'],
      ['title', 's1'],
    ]);
  });

  it('sees a changed link target as a change', () => {
    const linked = (url: string) => ({
      body: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'энд' }] }] }],
    });
    const diff = diffSource(extractUnits(FIELDS, linked('/a')), extractUnits(FIELDS, linked('/b')));
    expect(diff.map((d) => d.change)).toEqual(['changed']);
  });
});

describe('translation memory index', () => {
  const index = new MemoryIndex<string>();
  index.add('Чиндао Бэйлан Технологи ХХК', '青岛北岚精工科技有限公司');
  index.add('Манай компани 2024 онд шинэ үйлдвэр нээлээ.', '我公司于2024年开设了新工厂。');
  index.add('Өнөөдөр цаг агаар сайхан байна.', '今天天气很好。');

  it('gives an identical segment (white space aside) as a 100% match', () => {
    expect(index.lookup('Чиндао  Бэйлан Технологи ХХК')[0]).toEqual({
      source: 'Чиндао Бэйлан Технологи ХХК',
      target: '青岛北岚精工科技有限公司',
      score: 100,
    });
  });

  it('scores a near segment by edit distance, below 100, and leaves out unrelated ones', () => {
    const matches = index.lookup('Манай компани 2025 онд шинэ үйлдвэр нээлээ.');
    expect(matches).toHaveLength(1);
    expect(matches[0]!.target).toBe('我公司于2024年开设了新工厂。');
    expect(matches[0]!.score).toBeGreaterThanOrEqual(95);
    expect(matches[0]!.score).toBeLessThan(100);
  });

  it('replaces the target of a source stored again', () => {
    index.add('Өнөөдөр цаг агаар сайхан байна.', '今天天气不错。');
    expect(index.lookup('Өнөөдөр цаг агаар сайхан байна.')[0]!.target).toBe('今天天气不错。');
    expect(index.size).toBe(3);
  });

  it('still finds the near segment when every trigram of the query is common (the walk is bounded)', () => {
    // 30,000 segments of words made from the same few syllables: every trigram's posting list is
    // long, so the lookup stops at its postings budget; the segment one word away must still be
    // among the matches.
    const syllables = 'ба бо га гэ да дэ ла лэ ма мө на нө ра рү са сү'.split(' ');
    let seed = 7;
    const next = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const vocabulary = Array.from({ length: 400 }, () => `${pick(syllables)}${pick(syllables)}${pick(syllables)}`);
    const sentences = Array.from({ length: 30_000 }, () => Array.from({ length: 10 }, () => pick(vocabulary)));
    const crowded = new MemoryIndex<number>();
    for (const [i, words] of sentences.entries()) crowded.add(words.join(' '), i);
    const edited = [...sentences[12_345]!];
    edited[4] = 'хурал';
    expect(crowded.lookup(edited.join(' ')).map((match) => match.target)).toContain(12_345);
  });
});

describe('tagged text', () => {
  it('round-trips inline codes as numbered tags', () => {
    const [unit] = extractUnits(FIELDS.slice(1), {
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'A ' },
            { type: 'text', text: 'bold', bold: true },
            { type: 'text', text: ' ' },
            { type: 'link', url: '/x', children: [{ type: 'text', text: 'link' }] },
          ],
        },
      ],
    });
    const tagged = toTagged(unit!.segments[0]!.source);
    expect(tagged).toBe('A ⟦1⟧bold⟦/1⟧ ⟦2⟧link⟦/2⟧');
    expect(toTagged(fromTagged(tagged).nodes)).toBe(tagged);
    expect(fromTagged('⟦1⟧open').problems).toEqual(['tag ⟦1⟧ is not closed']);
  });
});

describe('Translate screen save', () => {
  const source = {
    title: 'Гарчиг',
    body: [paragraph('Нэг.'), { type: 'paragraph', children: [{ type: 'text', text: 'тод', bold: true }] }],
  };

  it('builds the target on the source structure, keeping marks', () => {
    const plan = plannedTarget(FIELDS, source, null, [
      { unit: 'title', segment: 's1', target: '标题' },
      { unit: 'body', segment: 'b0', target: '一。' },
      { unit: 'body', segment: 'b1', target: '⟦1⟧粗体⟦/1⟧' },
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.data).toEqual({
      title: '标题',
      body: [paragraph('一。'), { type: 'paragraph', children: [{ type: 'text', text: '粗体', bold: true }] }],
    });
  });

  it('refuses a half-translated body and broken tags, saying where', () => {
    const plan = plannedTarget(FIELDS, source, null, [
      { unit: 'body', segment: 'b0', target: '一。' },
      { unit: 'body', segment: 'b1', target: '' },
      { unit: 'title', segment: 's1', target: '⟦7⟧x⟦/7⟧' },
    ]);
    expect(plan.problems.map((p) => `${p.unit}/${p.segment ?? ''}: ${p.problem}`)).toEqual([
      'title/s1: inline code 7 is not in the source',
      'body/: segment(s) b1 are empty: translate all of body or none of it',
    ]);
  });
});
