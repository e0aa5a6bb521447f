import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/env/secrets';
import { previewAdminConfig } from '../src/publishing/preview';
import site from './site';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: readSecret(env, 'ADMIN_JWT_SECRET') },
  apiToken: { salt: readSecret(env, 'API_TOKEN_SALT') },
  transfer: { token: { salt: readSecret(env, 'TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: readSecret(env, 'ENCRYPTION_KEY') },
  // The admin must work offline: no feedback survey, no enterprise promotion, no update check.
  flags: { nps: false, promoteEE: false },
  autoOpen: false,
  // "Open preview" in the Content Manager: a signed link to the site's draft-mode entry route.
  preview: previewAdminConfig(site({ env })),
});
