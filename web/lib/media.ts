/**
 * Whether an image URL is an upload served by the CMS itself, which the image
 * optimizer may fetch (next.config.ts allows exactly that origin's /uploads/).
 * Uploads kept elsewhere (an S3-style provider gives absolute URLs on its own
 * host) are shown as they are, straight from that public host.
 *
 * Pure, so client components can use it too; the caller passes the CMS origin.
 */
export function isCmsUpload(imageUrl: string, cmsOrigin: string): boolean {
  return imageUrl.startsWith(`${cmsOrigin}/uploads/`);
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
