import { createHmac } from 'node:crypto';
import { type SiteChange, siteChangeSchema } from '@medee/contract/change';
import { pathsToRefresh, tagsForChange, tagsToExpire } from '@/lib/site-sync/change';
import { allSitemapTags, sitemapParts, sitemapPartTags } from '@/lib/sitemap';
import type { SitemapSummary } from '@/lib/strapi/types';
import { NOTICE_TOLERANCE_SECONDS, verifyNoticeSignature } from '@medee/contract/notice-signature';
import { verifyPreviewLink } from '@medee/contract/preview-link';

const secret = 'wQw8/6V2eaLz9QDPNrq20oGqUvRzfuW80GNPRkkHxYI=';
const now = 1_800_000_000;

/** Signs like the CMS does (packages/contract). */
const sign = (body: string, timestamp = now, key = secret) =>
  `t=${timestamp},v1=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;

describe('verifyNoticeSignature', () => {
  const body = JSON.stringify({ id: 'x', event: 'entry.publish' });

  it('accepts the CMS signature of this body within the tolerance', () => {
    expect(verifyNoticeSignature(secret, body, sign(body), now)).toBe(true);
    expect(verifyNoticeSignature(secret, body, sign(body, now - NOTICE_TOLERANCE_SECONDS), now)).toBe(true);
  });

  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['the secret itself', secret],
    ['a bearer header', `Bearer ${secret}`],
    ['another secret', sign(body, now, 'another-secret-of-enough-length')],
    ['a signature of another body', sign(`${body} `)],
    ['an old capture', sign(body, now - NOTICE_TOLERANCE_SECONDS - 1)],
    ['a timestamp from the future', sign(body, now + NOTICE_TOLERANCE_SECONDS + 1)],
    ['a truncated signature', sign(body).slice(0, -2)],
  ])('refuses %s', (_case, header) => {
    expect(verifyNoticeSignature(secret, body, header, now)).toBe(false);
  });
});

describe('verifyPreviewLink', () => {
  const fields = {
    uid: 'api::article.article',
    documentId: 'abc123',
    locale: 'zh',
    status: 'draft',
    expires: String(now + 3600),
  };
  const signed = (overrides: Record<string, string> = {}, key = secret) => {
    const values = { ...fields, ...overrides };
    const message = [
      'medee-preview-v1',
      values.uid,
      values.documentId,
      values.locale,
      values.status,
      values.expires,
    ].join('\n');
    return new URLSearchParams({ ...values, signature: createHmac('sha256', key).update(message).digest('base64url') });
  };

  it('returns the document of a link the CMS signed', () => {
    expect(verifyPreviewLink(secret, signed(), now)).toEqual({ ...fields, expires: now + 3600 });
  });

  it('refuses a link for another document, locale or status than the one signed', () => {
    for (const [key, value] of [
      ['documentId', 'other'],
      ['locale', 'mn'],
      ['status', 'published'],
      ['uid', 'api::global.global'],
    ]) {
      const params = signed();
      params.set(key!, value!);
      expect(verifyPreviewLink(secret, params, now)).toBeNull();
    }
  });

  it('refuses expired, unsigned, wrongly signed and far-future links', () => {
    expect(verifyPreviewLink(secret, signed({ expires: String(now - 1) }), now)).toBeNull();
    expect(verifyPreviewLink(secret, signed({ expires: String(now + 2 * 24 * 3600) }), now)).toBeNull();
    const unsigned = signed();
    unsigned.delete('signature');
    expect(verifyPreviewLink(secret, unsigned, now)).toBeNull();
    expect(verifyPreviewLink(secret, signed({}, 'another-secret-of-enough-length'), now)).toBeNull();
    expect(verifyPreviewLink(secret, new URLSearchParams(), now)).toBeNull();
  });
});

describe('tagsForChange', () => {
  const change = (uid: string, variants: SiteChange['variants']): SiteChange =>
    siteChangeSchema.parse({ id: 'n1', event: 'entry.publish', uid, documentId: 'd1', variants });
  const article = 'api::article.article';

  it("a first publish refreshes the locale's lists and the page at its slug (a cached 404 there)", () => {
    expect(
      tagsForChange(change(article, [{ locale: 'mn', before: null, after: { slug: 'new' }, changed: true }])),
    ).toEqual(['article:mn:new', 'articles:mn', 'redirects', 'sitemap:articles:mn']);
  });

  it("a slug change refreshes the old page (now 404) and the new one; the unchanged translation's page follows the link", () => {
    const tags = tagsForChange(
      change(article, [
        { locale: 'mn', before: { slug: 'old' }, after: { slug: 'renamed' }, changed: true },
        { locale: 'zh', before: { slug: 'zh-slug' }, after: { slug: 'zh-slug' }, changed: false },
      ]),
    );
    // The sitemap lists the translation's alternates, so the zh article parts are refreshed too.
    expect(tags).toEqual([
      'article:mn:old',
      'article:mn:renamed',
      'article:zh:zh-slug',
      'articles:mn',
      'redirects',
      'sitemap:articles:mn',
      'sitemap:articles:zh',
    ]);
  });

  it('an unpublish or delete refreshes the page that is gone', () => {
    expect(
      tagsForChange(change(article, [{ locale: 'zh', before: { slug: 'gone' }, after: null, changed: true }])),
    ).toEqual(['article:zh:gone', 'articles:zh', 'redirects', 'sitemap:articles:zh']);
  });

  it('a shared field changes both locales; a localized one only its own', () => {
    const both = change(article, [
      { locale: 'mn', before: { slug: 'a' }, after: { slug: 'a' }, changed: true },
      { locale: 'zh', before: { slug: 'b' }, after: { slug: 'b' }, changed: true },
    ]);
    expect(tagsForChange(both)).toEqual([
      'article:mn:a',
      'article:zh:b',
      'articles:mn',
      'articles:zh',
      'sitemap:articles:mn',
      'sitemap:articles:zh',
    ]);
    const mnOnly = change(article, [
      { locale: 'mn', before: { slug: 'a' }, after: { slug: 'a' }, changed: true },
      { locale: 'zh', before: { slug: 'b' }, after: { slug: 'b' }, changed: false },
    ]);
    expect(tagsForChange(mnOnly)).toEqual(['article:mn:a', 'articles:mn', 'sitemap:articles:mn']);
  });

  it('certificates, categories and the settings map to their own tags', () => {
    expect(
      tagsForChange(
        change('api::certificate.certificate', [
          { locale: 'zh', before: { slug: 'c' }, after: { slug: 'c2' }, changed: true },
        ]),
      ),
    ).toEqual(['certificate:zh:c', 'certificate:zh:c2', 'certificates:zh', 'redirects', 'sitemap:certificates:zh']);
    expect(
      tagsForChange(
        change('api::category.category', [
          { locale: 'mn', before: { slug: 'k' }, after: { slug: 'k' }, changed: true },
        ]),
      ),
    ).toEqual(['categories:mn', 'sitemap:categories:mn']);
    expect(
      tagsForChange(
        change('api::global.global', [{ locale: 'zh', before: { slug: null }, after: { slug: null }, changed: true }]),
      ),
    ).toEqual(['global:zh']);
  });

  it("a publish of one locale's article makes only that locale's article parts of the sitemap stale (and the list parts, the index)", () => {
    const group = { count: 5_000, updatedAt: null };
    const summary: SitemapSummary = {
      locales: {
        mn: { articles: group, certificates: { count: 3, updatedAt: null }, categories: [] },
        zh: { articles: group, certificates: { count: 3, updatedAt: null }, categories: [] },
      },
    };
    const tags = new Set(
      tagsForChange(change(article, [{ locale: 'mn', before: { slug: 'a' }, after: { slug: 'a' }, changed: true }])),
    );
    const stale = sitemapParts(summary, 10)
      .filter((part) => sitemapPartTags(part).some((tag) => tags.has(tag)))
      .map((part) => part.name);
    expect(stale).toEqual(['mn-pages-1', 'mn-articles-1', 'mn-articles-2', 'mn-articles-3', 'zh-pages-1']);
    expect(allSitemapTags().some((tag) => tags.has(tag))).toBe(true);
  });

  it('expires at once the page under a slug left behind and the redirect lookups (Next keeps no Location on a background render)', () => {
    const renamed = change(article, [
      { locale: 'mn', before: { slug: 'old' }, after: { slug: 'renamed' }, changed: true },
      { locale: 'zh', before: { slug: 'zh-slug' }, after: { slug: 'zh-slug' }, changed: false },
    ]);
    expect([...tagsToExpire(renamed)].sort()).toEqual(['article:mn:old', 'redirects']);
    const edited = change(article, [{ locale: 'mn', before: { slug: 'a' }, after: { slug: 'a' }, changed: true }]);
    expect([...tagsToExpire(edited)]).toEqual([]);
    expect([...tagsToExpire(change('api::redirect.redirect', []))]).toEqual(['redirects']);
  });

  it('a redirect written or deleted refreshes the redirect lookups, and nothing else', () => {
    expect(tagsForChange(change('api::redirect.redirect', []))).toEqual(['redirects']);
    expect(pathsToRefresh(change('api::redirect.redirect', []))).toEqual([]);
  });

  it('unknown types and locales the site does not serve give nothing', () => {
    expect(
      tagsForChange(change('api::other.other', [{ locale: 'mn', before: null, after: { slug: 'x' }, changed: true }])),
    ).toEqual([]);
    expect(
      tagsForChange(change(article, [{ locale: 'en', before: null, after: { slug: 'x' }, changed: true }])),
    ).toEqual([]);
  });
});

describe('pathsToRefresh', () => {
  it("names the changed variant's pages under both slugs, its list, home page, feed and the sitemap; unchanged locales give nothing", () => {
    const change = siteChangeSchema.parse({
      id: 'n2',
      event: 'entry.publish',
      uid: 'api::article.article',
      documentId: 'd2',
      variants: [
        { locale: 'mn', before: { slug: 'хуучин' }, after: { slug: 'new' }, changed: true },
        { locale: 'zh', before: { slug: 'zh' }, after: { slug: 'zh' }, changed: false },
      ],
    });
    expect(pathsToRefresh(change)).toEqual([
      `/mn/news/${encodeURIComponent('хуучин')}`,
      '/mn/news/new',
      '/mn/news',
      '/mn',
      '/mn/feed.xml',
      '/sitemap.xml',
    ]);
  });
});
