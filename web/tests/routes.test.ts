import { absoluteUrl, articlePath, hreflangAlternates, newsListPath, searchPath } from '@/lib/routes';

describe('public URLs', () => {
  it('writes the news list with page 1 and “all categories” left out', () => {
    expect(newsListPath('mn')).toBe('/mn/news');
    expect(newsListPath('mn', { page: 1, category: 'medee' })).toBe('/mn/news?category=medee');
    expect(newsListPath('zh', { page: 2 })).toBe('/zh/news?page=2');
    expect(newsListPath('zh', { page: 3, category: 'xinwen' })).toBe('/zh/news?category=xinwen&page=3');
  });

  it('encodes search text and slugs', () => {
    expect(searchPath('mn', { text: 'гэрчилгээ & ISO' })).toBe(
      '/mn/search?q=%D0%B3%D1%8D%D1%80%D1%87%D0%B8%D0%BB%D0%B3%D1%8D%D1%8D+%26+ISO',
    );
    expect(searchPath('zh')).toBe('/zh/search');
    expect(articlePath('zh', 'a/b?c')).toBe('/zh/news/a%2Fb%3Fc');
    expect(absoluteUrl('https://example.com/', '/mn')).toBe('https://example.com/mn');
  });
});

describe('hreflangAlternates', () => {
  it('lists each existing language and points x-default at the default language', () => {
    expect(hreflangAlternates({ zh: '/zh/news/b', mn: '/mn/news/a' })).toEqual({
      mn: '/mn/news/a',
      zh: '/zh/news/b',
      'x-default': '/mn/news/a',
    });
  });

  it('points x-default at the only version of a one-language page', () => {
    expect(hreflangAlternates({ zh: '/zh/news/only' })).toEqual({ zh: '/zh/news/only', 'x-default': '/zh/news/only' });
  });

  it('takes an explicit x-default (the home page uses /)', () => {
    expect(hreflangAlternates({ mn: '/mn', zh: '/zh' }, '/')).toEqual({ mn: '/mn', zh: '/zh', 'x-default': '/' });
  });
});
