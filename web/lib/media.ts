/**
 * Whether an image URL is an upload served by the CMS itself, which the image
 * optimizer may fetch: its origin (scheme, host and port) is the CMS's and its
 * path, once normalized as a URL, is under /uploads/. proxy.ts refuses any other
 * `/_next/image?url=` (next.config.ts's remotePatterns cannot pin the port,
 * which is known only at run time). Uploads kept elsewhere (an S3-style
 * provider gives absolute URLs on its own host) are shown as they are,
 * straight from that public host.
 *
 * Pure, so client components can use it too; the caller passes the CMS's URL.
 */
export function isCmsUpload(imageUrl: string, cmsOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(imageUrl);
  } catch {
    return false;
  }
  return (
    url.origin === new URL(cmsOrigin).origin && url.pathname.startsWith('/uploads/') && !url.username && !url.password
  );
}

/** The widths next.config.ts's image optimizer serves (Next's default deviceSizes). */
const OPTIMIZER_WIDTHS = [640, 750, 828, 1080, 1200, 1920, 2048, 3840] as const;
export type OptimizerWidth = (typeof OPTIMIZER_WIDTHS)[number];

/**
 * A URL that crawlers and feed readers can fetch for an image: CMS uploads go
 * through this site's image optimizer (the CMS itself is usually on a private
 * address), anything else is already public. `width` must be one the
 * optimizer serves; 75 is its default quality.
 */
export function publicImageUrl(
  imageUrl: string,
  {
    siteUrl,
    cmsOrigin,
    width = 1200,
  }: {
    siteUrl: string;
    cmsOrigin: string;
    width?: OptimizerWidth;
  },
): string {
  if (!isCmsUpload(imageUrl, cmsOrigin)) return imageUrl;
  return `${siteUrl}/_next/image?url=${encodeURIComponent(imageUrl)}&w=${width}&q=75`;
}
