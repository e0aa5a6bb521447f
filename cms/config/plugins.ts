import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/env/secrets';

/**
 * What editors may upload: raster images for covers and PDFs for certificate scans. Anything
 * else is refused by the upload plugin's MIME check, which looks at the declared type, the
 * extension and the file's bytes. The deny list names what must never pass even if someone
 * widens the allow list: SVG and HTML run scripts in the CMS's origin when opened directly,
 * and executables have no place on a news site.
 */
export const UPLOAD_ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/pdf'];
export const UPLOAD_DENIED_TYPES = [
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/javascript',
  'application/javascript',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sh',
  'application/x-httpd-php',
  'application/java-archive',
  'application/vnd.microsoft.portable-executable',
];

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: readSecret(env, 'JWT_SECRET') },
  },
  upload: {
    config: {
      // Bytes; the body parser's own cap (config/middlewares.ts) follows this value.
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_BYTES', 10 * 1024 * 1024),
      security: { allowedTypes: UPLOAD_ALLOWED_TYPES, deniedTypes: UPLOAD_DENIED_TYPES },
    },
  },
});
