/**
 * The site's Content-Security-Policy.
 *
 * NOTE: scripts keep 'unsafe-inline'. Next.js's own bootstrap and RSC payload are inline
 * scripts; the only way to allow them without 'unsafe-inline' is a per-request nonce, which
 * makes every page dynamic (no prerendered HTML, no ISR): the localized 404 and error pages
 * would no longer be in the server HTML and published pages would no longer be served from the
 * page cache (tests/e2e/reader, cms-failure and publish.test.ts rely on both). Hashes cannot
 * cover the per-page payload either. Remove 'unsafe-inline' when Next.js can put nonces (or
 * hashes) into prerendered pages. Everything else is as strict as the site allows: scripts only
 * from this origin, no plugins, no <base> hijack, no foreign form targets, framed only by the
 * site itself, and a preview page also by the CMS admin (Strapi Preview).
 */
export interface CspOptions {
  /** Other origins allowed to frame the page: the CMS admin on a preview page, whose Preview shows it in an iframe. */
  frameAncestors: readonly string[];
  /** Upgrade http subresources to https; only when the site itself is served over https. */
  upgradeInsecureRequests: boolean;
  /** `next dev` needs eval for React's error overlays. */
  development: boolean;
}

export function contentSecurityPolicy({ frameAncestors, upgradeInsecureRequests, development }: CspOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    ['script-src-attr', "'none'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    // Optimized images come from /_next/image; uploads kept on an S3-style host are shown as they are.
    ['img-src', "'self'", 'data:', 'blob:', 'https:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'", ...frameAncestors],
  ];
  if (upgradeInsecureRequests) directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}
