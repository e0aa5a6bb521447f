import { z } from 'zod';

/**
 * The site's configuration, read from the process environment once, when this
 * module is first imported (by next.config.ts at build and start, so a bad
 * value stops the process before it serves anything).
 *
 * STRAPI_READ_TOKEN is secret. Only server-only modules (lib/strapi/) read it;
 * Next.js never inlines variables without the NEXT_PUBLIC_ prefix into client
 * bundles, and lib/strapi/transport.ts imports 'server-only' on top of that.
 * The same holds for the secrets shared with the CMS for revalidation and
 * preview (REVALIDATE_SECRET, PREVIEW_SECRET, STRAPI_PREVIEW_TOKEN), read only
 * by lib/strapi/ and the route handlers under app/api/.
 */

// An empty value in a .env file (`STRAPI_READ_TOKEN=`) means "not set".
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

// z.url rather than z.httpUrl: the latter wants a domain name, and the CMS is
// often an IP address or a compose service name (http://cms:1337).
const httpOrigin = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:1337' })
  .transform((url) => url.replace(/\/+$/, ''));

// A secret shared with the CMS: unset turns its feature off (the route answers 401).
const sharedSecret = z.preprocess(
  emptyAsUnset,
  z.string().regex(/^\S+$/, 'must not contain whitespace').min(16, 'must be at least 16 characters').optional(),
);

const envSchema = z
  .object({
    STRAPI_URL: z.preprocess(emptyAsUnset, httpOrigin.default('http://127.0.0.1:1337')),
    STRAPI_READ_TOKEN: z.preprocess(emptyAsUnset, z.string().regex(/^\S+$/, 'must not contain whitespace').optional()),
    SITE_URL: z.preprocess(emptyAsUnset, httpOrigin.default('http://localhost:3000')),
    /** Verifies the CMS's change notices (SITE_REVALIDATE_SECRET there). */
    REVALIDATE_SECRET: sharedSecret,
    /** Verifies preview links from the CMS admin (SITE_PREVIEW_SECRET there). */
    PREVIEW_SECRET: sharedSecret,
    /** API token that may read drafts, used in draft mode only (SITE_PREVIEW_TOKEN there). */
    STRAPI_PREVIEW_TOKEN: sharedSecret,
    // Seconds a preview session opened by a link lasts (the scope cookie, lib/preview/session.ts);
    // after that the browser sees published pages until a new link opens another session.
    PREVIEW_SESSION_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(60).max(86_400).default(1800)),
    // false on staging and previews: robots.txt disallows everything and pages say noindex.
    SITE_INDEXING: z.preprocess(
      emptyAsUnset,
      z
        .enum(['true', 'false'], { message: 'must be true or false' })
        .default('true')
        .transform((value) => value === 'true'),
    ),
    // The CMS as browsers reach it, when that differs from STRAPI_URL (e.g. http://cms:1337 inside
    // Docker): its admin may frame preview pages (lib/preview/page-token.ts, frame-ancestors).
    CMS_PUBLIC_URL: z.preprocess(emptyAsUnset, httpOrigin.optional()),
    // Seconds a cached CMS read is served before it is fetched again (in the background; a failed
    // fetch keeps the cached copy). The publish webhook makes changes visible sooner.
    CMS_REVALIDATE_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(86_400).default(300)),
    // The production front (nginx, deploy/nginx/) as this server reaches it (e.g. http://front in
    // Docker) and the token its micro-cache takes from a refresh request (X-Medee-Refresh): after a
    // publish, /api/revalidate refreshes the changed pages there too, so readers see the change at
    // once instead of after the micro-cache's second. Both or neither.
    // The IndexNow key (INDEXNOW_KEY in the CMS, which pings with it): served at /<key>.txt, which
    // proves to the search engines that the pings come from the site's owner. Unset: no key file.
    INDEXNOW_KEY: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .regex(/^[A-Za-z0-9-]{8,128}$/, 'must be 8 to 128 letters, digits or hyphens')
        .optional(),
    ),
    FRONT_URL: z.preprocess(emptyAsUnset, httpOrigin.optional()),
    FRONT_REFRESH_TOKEN: sharedSecret,
  })
  .refine((env) => (env.FRONT_URL === undefined) === (env.FRONT_REFRESH_TOKEN === undefined), {
    message:
      'FRONT_URL and FRONT_REFRESH_TOKEN go together: set both (the site refreshes the front after a publish) or neither',
    path: ['FRONT_REFRESH_TOKEN'],
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  override name = 'InvalidEnvironmentError';

  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid environment for the medee web site (see web/.env.example):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
