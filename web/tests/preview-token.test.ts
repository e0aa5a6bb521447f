import { signPreviewSession, verifyPreviewSession } from '@/lib/preview/token';

// The scope cookie of a preview session: what a browser holds may be read but not changed, and
// it stops opening the draft when it expires.

const SECRET = 'preview-secret-0123456789abcdef';
const NOW = 1_800_000_000;
const scope = {
  uid: 'api::article.article',
  documentId: 'doc-a',
  locale: 'mn',
  status: 'draft' as const,
  expires: NOW + 1800,
};

describe('preview session token', () => {
  it('verifies what it signed until it expires', () => {
    const token = signPreviewSession(SECRET, scope);
    expect(verifyPreviewSession(SECRET, token, NOW)).toEqual(scope);
    expect(verifyPreviewSession(SECRET, token, NOW + 1799)).toEqual(scope);
    expect(verifyPreviewSession(SECRET, token, NOW + 1800)).toBeNull();
  });

  it('refuses a changed scope, another secret, and anything malformed', () => {
    const token = signPreviewSession(SECRET, scope);
    const [, mac] = token.split('.');
    for (const changed of [
      { ...scope, documentId: 'doc-b' },
      { ...scope, locale: 'zh' },
      { ...scope, uid: 'api::certificate.certificate' },
      { ...scope, status: 'published' },
      { ...scope, expires: NOW + 999_999 },
    ]) {
      const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac}`;
      expect(verifyPreviewSession(SECRET, forged, NOW)).toBeNull();
    }
    expect(verifyPreviewSession('another-secret-0123456789abcdef', token, NOW)).toBeNull();
    for (const malformed of ['', '.', 'abc', `${token}.x`, `${token.split('.')[0]}.`, 'e30.AAAA']) {
      expect(verifyPreviewSession(SECRET, malformed, NOW)).toBeNull();
    }
  });

  it('a scope signed without a version is a draft one (cookies from before versions were signed)', () => {
    const { status: _, ...withoutStatus } = scope;
    expect(verifyPreviewSession(SECRET, signPreviewSession(SECRET, withoutStatus), NOW)).toEqual(scope);
  });

  it('signs only complete scopes', () => {
    expect(() => signPreviewSession(SECRET, { ...scope, documentId: '' })).toThrow();
  });
});
