import Image from 'next/image'
import { env } from '@/lib/env'
import { isCmsUpload } from '@/lib/media'
import type { Image as CmsImageValue } from '@/lib/strapi'

interface CmsImageProps {
  image: CmsImageValue
  /** How wide the image is shown, for picking the right size (the `sizes` attribute). */
  sizes: string
  /** Replaces the CMS alternative text, e.g. when the editor left it empty but the image carries content. */
  alt?: string
  /** The page's main image, visible without scrolling: load it first instead of lazily. */
  aboveTheFold?: boolean
  className?: string
}

export function CmsImage({ image, sizes, alt, aboveTheFold = false, className }: CmsImageProps) {
  return (
    <Image
      src={image.url}
      alt={alt ?? image.alt}
      width={image.width}
      height={image.height}
      sizes={sizes}
      loading={aboveTheFold ? 'eager' : 'lazy'}
      fetchPriority={aboveTheFold ? 'high' : 'auto'}
      className={className}
      unoptimized={!isCmsUpload(image.url, env.STRAPI_URL)}
    />
  )
}
