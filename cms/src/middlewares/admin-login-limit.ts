import type { Core } from '@strapi/strapi';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** The admin authentication routes an attacker would hammer. */
const GUARDED_PATHS = new Set(['/admin/login', '/admin/forgot-password', '/admin/reset-password']);

/**
 * Failed admin logins per client IP: after ADMIN_LOGIN_MAX_FAILURES (default 20) failures within
 * ADMIN_LOGIN_WINDOW_SECONDS (default 900) the IP gets 429 until the window ends.
 *
 * NOTE: Strapi's own limiter (admin::rateLimit, 5 per 5 minutes) keys on email + IP, so an
 * attacker rotating emails — or one password over many accounts — is never slowed down. This
 * one counts failures only, so editors behind one office IP who log in successfully are never
 * locked out. The counters live in this process's memory: with several CMS instances each
 * counts on its own (the limit is per instance), and a restart clears them.
 */
const adminLoginLimit: Core.MiddlewareFactory = (_config, { strapi }) => {
  const limiter = new RateLimiterMemory({
    keyPrefix: 'admin-login-failures',
    points: Number(process.env.ADMIN_LOGIN_MAX_FAILURES) || 20,
    duration: Number(process.env.ADMIN_LOGIN_WINDOW_SECONDS) || 900,
  });

  return async (ctx, next) => {
    if (ctx.method !== 'POST' || !GUARDED_PATHS.has(ctx.path.replace(/\/+$/, ''))) return next();

    const key = ctx.request.ip || 'unknown';
    const state = await limiter.get(key);
    if (state && state.remainingPoints <= 0) {
      ctx.set('Retry-After', String(Math.ceil(state.msBeforeNext / 1000)));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: 'Too many failed login attempts, please try again later.',
          details: {},
        },
      };
      return;
    }

    // Strapi answers a bad password by throwing (strapi::errors turns it into 400), or with a
    // status; a 429 from its own limiter counts too.
    let failed = true;
    try {
      await next();
      failed = ctx.status >= 400;
    } finally {
      if (failed) {
        await limiter.penalty(key, 1).catch((error: unknown) => strapi.log.warn(`admin-login-limit: ${String(error)}`));
      }
    }
  };
};

export default adminLoginLimit;
