import { documentPagePath, normalizeRedirectPath, redirectLocation } from '@medee/contract';

// The one form redirects are stored and looked up in (packages/contract/src/redirect.ts): the CMS
// normalizes what an editor types, the site what a reader requests, with the same function.

describe('normalizeRedirectPath', () => {
  test.each([
    ['/news/show-123.html', '/news/show-123.html'],
    ['  /news/show-123.html/ ', '/news/show-123.html'],
    ['/news//show-123.html#top', '/news/show-123.html'],
    ['/mn/news/%D0%BC%D1%8D%D0%B4%D1%8D%D1%8D', '/mn/news/мэдээ'],
    ['/mn/news?category=medee', '/mn/news?category=medee'],
    ['/', '/'],
    ['/News/Show-123.html', '/News/Show-123.html'],
  ])('%s → %s', (input, path) => {
    expect(normalizeRedirectPath(input)).toEqual({ ok: true, path });
  });

  test.each([
    ['', /empty/],
    ['news/show.html', /start with "\/"/],
    ['https://evil.example/', /start with "\/"/],
    ['//evil.example/x', /not another host/],
    ['/\\evil.example', /not another host/],
    ['/a/../b', /"\.\."/],
    ['/%ff', /percent-encoded/],
    ['/a%0Ab', /control characters/],
    [`/${'x'.repeat(1100)}`, /longer than/],
  ])('refuses %j', (input, reason) => {
    const result = normalizeRedirectPath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

test('redirectLocation encodes each segment again and keeps the query', () => {
  expect(redirectLocation('/mn/news/мэдээ')).toBe('/mn/news/%D0%BC%D1%8D%D0%B4%D1%8D%D1%8D');
  expect(redirectLocation('/mn/news?category=medee')).toBe('/mn/news?category=medee');
});

test("documentPagePath: each type's page in stored form; other types have none", () => {
  expect(documentPagePath('api::article.article', 'mn', 'мэдээ')).toBe('/mn/news/мэдээ');
  expect(documentPagePath('api::certificate.certificate', 'zh', 'c')).toBe('/zh/certificates/c');
  expect(documentPagePath('api::category.category', 'mn', 'medee')).toBe('/mn/news?category=medee');
  expect(documentPagePath('api::global.global', 'mn', 'x')).toBeNull();
});
