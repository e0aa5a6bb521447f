import type { NextConfig } from 'next';
import { env } from './lib/env';
import { LIST_ROUTING_HEADER } from './lib/request-routing';
import { contentSecurityPolicy } from './lib/security/csp';

// Importing env validates the environment here, so `next build` and
// `next start` stop with a clear message before serving anything.
const cms = new URL(env.STRAPI_URL);

// Headers that are the same on every response. A preview page's CSP is proxy.ts's.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  // `next start` is production. Browsers ignore HSTS over plain http (local runs and tests);
  // behind the production https proxy it pins the site to https for a year.
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
    : []),
];

// The Content-Security-Policy of every page but a preview page (proxy.ts sets that one): fixed
// when the site is built. A page served over https (SITE_URL at build, or the front's
// X-Forwarded-Proto) also upgrades http subresources.
const publicPolicy = (upgradeInsecureRequests: boolean) => [
  {
    key: 'Content-Security-Policy',
    value: contentSecurityPolicy({
      frameAncestors: [],
      upgradeInsecureRequests,
      development: process.env.NODE_ENV === 'development',
    }),
  },
];
const pages = '/((?!api/|_next/).*)';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // No ETag: Next hashes each page's whole HTML for it on every request, 13-22 % of the CPU of
  // serving a cached page (issue 15), and answered a revalidation with it with a 200 all the same.
  // Only the front turned it into 304s; without it a reader revalidating through the front gets
  // the page again, which costs the transfer, not the servers' work. tests/e2e/hot-path.test.ts.
  generateEtags: false,
  // A self-contained server (.next/standalone) with only the files it needs: what the site's
  // Docker image ships and what `npm run bench` / `npm run start:cluster` run, each instance
  // from its own copy so their page caches never mix.
  output: 'standalone',
  // The rendered pages and CMS reads live in Redis when REDIS_URL is set, shared by every site
  // instance (a revalidation on one reaches all); in Next's own cache otherwise. See
  // cache-handler.mjs.
  cacheHandler: require.resolve('./cache-handler.mjs'),
  // These ship ES modules only. Next bundles them either way; listing them here
  // also makes next/jest compile them for the unit tests (web/jest.config.ts).
  transpilePackages: [
    'intl-messageformat',
    '@formatjs/intl-localematcher',
    '@formatjs/fast-memoize',
    '@formatjs/icu-messageformat-parser',
    '@formatjs/icu-skeleton-parser',
  ],
  // The plain forms of the public news list (/<locale>/news, ?page=N) to its internal route
  // (lib/request-routing.ts says why it has one), without running proxy.ts. Any other query (a
  // category, a repeated, empty or bad page) is marked by lib/security/request-screen.ts and
  // routed by the proxy, which runs before these.
  async rewrites() {
    const plain = [
      { type: 'query' as const, key: 'category' },
      { type: 'header' as const, key: LIST_ROUTING_HEADER },
    ];
    return {
      beforeFiles: [
        {
          source: '/:locale/news',
          missing: [...plain, { type: 'query', key: 'page' }],
          destination: '/:locale/news/list/1',
        },
        {
          source: '/:locale/news',
          has: [{ type: 'query', key: 'page', value: '(?<page>[1-9]\\d*)' }],
          missing: plain,
          destination: '/:locale/news/list/:page',
        },
      ],
    };
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Route handlers under /api set their own (the preview entry sends no-referrer: its URL
      // carries a signature), and a header here would replace theirs.
      { source: '/((?!api/).*)', headers: [{ key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' }] },
      { source: pages, headers: publicPolicy(env.SITE_URL.startsWith('https:')) },
      // Later entries win for the same header.
      {
        source: pages,
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: publicPolicy(true),
      },
    ];
  },
  images: {
    // Only the CMS's uploads may be optimized; any other remote image is refused.
    // Any port: tests and the cluster run the CMS on ports chosen at start.
    remotePatterns: [
      {
        protocol: cms.protocol === 'https:' ? 'https' : 'http',
        hostname: cms.hostname,
        pathname: '/uploads/**',
      },
    ],
    // The CMS is a sibling service on a private address in every deployment of
    // this stack (127.0.0.1 locally, a compose service name in Docker), which
    // the optimizer refuses by default. remotePatterns above pins it to that
    // one origin's /uploads/, so this opens no route to other internal hosts.
    dangerouslyAllowLocalIP: true,
  },
};

export default nextConfig;
