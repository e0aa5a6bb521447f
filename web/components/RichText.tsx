import type { BlocksContent } from '@strapi/blocks-react-renderer';
import { getImageProps } from 'next/image';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { isCmsUpload } from '@/lib/media';

// Strapi "blocks" rendered on the server. @strapi/blocks-react-renderer is a
// client component (it reads its custom renderers from React context), so it
// would ship its code and the whole body to the browser a second time for a
// page with nothing interactive in it; the format is small enough to render
// here, and its types still come from that package (raw.ts validates them).

type RootBlock = BlocksContent[number];
type InlineNode = Extract<RootBlock, { type: 'paragraph' }>['children'][number];
type TextNode = Extract<InlineNode, { type: 'text' }>;
type ListBlock = Extract<RootBlock, { type: 'list' }>;

function Text({ node }: { node: TextNode }) {
  // Line breaks typed with Shift+Enter arrive as "\n" inside one text node.
  let content: ReactNode = node.text
    .split('\n')
    .flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]));
  if (node.code) content = <code>{content}</code>;
  if (node.strikethrough) content = <s>{content}</s>;
  if (node.underline) content = <u>{content}</u>;
  if (node.italic) content = <em>{content}</em>;
  if (node.bold) content = <strong>{content}</strong>;
  return <>{content}</>;
}

function isSiteInternal(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

function Inline({ nodes }: { nodes: InlineNode[] }) {
  return nodes.map((node, index) => {
    if (node.type === 'text') return <Text key={index} node={node} />;
    const children = node.children.map((child, childIndex) => <Text key={childIndex} node={child} />);
    return isSiteInternal(node.url) ? (
      <Link key={index} href={node.url}>
        {children}
      </Link>
    ) : (
      <a key={index} href={node.url} rel="noopener noreferrer">
        {children}
      </a>
    );
  });
}

function List({ block }: { block: ListBlock }) {
  const Tag = block.format === 'ordered' ? 'ol' : 'ul';
  return (
    <Tag>
      {block.children.map((item, index) =>
        item.type === 'list' ? (
          <li key={index}>
            <List block={item} />
          </li>
        ) : (
          <li key={index}>
            <Inline nodes={item.children} />
          </li>
        ),
      )}
    </Tag>
  );
}

function Block({ block }: { block: RootBlock }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inline nodes={block.children} />
        </p>
      );
    case 'heading': {
      // The page title is the only h1; body headings start one level below it.
      const Heading = `h${Math.min(6, Math.max(2, block.level))}` as 'h2';
      return (
        <Heading>
          <Inline nodes={block.children} />
        </Heading>
      );
    }
    case 'quote':
      return (
        <blockquote>
          <Inline nodes={block.children} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{block.children.map((node) => ('text' in node ? node.text : '')).join('')}</code>
        </pre>
      );
    case 'list':
      return <List block={block} />;
    case 'image': {
      // getImageProps, not <Image>: the same optimized srcset as a plain server-rendered <img>,
      // so no image component code is shipped to the browser for it.
      const { props } = getImageProps({
        src: block.image.url,
        alt: block.image.alternativeText ?? '',
        width: block.image.width,
        height: block.image.height,
        sizes: '(min-width: 48rem) 44rem, 100vw',
        unoptimized: !isCmsUpload(block.image.url, env.STRAPI_URL),
      });
      return (
        <figure>
          {/* biome-ignore lint/performance/noImgElement: getImageProps already gives the optimized srcset */}
          {/* biome-ignore lint/a11y/useAltText: alt is in props */}
          <img {...props} />
          {block.image.caption ? <figcaption>{block.image.caption}</figcaption> : null}
        </figure>
      );
    }
  }
}

/** A Strapi blocks field as HTML; nothing when it is empty. */
export function RichText({ content }: { content: BlocksContent }) {
  if (content.length === 0) return null;
  return (
    <div className="rich-text">
      {content.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  );
}
