import { redirectWithinSite, sameSitePath } from '@/lib/security/redirect';

describe('sameSitePath: a redirect target stays on this site', () => {
  test.each([
    ['/mn/news/x', '/mn/news/x'],
    ['/mn/search?q=a b#top', '/mn/search?q=a%20b#top'],
    ['/mn/news/мэдээ', '/mn/news/%D0%BC%D1%8D%D0%B4%D1%8D%D1%8D'],
  ])('%s → %s', (target, path) => {
    expect(sameSitePath(target)).toBe(path);
  });

  test.each([
    // What a prefix check let through: browsers drop tabs and newlines and read \ as /.
    '/\t/evil.example/path',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '//evil.example',
    ' //evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'data:text/html,x',
    'http://[::1',
  ])('%j goes home', (target) => {
    expect(sameSitePath(target)).toBe('/');
  });

  test('`/.//host` normalizes to a single leading slash, not to another host', () => {
    expect(sameSitePath('/.//evil.example/x')).toBe('/evil.example/x');
  });

  test.each(['/mn\r\nSet-Cookie: x=1', '/mn\u0000x', '/монгол', '/mn\u2028'])(
    '%j becomes a valid header value',
    (target) => {
      const response = redirectWithinSite(target);
      expect(response.status).toBe(307);
      expect(response.headers.get('location')).toMatch(/^\/[\x21-\x7e]*$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );
});
