import type { Core } from '@strapi/strapi';
import proxyaddr from 'proxy-addr';

/** The headers through which a proxy tells where a request came from, and how. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'];

/**
 * The client's address and protocol as the trusted front saw them, and only from it.
 *
 * config/server.ts lists the front's addresses (TRUSTED_PROXIES) and turns Koa's proxy mode on
 * when there are any. Koa in proxy mode believes X-Forwarded-* from anyone, and takes the
 * leftmost X-Forwarded-For entry, which the client writes. So here, first in the chain:
 * - from an address that is not a trusted proxy, those headers are dropped (a client cannot
 *   claim another address or https);
 * - the client address (ctx.request.ip: the login limit, the read budget, the logs) is the
 *   nearest X-Forwarded-For entry that is not a trusted proxy (proxy-addr).
 * X-Forwarded-Proto from the front then makes ctx.request.secure true behind TLS, so cookies
 * keep their Secure flag.
 */
const clientAddress: Core.MiddlewareFactory = (_config, { strapi }) => {
  const trust = proxyaddr.compile(strapi.config.get<string[]>('server.proxy.trusted', []));

  return async (ctx, next) => {
    if (!trust(ctx.req.socket.remoteAddress ?? '', 0)) {
      for (const name of FORWARDED_HEADERS) delete ctx.req.headers[name];
    }
    ctx.request.ip = proxyaddr(ctx.req, trust);
    return next();
  };
};

export default clientAddress;
