/**
 * Whether an image URL is an upload served by the CMS itself, which the image
 * optimizer may fetch (next.config.ts allows exactly that origin's /uploads/).
 * Uploads kept elsewhere (an S3-style provider gives absolute URLs on its own
 * host) are shown as they are, straight from that public host.
 *
 * Pure, so client components can use it too; the caller passes the CMS origin.
 */
export function isCmsUpload(imageUrl: string, cmsOrigin: string): boolean {
  return imageUrl.startsWith(`${cmsOrigin}/uploads/`)
}
