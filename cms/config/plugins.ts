import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/env/secrets';

/**
 * What editors may upload: raster images for covers and PDFs for certificate scans. Anything
 * else is refused by the upload plugin's MIME check, which looks at the declared type, the
 * extension and the file's bytes. The deny list names what must never pass even if someone
 * widens the allow list: SVG and HTML run scripts in the CMS's origin when opened directly,
 * and executables have no place on a news site.
 */
export const UPLOAD_ALLOWED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/pdf',
];
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

/**
 * Uploads on an S3-compatible bucket when S3_BUCKET is set (production with several CMS
 * instances), on local disk (public/uploads) otherwise. S3_ENDPOINT targets a non-AWS service
 * (MinIO, R2, …) with path-style URLs; S3_PUBLIC_URL is the public base URL of the files
 * (bucket website or CDN) when it differs from the bucket's own.
 */
function uploadProvider(env: Core.Config.Shared.ConfigParams['env']) {
  const bucket = env('S3_BUCKET', '');
  if (!bucket) return {};
  const endpoint = env('S3_ENDPOINT', '');
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: env('S3_PUBLIC_URL', '') || undefined,
      s3Options: {
        credentials: {
          accessKeyId: readSecret(env, 'S3_ACCESS_KEY_ID'),
          secretAccessKey: readSecret(env, 'S3_SECRET_ACCESS_KEY'),
        },
        region: env('S3_REGION', 'us-east-1'),
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
        params: { Bucket: bucket },
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: readSecret(env, 'JWT_SECRET') },
  },
  upload: {
    config: {
      // Bytes; the body parser's own cap (config/middlewares.ts) follows this value.
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_BYTES', 10 * 1024 * 1024),
      security: { allowedTypes: UPLOAD_ALLOWED_TYPES, deniedTypes: UPLOAD_DENIED_TYPES },
      ...uploadProvider(env),
    },
  },
});
