import { formatPostDate } from '@/lib/i18n/format';

describe('formatPostDate', () => {
  it('formats the flagship post date in Mongolian', () => {
    expect(formatPostDate('mn', '2022-01-29')).toBe('2022 оны 1-р сарын 29');
  });

  it('formats the flagship post date in Chinese', () => {
    expect(formatPostDate('zh', '2022-01-29')).toBe('2022年1月29日');
  });

  it('keeps the calendar day regardless of the server time zone (first and last day of a year)', () => {
    expect(formatPostDate('zh', '2023-01-01')).toBe('2023年1月1日');
    expect(formatPostDate('mn', '2023-12-31')).toBe('2023 оны 12-р сарын 31');
  });

  it.each(['2022-1-29', '29.01.2022', '2022-02-30', '2022-01-29T00:00:00Z', ''])('rejects %p', (value) => {
    expect(() => formatPostDate('mn', value)).toThrow(RangeError);
  });
});
