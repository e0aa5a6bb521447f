import { parsePageParam } from '@/lib/search-params';

describe('parsePageParam', () => {
  it('treats an absent page as page 1', () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['10000', 10000],
  ])('accepts %p', (value, expected) => {
    expect(parsePageParam(value)).toBe(expected);
  });

  it.each(['0', '-1', 'abc', '', '02', '2.0', '1e3', ' 2', '10001', '99999999999999999999'])('rejects %p', (value) => {
    expect(parsePageParam(value)).toBeNull();
  });

  it('rejects a repeated page parameter', () => {
    expect(parsePageParam(['1', '2'])).toBeNull();
  });
});
