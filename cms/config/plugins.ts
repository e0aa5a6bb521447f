import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/env/secrets';

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
        credentials: { accessKeyId: readSecret(env, 'S3_ACCESS_KEY_ID'), secretAccessKey: readSecret(env, 'S3_SECRET_ACCESS_KEY') },
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
    config: { sizeLimit: env.int('UPLOAD_SIZE_LIMIT_BYTES', 10 * 1024 * 1024), ...uploadProvider(env) },
  },
});
