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

describe('negotiateLocale with a traditional-script Mongolian locale configured', () => {
  const original = process.env.MEDEE_LOCALE_PACKS;
  let negotiate: typeof negotiateLocale;
  let envName: (code: string) => string;

  beforeAll(() => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const os = jest.requireActual<typeof import('node:os')>('node:os');
    const path = jest.requireActual<typeof import('node:path')>('node:path');
    const pack = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-mn-mong-'));
    fs.writeFileSync(
      path.join(pack, 'locale.json'),
      JSON.stringify({
        code: 'mn-Mong',
        tag: 'mn-Mong',
        nativeName: 'ᠮᠣᠩᠭᠣᠯ',
        englishName: 'Mongolian (traditional script)',
        direction: 'ltr',
        writingMode: 'vertical-lr',
      }),
    );
    process.env.MEDEE_LOCALE_PACKS = pack;
    jest.isolateModules(() => {
      negotiate = require('../lib/i18n/negotiate').negotiateLocale;
      envName = require('@medee/contract').localeEnvName;
    });
  });

  afterAll(() => {
    if (original === undefined) delete process.env.MEDEE_LOCALE_PACKS;
    else process.env.MEDEE_LOCALE_PACKS = original;
  });

  it.each([
    ['mn-Mong', 'mn-Mong'],
    ['mn-Mong-CN,zh;q=0.8', 'mn-Mong'],
    ['mn-Cyrl', 'mn'],
    ['mn', 'mn'],
    ['mn-MN', 'mn'],
    ['zh-CN', 'zh'],
  ] as const)('%p → %p', (header, expected) => {
    expect(negotiate(header)).toBe(expected);
  });

  it('derives env names without hyphens', () => {
    expect(envName('mn-Mong')).toBe('MN_MONG');
  });
});
