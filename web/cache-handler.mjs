// Next.js's cache (rendered pages and CMS reads, with their tags) for every site instance.
//
// With REDIS_URL set (docker-compose.yml, npm run start:cluster), all instances share one
// Redis: a page rendered or revalidated by one instance is the page every instance serves, and
// a revalidateTag() from the publish webhook on any instance reaches them all. Without it
// (npm start, tests) this is Next's own file-system cache, unchanged.
//
// Library: @fortedigital/nextjs-cache-handler, the maintained successor of
// @neshca/cache-handler (which stops at Next 14); its 3.3+ supports Next 16 (the
// revalidateTag(tag, profile) API and the per-segment data of 16.3+).
//
// NOTE: that handler's revalidateTag deletes the tagged entries whatever the profile, where
// Next's own cache marks them stale ('max': stale-while-revalidate). So with Redis the first
// request after a publish renders from the CMS, and answers 500 if the CMS is down at that
// moment (nginx's proxy_cache_use_stale then serves its copy while it has one). Remove this
// note when the library honours the profile, or replace revalidateTag here to do so.
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from 'redis';

// A Redis that stalls must not stall page rendering: a cache read that takes longer is a miss.
const REDIS_TIMEOUT_MS = 1_000;

async function createHandlers() {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [createLruHandler()] };

  const client = createClient({ url: redisUrl, pingInterval: 10_000 });
  client.on('error', (error) => console.warn(`cache: Redis error: ${error instanceof Error ? error.message : error}`));
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `cache: cannot reach Redis at start (${error instanceof Error ? error.message : error}); using a local cache`,
    );
    await client.disconnect().catch(() => {});
    return { handlers: [createLruHandler()] };
  }
  return { handlers: [createRedisHandler({ client, keyPrefix: 'medee:', timeoutMs: REDIS_TIMEOUT_MS })] };
}

CacheHandler.onCreation(() => {
  // One configuration (one Redis connection) per process, however often Next creates handlers.
  globalThis.medeeCacheHandlerConfig ??= createHandlers();
  return globalThis.medeeCacheHandlerConfig;
});

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

// Chosen when the server starts: the shared Redis cache, or Next's default.
export default process.env.REDIS_URL ? CacheHandler : FileSystemCache;
