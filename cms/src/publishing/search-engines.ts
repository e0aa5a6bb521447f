import { addressesMainlandChina, contentTypeUids, isLocale, sitePaths } from '@medee/contract';
import type { SiteChange } from '@medee/contract/change';
import { describeChange, postOnce, RetryingSender, type RetryOptions } from './notifier';

// Tells search engines which public URLs a change touched, so they recrawl them at once instead
// of on their next visit: IndexNow (Bing, Yandex, Seznam, Naver… share the submissions) for every
// locale, and Baidu's link push for the site addressed to mainland China. Both are off unless
// configured (config/site.ts).

export interface SearchEngineOptions extends RetryOptions {
  /** SITE_URL: the public origin the URLs are built on. */
  siteUrl: string;
  indexNow?: { endpoint: string; key: string };
  baidu?: { endpoint: string; token: string };
}

/** The site's paths for one locale variant's published state (slug null for the `global` single type). */
function variantPaths(uid: string, locale: string, slug: string | null): string[] {
  if (uid === contentTypeUids.global) return [sitePaths.home(locale)];
  if (slug === null) return [];
  if (uid === contentTypeUids.article) return [sitePaths.article(locale, slug)];
  if (uid === contentTypeUids.certificate) return [sitePaths.certificate(locale, slug)];
  if (uid === contentTypeUids.category) return [`${sitePaths.news(locale)}?category=${encodeURIComponent(slug)}`];
  return [];
}

/**
 * The absolute URLs a change touched, by locale: of each changed variant its address before (an
 * unpublished page or an old slug now answers 404, which the engine should learn too) and after.
 * Locales the site does not serve are left out.
 */
export function changedUrls(change: SiteChange, siteUrl: string): Array<{ locale: string; url: string }> {
  const urls = new Map<string, string>();
  for (const { locale, before, after, changed } of change.variants) {
    if (!changed || !isLocale(locale)) continue;
    for (const state of [before, after]) {
      if (!state) continue;
      for (const path of variantPaths(change.uid, locale, state.slug)) urls.set(`${siteUrl}${path}`, locale);
    }
  }
  return [...urls].map(([url, locale]) => ({ url, locale }));
}

export class SearchEnginePings {
  private readonly sender: RetryingSender;

  constructor(private readonly options: SearchEngineOptions) {
    this.sender = new RetryingSender(options);
  }

  /** Starts the pings for `change` in the background; failures are logged, never thrown. */
  announce(change: SiteChange): void {
    const { siteUrl, indexNow, baidu } = this.options;
    const urls = changedUrls(change, siteUrl);
    if (urls.length === 0) return;
    const what = describeChange(change);
    if (indexNow) {
      const body = JSON.stringify({
        host: new URL(siteUrl).host,
        key: indexNow.key,
        keyLocation: `${siteUrl}/${indexNow.key}.txt`,
        urlList: urls.map(({ url }) => url),
      });
      this.sender.send({
        what: `IndexNow about ${what}`,
        attempt: () => postOnce(indexNow.endpoint, { 'Content-Type': 'application/json; charset=utf-8' }, body),
        onRefused: 'Check INDEXNOW_KEY, and that the site serves it at /<key>.txt under SITE_URL.',
        onGivenUp: 'Search engines find the change on their next crawl.',
      });
    }
    const mainland = urls.filter(({ locale }) => addressesMainlandChina(locale));
    if (baidu && mainland.length > 0) {
      const endpoint = new URL(baidu.endpoint);
      endpoint.searchParams.set('site', siteUrl);
      endpoint.searchParams.set('token', baidu.token);
      this.sender.send({
        what: `Baidu about ${what}`,
        attempt: () =>
          postOnce(endpoint.href, { 'Content-Type': 'text/plain' }, mainland.map(({ url }) => url).join('\n')),
        onRefused: 'Check BAIDU_PUSH_TOKEN and that SITE_URL is the site verified in Baidu Search Resource Platform.',
        onGivenUp: 'Baidu finds the change on its next crawl.',
      });
    }
  }

  async flush(timeoutMs?: number): Promise<void> {
    const dropped = await this.sender.flush(timeoutMs);
    if (dropped > 0) this.options.log.warn(`${dropped} search engine ping(s) were dropped at shutdown.`);
  }
}
