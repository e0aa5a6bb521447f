import { MAX_SEARCH_LENGTH, parseSearchQuery } from '@/lib/search';
import { CmsError, CmsUnavailableError, nullIfRefused } from '@/lib/strapi/errors';

describe('parseSearchQuery', () => {
  it.each([undefined, '', '   ', ['a', 'b']])('treats %p as no search', (value) => {
    expect(parseSearchQuery(value)).toEqual({ kind: 'empty' });
  });

  it('trims, collapses whitespace and composes Unicode', () => {
    // "й" typed as и + combining breve composes to the stored form.
    expect(parseSearchQuery('  шинэ\n\t бүтээгдэхүүний ')).toEqual({ kind: 'ok', text: 'шинэ бүтээгдэхүүний' });
    expect(parseSearchQuery('хо\u0438\u0306')).toEqual({ kind: 'ok', text: 'хой' });
  });

  it('reads control characters as spaces (the CMS refuses them)', () => {
    expect(parseSearchQuery('a\u0001b\u0000c\u007f\u009b')).toEqual({ kind: 'ok', text: 'a b c' });
    expect(parseSearchQuery('\u0000\u001b')).toEqual({ kind: 'empty' });
  });

  it('drops the invisible characters a copied word carries (zero-width space, soft hyphen, BOM)', () => {
    expect(parseSearchQuery('\uFEFFгэр\u200Bчилгээ\u00AD')).toEqual({ kind: 'ok', text: 'гэрчилгээ' });
    expect(parseSearchQuery('\u200B\u2060')).toEqual({ kind: 'empty' });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(parseSearchQuery('证'.repeat(MAX_SEARCH_LENGTH))).toEqual({
      kind: 'ok',
      text: '证'.repeat(MAX_SEARCH_LENGTH),
    });
    expect(parseSearchQuery('😀'.repeat(MAX_SEARCH_LENGTH))).toMatchObject({ kind: 'ok' });
    expect(parseSearchQuery('a'.repeat(MAX_SEARCH_LENGTH + 1))).toEqual({
      kind: 'too-long',
      length: MAX_SEARCH_LENGTH + 1,
    });
  });
});

describe('nullIfRefused: a CMS 400 for reader input is the page’s to answer', () => {
  it('turns a refusal (400) into null', async () => {
    const refused = Promise.reject(new CmsError('The CMS refused the request', { path: '/api/articles', status: 400 }));
    await expect(nullIfRefused(refused)).resolves.toBeNull();
  });

  it('passes results and other failures through', async () => {
    await expect(nullIfRefused(Promise.resolve(1))).resolves.toBe(1);
    const down = new CmsUnavailableError('The CMS failed to answer', { path: '/api/articles', status: 503 });
    await expect(nullIfRefused(Promise.reject(down))).rejects.toBe(down);
  });
});
