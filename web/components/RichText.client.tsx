'use client'

import { BlocksRenderer, type BlocksContent } from '@strapi/blocks-react-renderer'
import Image from 'next/image'
import Link from 'next/link'
import { isCmsUpload } from '@/lib/media'

// A client module only because BlocksRenderer is one: custom block renderers
// are functions, which cannot be passed to it from a Server Component.

interface RichTextProps {
  content: BlocksContent
  /** STRAPI_URL, to tell CMS uploads (optimized) from images hosted elsewhere; not a secret. */
  cmsOrigin: string
}

export function RichText({ content, cmsOrigin }: RichTextProps) {
  return (
    <div className="rich-text">
      <BlocksRenderer
        content={content}
        blocks={{
          // Through the image optimizer, so browsers never need to reach the CMS host.
          image: ({ image }) => (
            <figure>
              <Image
                src={image.url}
                alt={image.alternativeText ?? ''}
                width={image.width}
                height={image.height}
                sizes="(min-width: 48rem) 44rem, 100vw"
                unoptimized={!isCmsUpload(image.url, cmsOrigin)}
              />
              {image.caption ? <figcaption>{image.caption}</figcaption> : null}
            </figure>
          ),
          // Site-internal links navigate client-side; everything else is a plain link.
          link: ({ url, children }) =>
            url.startsWith('/') && !url.startsWith('//') ? (
              <Link href={url}>{children}</Link>
            ) : (
              <a href={url} rel="noopener noreferrer">
                {children}
              </a>
            ),
        }}
      />
    </div>
  )
}
