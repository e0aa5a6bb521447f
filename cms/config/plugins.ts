import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/env/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: readSecret(env, 'JWT_SECRET') },
  },
  upload: {
    config: { sizeLimit: env.int('UPLOAD_SIZE_LIMIT_BYTES', 10 * 1024 * 1024) },
  },
});
