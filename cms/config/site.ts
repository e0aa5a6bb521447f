import type { Core } from '@strapi/strapi';
import { readOptionalSecret } from '../src/env/secrets';

/**
 * The Next.js site as the CMS sees it (`strapi.config.get('site')`): where to announce published
 * changes (src/publishing/notifier.ts) and how to open drafts in preview (config/admin.ts).
 * Each feature is off while its variables are unset, so the CMS also runs without a site.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = (env('SITE_URL', '') ?? '').trim().replace(/\/+$/, '');
  const revalidateUrl = (env('SITE_REVALIDATE_URL', '') ?? '').trim() || (url ? `${url}/api/revalidate` : '');
  const revalidateSecret = readOptionalSecret(env, 'SITE_REVALIDATE_SECRET');
  if (revalidateUrl && !revalidateSecret) {
    throw new Error(
      'SITE_REVALIDATE_SECRET is not set, but SITE_URL / SITE_REVALIDATE_URL say where the site is. ' +
        'Set it to the value of REVALIDATE_SECRET in the site (see cms/.env.example), or unset SITE_URL.',
    );
  }
  for (const [name, value] of [
    ['SITE_URL', url],
    ['SITE_REVALIDATE_URL', revalidateUrl],
  ] as const) {
    if (value && !URL.canParse(value)) throw new Error(`${name} must be an absolute http(s) URL (got "${value}")`);
  }

  const timeZone = env('SITE_TIME_ZONE', 'Asia/Ulaanbaatar');
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`SITE_TIME_ZONE must be an IANA time zone such as Asia/Ulaanbaatar (got "${timeZone}")`);
  }

  // Search engines told of each change (src/publishing/search-engines.ts); each is off while its key is unset.
  const indexNowKey = (env('INDEXNOW_KEY', '') ?? '').trim();
  if (indexNowKey && !/^[A-Za-z0-9-]{8,128}$/.test(indexNowKey)) {
    throw new Error('INDEXNOW_KEY must be 8 to 128 letters, digits or hyphens (the same value as in the site)');
  }
  const baiduToken = (env('BAIDU_PUSH_TOKEN', '') ?? '').trim();
  if ((indexNowKey || baiduToken) && !url) {
    throw new Error(
      'INDEXNOW_KEY / BAIDU_PUSH_TOKEN need SITE_URL: the URLs announced to search engines are built on it.',
    );
  }
  const indexNowEndpoint = env('INDEXNOW_ENDPOINT', 'https://api.indexnow.org/indexnow');
  const baiduEndpoint = env('BAIDU_PUSH_ENDPOINT', 'http://data.zz.baidu.com/urls');
  for (const [name, value] of [
    ['INDEXNOW_ENDPOINT', indexNowEndpoint],
    ['BAIDU_PUSH_ENDPOINT', baiduEndpoint],
  ] as const) {
    if (!URL.canParse(value)) throw new Error(`${name} must be an absolute http(s) URL (got "${value}")`);
  }

  return {
    /** Public URL of the site, as an editor's browser opens it (preview links). */
    url,
    /** The company's calendar: "today" for a new article's post date. */
    timeZone,
    revalidate: {
      /** The site's revalidation route, as this server reaches it. */
      url: revalidateUrl,
      secret: revalidateSecret,
      /** Deliveries that fail (site down, 5xx) are retried with a doubling delay, this many times in all. */
      maxAttempts: env.int('SITE_REVALIDATE_MAX_ATTEMPTS', 8),
    },
    searchEngines: {
      indexNow: indexNowKey ? { endpoint: indexNowEndpoint, key: indexNowKey } : undefined,
      baidu: baiduToken ? { endpoint: baiduEndpoint, token: baiduToken } : undefined,
      /** Pings that fail (endpoint down, 5xx, 429) are retried with a doubling delay, this many times in all. */
      maxAttempts: env.int('SEARCH_ENGINE_PING_MAX_ATTEMPTS', 4),
    },
    schedule: {
      /** How often due publishAt / unpublishAt times are looked for (src/publishing/schedule.ts); 0 turns it off. */
      intervalSeconds: env.int('SCHEDULE_INTERVAL_SECONDS', 15),
    },
    preview: {
      /** Signs preview links; the site checks the signature before it enters draft mode. */
      secret: readOptionalSecret(env, 'SITE_PREVIEW_SECRET'),
      /** Key of the API token the site reads drafts with (the only credential the content API serves drafts to). */
      token: readOptionalSecret(env, 'SITE_PREVIEW_TOKEN'),
      /** How long a preview link opened from the admin stays valid. */
      linkLifetimeSeconds: env.int('SITE_PREVIEW_LINK_SECONDS', 3600),
    },
  };
};
