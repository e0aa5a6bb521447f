import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/routes';

// Read at request time: SITE_INDEXING belongs to the running deployment, not to the build.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  if (!env.SITE_INDEXING) return { rules: { userAgent: '*', disallow: '/' } };
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/*/search'] },
    sitemap: absoluteUrl(env.SITE_URL, '/sitemap.xml'),
  };
}
