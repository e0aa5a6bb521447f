import { env } from '@/lib/env';

// GET /<INDEXNOW_KEY>.txt (rewritten here by proxy.ts): the key file IndexNow fetches to check
// that the CMS's pings for this host come from its owner. It holds the key and nothing else.

export const dynamic = 'force-dynamic';

export function GET(): Response {
  if (!env.INDEXNOW_KEY) return new Response('Not Found', { status: 404 });
  return new Response(env.INDEXNOW_KEY, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
