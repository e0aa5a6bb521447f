import { getImageProps } from 'next/image';
import { env } from '@/lib/env';
import { isCmsUpload } from '@/lib/media';
import type { Image as CmsImageValue } from '@/lib/strapi';

interface CmsImageProps {
  image: CmsImageValue;
  /** How wide the image is shown, for picking the right size (the `sizes` attribute). */
  sizes: string;
  /** Replaces the CMS alternative text, e.g. when the editor left it empty but the image carries content. */
  alt?: string;
  /** The page's main image, visible without scrolling: load it first instead of lazily. */
  aboveTheFold?: boolean;
  className?: string;
}

// getImageProps rather than <Image>: the same optimized srcset, rendered as a plain <img> on
// the server, so no image component code is shipped to (and hydrated in) the browser.
export function CmsImage({ image, sizes, alt, aboveTheFold = false, className }: CmsImageProps) {
  const { props } = getImageProps({
    src: image.url,
    alt: alt ?? image.alt,
    width: image.width,
    height: image.height,
    sizes,
    loading: aboveTheFold ? 'eager' : 'lazy',
    fetchPriority: aboveTheFold ? 'high' : 'auto',
    className,
    unoptimized: !isCmsUpload(image.url, env.STRAPI_URL),
  });
  // biome-ignore lint/performance/noImgElement: getImageProps already gives the optimized srcset (see above)
  // biome-ignore lint/a11y/useAltText: alt is in props
  return <img {...props} />;
}
