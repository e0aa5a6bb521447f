import { negotiateLocale } from '@/lib/i18n/negotiate';

describe('negotiateLocale', () => {
  it.each([
    [null, 'mn'],
    ['', 'mn'],
    ['*', 'mn'],
    ['en-US,en;q=0.9', 'mn'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['zh-TW', 'zh'],
    ['zh-Hant-HK', 'zh'],
    ['mn-MN,mn;q=0.9', 'mn'],
    ['ZH', 'zh'],
  ] as const)('%p → %p', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('prefers the higher q-value, not the first listed', () => {
    expect(negotiateLocale('mn;q=0.5, zh;q=0.8')).toBe('zh');
    expect(negotiateLocale('zh;q=0.5, mn')).toBe('mn');
  });

  it('keeps the sent order between equal q-values', () => {
    expect(negotiateLocale('zh;q=0.7, mn;q=0.7')).toBe('zh');
    expect(negotiateLocale('mn;q=0.7, zh;q=0.7')).toBe('mn');
  });

  it('skips languages the browser marks unacceptable (q=0)', () => {
    expect(negotiateLocale('zh;q=0, en')).toBe('mn');
    expect(negotiateLocale('mn;q=0, zh;q=0.1')).toBe('zh');
  });

  it('ignores ranges with a malformed q-value instead of trusting them', () => {
    expect(negotiateLocale('zh;q=high, en')).toBe('mn');
    expect(negotiateLocale('zh;q=2, mn;q=0.1')).toBe('mn');
  });

  it('tolerates stray whitespace and empty entries', () => {
    expect(negotiateLocale(' ,  en-GB ;q=0.9 ,zh-CN ; q=0.95')).toBe('zh');
  });
});

describe('negotiateLocale with script subtags', () => {
  it.each([
    ['mn-Cyrl', 'mn'],
    ['mn-Cyrl-MN', 'mn'],
    ['zh-Hans-CN', 'zh'],
    ['mn-Mong-CN, zh;q=0.5', 'mn'],
    ['fr, zh-Hans;q=0.4', 'zh'],
  ] as const)('%p → %p', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
