import type { Core } from '@strapi/strapi';

const UPLOAD_SIZE_LIMIT_BYTES = 10 * 1024 * 1024;

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const siteOrigins = env.array('CORS_ORIGINS', ['http://localhost:3000', 'http://127.0.0.1:3000']);
  const production = env('NODE_ENV') === 'production';

  return [
    // First: who the client is (the front's X-Forwarded-For, only from the front).
    'global::client-address',
    'strapi::logger',
    'strapi::errors',
    // An unreachable database answers 503 + Retry-After instead of a 500 (src/middlewares/).
    'global::database-unavailable',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            // Strapi's defaults, plus: nobody frames the CMS, and the admin may frame the site
            // (Strapi's Preview shows the site's draft mode in an iframe).
            'frame-ancestors': ["'self'"],
            'frame-src': ["'self'", ...siteOrigins],
            'img-src': ["'self'", 'data:', 'blob:'],
            'media-src': ["'self'", 'data:', 'blob:'],
            'object-src': ["'none'"],
            upgradeInsecureRequests: null,
          },
        },
        // Only meaningful over HTTPS, which production has in front of it; a development
        // browser must not learn to force HTTPS on localhost.
        hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
        frameguard: { action: 'sameorigin' },
        referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
        // X-Content-Type-Options: nosniff is on by default (helmet's noSniff).
      },
    },
    {
      name: 'strapi::cors',
      config: {
        // Only the site (and the admin served from this origin) may call the API from a browser.
        origin: siteOrigins,
      },
    },
    // Malformed query strings (bad locale, absurd nesting, invalid UTF-8…) end here as 400,
    // before they reach the database (src/middlewares/query-guard.ts).
    'global::query-guard',
    // Populated reads: a cap on related entries per response and on concurrent reads per client.
    'global::read-budget',
    'global::admin-login-limit',
    'strapi::query',
    {
      name: 'strapi::body',
      config: {
        formLimit: '256kb',
        jsonLimit: '1mb',
        textLimit: '256kb',
        formidable: { maxFileSize: env.int('UPLOAD_SIZE_LIMIT_BYTES', UPLOAD_SIZE_LIMIT_BYTES) },
      },
    },
    // Uploaded files must be what the allow list says by their bytes, not only by name.
    'global::upload-content-check',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
