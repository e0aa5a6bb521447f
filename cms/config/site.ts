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
