import type { Core } from '@strapi/strapi';
import { readSecretList } from '../src/env/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // Public URL of the CMS, used for absolute links (uploads, admin). Empty: derived from host:port.
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('IS_PROXIED', false),
  app: { keys: readSecretList(env, 'APP_KEYS') },
  // Where uploads (public/uploads) and other public files live; tests point it at a temp dir.
  // An empty value must not mean cms/ itself (that would serve cms/.env).
  dirs: { public: env('PUBLIC_DIR') || './public' },
  // Scheduled jobs run on one instance only: with several CMS instances (docker-compose.yml,
  // npm run start:cluster) exactly one sets CRON_ENABLED=true.
  cron: { enabled: env.bool('CRON_ENABLED', false) },
});
