import type { BlocksContent } from '@strapi/blocks-react-renderer'
import { getImageProps } from 'next/image'
import Link from 'next/link'
import { Fragment, type ReactNode } from 'react'
import { isCmsUpload } from '@/lib/media'

// Strapi "blocks" rich text, rendered on the server. It renders what
// @strapi/blocks-react-renderer's BlocksRenderer renders (same elements for every block and
// modifier), but as a Server Component: BlocksRenderer is a client module, which made every
// article ship and hydrate its renderer, next/image and the body itself as client JS for
// text that never changes in the browser.

type Block = BlocksContent[number]
type Inline = Extract<Block, { type: 'paragraph' }>['children'][number]
type ListChild = Extract<Block, { type: 'list' }>['children'][number]
type Text = Extract<Inline, { type: 'text' }>

interface RichTextProps {
  content: BlocksContent
  /** STRAPI_URL, to tell CMS uploads (optimized) from images hosted elsewhere; not a secret. */
  cmsOrigin: string
}

function text({ text: value, bold, italic, underline, strikethrough, code }: Text, key: number): ReactNode {
  let node: ReactNode = value.split(/\r?\n|\r/g).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {part}
    </Fragment>
  ))
  if (code) node = <code>{node}</code>
  if (strikethrough) node = <del>{node}</del>
  if (underline) node = <u>{node}</u>
  if (italic) node = <em>{node}</em>
  if (bold) node = <strong>{node}</strong>
  return <Fragment key={key}>{node}</Fragment>
}

function inlines(children: Inline[]): ReactNode[] {
  return children.map((child, index) => {
    if (child.type === 'text') return text(child, index)
    const content = <>{child.children.map(text)}</>
    // Site-internal links navigate client-side; everything else is a plain link.
    return child.url.startsWith('/') && !child.url.startsWith('//') ? (
      <Link key={index} href={child.url}>
        {content}
      </Link>
    ) : (
      <a key={index} href={child.url} rel="noopener noreferrer">
        {content}
      </a>
    )
  })
}

function plainText(children: Inline[]): string {
  return children.map((child) => (child.type === 'text' ? child.text : plainText(child.children))).join('')
}

function list(format: 'ordered' | 'unordered', children: ListChild[], key: number): ReactNode {
  const items = children.map((child, index) =>
    child.type === 'list-item' ? <li key={index}>{inlines(child.children)}</li> : list(child.format, child.children, index),
  )
  return format === 'ordered' ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>
}

function block(node: Block, key: number, cmsOrigin: string): ReactNode {
  switch (node.type) {
    case 'paragraph': {
      const [only] = node.children
      if (node.children.length === 1 && only?.type === 'text' && only.text === '') return <br key={key} />
      return <p key={key}>{inlines(node.children)}</p>
    }
    case 'heading': {
      const Heading = `h${node.level}` as const
      return <Heading key={key}>{inlines(node.children)}</Heading>
    }
    case 'quote':
      return <blockquote key={key}>{inlines(node.children)}</blockquote>
    case 'code':
      return (
        <pre key={key}>
          <code>{plainText(node.children)}</code>
        </pre>
      )
    case 'list':
      return list(node.format, node.children, key)
    case 'image': {
      const { image } = node
      // Through the image optimizer, so browsers never need to reach the CMS host.
      const { props } = getImageProps({
        src: image.url,
        alt: image.alternativeText ?? '',
        width: image.width,
        height: image.height,
        sizes: '(min-width: 48rem) 44rem, 100vw',
        unoptimized: !isCmsUpload(image.url, cmsOrigin),
      })
      return (
        <figure key={key}>
          {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in props */}
          <img {...props} />
          {image.caption ? <figcaption>{image.caption}</figcaption> : null}
        </figure>
      )
    }
    default:
      return null
  }
}

export function RichText({ content, cmsOrigin }: RichTextProps) {
  return <div className="rich-text">{content.map((node, index) => block(node, index, cmsOrigin))}</div>
}
