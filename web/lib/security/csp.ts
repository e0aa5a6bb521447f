/**
 * The site's Content-Security-Policy. Scripts run only when they carry this response's nonce
 * (Next.js adds it to its own scripts, reading it from the request's CSP header) or are loaded
 * by such a script ('strict-dynamic'): no 'unsafe-inline', no 'unsafe-eval' in production.
 *
 * Styles keep 'unsafe-inline': next/image and React write `style` attributes, which a nonce
 * cannot cover. Styles cannot run code; the script policy is what stops XSS.
 */
export interface CspOptions {
  nonce: string
  /** Origins allowed to frame the site: the CMS admin, whose Preview shows the site in an iframe. */
  frameAncestors: readonly string[]
  /** Upgrade http subresources to https; only when the site itself is served over https. */
  upgradeInsecureRequests: boolean
  /** `next dev` needs eval for React's error overlays. */
  development: boolean
}

export function contentSecurityPolicy({ nonce, frameAncestors, upgradeInsecureRequests, development }: CspOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    // Optimized images come from /_next/image; uploads kept on an S3-style host are shown as they are.
    ['img-src', "'self'", 'data:', 'blob:', 'https:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'", ...frameAncestors],
  ]
  if (upgradeInsecureRequests) directives.push(['upgrade-insecure-requests'])
  return directives.map((directive) => directive.join(' ')).join('; ')
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
