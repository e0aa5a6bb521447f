import type { Core } from '@strapi/strapi';
import { readSecretList } from '../src/env/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const trustedProxies = env.array('TRUSTED_PROXIES', []).map(String).filter(Boolean);
  return {
    host: env('HOST', '127.0.0.1'),
    port: env.int('PORT', 1337),
    // Public URL of the CMS, used for absolute links (uploads, admin). Empty: derived from host:port.
    url: env('PUBLIC_URL', ''),
    // No update check: the CMS runs offline, and an editor cannot act on an upgrade notice.
    logger: { updates: { enabled: false } },
    // The front's addresses (IPs, CIDRs or proxy-addr's names such as `loopback`, comma-separated):
    // X-Forwarded-* count only from them, and name the client behind them
    // (src/middlewares/client-address.ts). Unset: clients connect directly and nothing forwarded
    // is believed. Strapi reads Koa's proxy mode from `proxy.koa`.
    proxy: { koa: trustedProxies.length > 0, trusted: trustedProxies },
    app: { keys: readSecretList(env, 'APP_KEYS') },
    // Where uploads (public/uploads) and other public files live; tests point it at a temp dir.
    // An empty value must not mean cms/ itself (that would serve cms/.env).
    dirs: { public: env('PUBLIC_DIR') || './public' },
    // Scheduled jobs run on one instance only: with several CMS instances (docker-compose.yml,
    // npm run start:cluster) exactly one sets CRON_ENABLED=true.
    cron: { enabled: env.bool('CRON_ENABLED', false) },
  };
};
