import middlewares from '../config/middlewares';
import server from '../config/server';
import plugins, { UPLOAD_ALLOWED_TYPES, UPLOAD_DENIED_TYPES } from '../config/plugins';
import { detectAllowedType } from '../src/middlewares/upload-content-check';
import { EXECUTABLE, HTML_WITH_SCRIPT, SVG_WITH_SCRIPT, tinyPdf, tinyPng } from './helpers/files';

// biome-ignore lint/suspicious/noExplicitAny: config objects are inspected by shape
type Json = any;

/** A stand-in for Strapi's `env` helper over a plain object. */
function envOf(values: Record<string, string>) {
  const env = ((name: string, fallback?: string) => values[name] ?? fallback) as Json;
  env.int = (name: string, fallback?: number) => (values[name] ? Number(values[name]) : fallback);
  env.bool = (name: string, fallback?: boolean) => (values[name] ? values[name] === 'true' : fallback);
  env.array = (name: string, fallback?: string[]) => (values[name] ? values[name].split(',') : fallback);
  return env;
}

const securityConfig = (values: Record<string, string>) =>
  (middlewares({ env: envOf(values) } as Json) as Json[]).find((m) => m?.name === 'strapi::security').config;

describe('CMS security configuration', () => {
  test('an empty PUBLIC_DIR still means ./public, never cms/ itself (which holds .env)', () => {
    const secrets = { APP_KEYS: 'a'.repeat(32) };
    expect((server({ env: envOf({ ...secrets, PUBLIC_DIR: '' }) } as Json) as Json).dirs.public).toBe('./public');
    expect((server({ env: envOf({ ...secrets, PUBLIC_DIR: '/srv/medee/public' }) } as Json) as Json).dirs.public).toBe(
      '/srv/medee/public',
    );
  });

  test('HSTS is sent in production only', () => {
    expect(securityConfig({ NODE_ENV: 'production' }).hsts).toEqual({ maxAge: 31536000, includeSubDomains: true });
    expect(securityConfig({ NODE_ENV: 'development' }).hsts).toBe(false);
  });

  test('the admin may frame the site origins (Preview), nobody frames the CMS', () => {
    const { directives } = securityConfig({ CORS_ORIGINS: 'https://medee.example' }).contentSecurityPolicy;
    expect(directives['frame-src']).toEqual(["'self'", 'https://medee.example']);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
  });

  test('the query guard runs before the router, the upload check after the body parser', () => {
    const names = (middlewares({ env: envOf({}) } as Json) as Json[]).map((m) => (typeof m === 'string' ? m : m.name));
    expect(names.indexOf('global::query-guard')).toBeLessThan(names.indexOf('strapi::body'));
    expect(names.indexOf('global::upload-content-check')).toBeGreaterThan(names.indexOf('strapi::body'));
    expect(names).toContain('global::admin-login-limit');
    expect(names).not.toContain('strapi::poweredBy');
  });

  test('uploads: no SVG, HTML or executable is allowed, and the size cap is 10 MB by default', () => {
    const upload = (plugins({ env: envOf({ JWT_SECRET: 'x'.repeat(32) }) } as Json) as Json).upload.config;
    expect(upload.sizeLimit).toBe(10 * 1024 * 1024);
    expect(upload.security).toEqual({ allowedTypes: UPLOAD_ALLOWED_TYPES, deniedTypes: UPLOAD_DENIED_TYPES });
    for (const type of ['image/svg+xml', 'text/html', 'application/x-msdownload']) {
      expect(UPLOAD_ALLOWED_TYPES).not.toContain(type);
      expect(UPLOAD_DENIED_TYPES).toContain(type);
    }
  });

  test('file signatures: images and PDFs are recognized, SVG, HTML and executables are not', () => {
    expect(detectAllowedType(tinyPng())).toBe('image/png');
    expect(detectAllowedType(tinyPdf())).toBe('application/pdf');
    expect(detectAllowedType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectAllowedType(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(detectAllowedType(Buffer.from('\x00\x00\x00\x1cftypavif', 'latin1'))).toBe('image/avif');
    for (const bytes of [Buffer.from(SVG_WITH_SCRIPT), Buffer.from(HTML_WITH_SCRIPT), EXECUTABLE, Buffer.alloc(0)]) {
      expect(detectAllowedType(bytes)).toBeUndefined();
    }
  });
});
