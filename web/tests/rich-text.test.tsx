import type { BlocksContent } from '@strapi/blocks-react-renderer'
import { renderToStaticMarkup } from 'react-dom/server'
import { RichText } from '@/components/RichText'

// The server renderer must produce what BlocksRenderer did (same elements per block and
// modifier), so replacing the client module changed no page's markup.

const cms = 'http://cms.test'
const render = (content: BlocksContent) => renderToStaticMarkup(<RichText content={content} cmsOrigin={cms} />)
const t = (text: string, marks: Record<string, boolean> = {}) => ({ type: 'text' as const, text, ...marks })

describe('RichText (server-rendered Strapi blocks)', () => {
  it('renders paragraphs, headings, quotes and line breaks', () => {
    const html = render([
      { type: 'heading', level: 2, children: [t('Гэрчилгээ')] },
      { type: 'paragraph', children: [t('一行\n两行')] },
      { type: 'paragraph', children: [t('')] },
      { type: 'quote', children: [t('专精特新')] },
    ])
    expect(html).toBe('<div class="rich-text"><h2>Гэрчилгээ</h2><p>一行<br/>两行</p><br/><blockquote>专精特新</blockquote></div>')
  })

  it('renders text modifiers with the same elements as BlocksRenderer', () => {
    const html = render([
      { type: 'paragraph', children: [t('b', { bold: true }), t('i', { italic: true }), t('u', { underline: true }), t('s', { strikethrough: true }), t('c', { code: true })] },
    ])
    expect(html).toBe('<div class="rich-text"><p><strong>b</strong><em>i</em><u>u</u><del>s</del><code>c</code></p></div>')
  })

  it('renders nested ordered and unordered lists and code blocks as plain text', () => {
    const html = render([
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [t('a')] },
          { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [t('b')] }] },
        ],
      },
      { type: 'code', children: [t('x < y')] },
    ])
    expect(html).toBe('<div class="rich-text"><ul><li>a</li><ol><li>b</li></ol></ul><pre><code>x &lt; y</code></pre></div>')
  })

  it('links inside the site with a relative href and elsewhere with rel=noopener', () => {
    const html = render([
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: '/zh/news/a', children: [t('内部')] },
          { type: 'link', url: 'https://example.org/', children: [t('external')] },
        ],
      },
    ])
    expect(html).toContain('<a href="/zh/news/a">内部</a>')
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer">external</a>')
  })

  it('serves CMS uploads through the image optimizer and other images as they are', () => {
    const image = (url: string) =>
      ({
        type: 'image',
        image: { url, alternativeText: 'scan', caption: 'Caption', width: 800, height: 600, name: 'a', hash: 'a', ext: '.png', mime: 'image/png', size: 1, provider: 'local', createdAt: '', updatedAt: '' },
        children: [t('')],
      }) as BlocksContent[number]
    const optimized = render([image(`${cms}/uploads/scan.png`)])
    expect(optimized).toMatch(/<figure><img alt="scan"[^>]*src="\/_next\/image\?url=http%3A%2F%2Fcms.test%2Fuploads%2Fscan.png/)
    expect(optimized).toContain('<figcaption>Caption</figcaption>')
    expect(render([image('https://cdn.example.org/scan.png')])).toMatch(/<img alt="scan"[^>]*src="https:\/\/cdn.example.org\/scan.png"/)
  })
})
