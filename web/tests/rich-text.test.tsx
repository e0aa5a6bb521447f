import type { BlocksContent } from '@strapi/blocks-react-renderer';
import { renderToStaticMarkup } from 'react-dom/server';
import { RichText } from '@/components/RichText';
import { env } from '@/lib/env';

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text' as const, text: value, ...marks });

describe('RichText', () => {
  it('renders paragraphs, marks, headings below the page title, lists and quotes as HTML', () => {
    const content: BlocksContent = [
      { type: 'heading', level: 1, children: [text('Гарчиг')] },
      {
        type: 'paragraph',
        children: [
          text('энгийн '),
          text('тод', { bold: true }),
          text(' ба '),
          text('налуу', { italic: true, underline: true }),
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('нэг')] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('дэд')] }] },
        ],
      },
      { type: 'quote', children: [text('ишлэл')] },
      { type: 'code', children: [text('a < b')] },
    ];
    expect(renderToStaticMarkup(<RichText content={content} />)).toBe(
      '<div class="rich-text"><h2>Гарчиг</h2><p>энгийн <strong>тод</strong> ба <em><u>налуу</u></em></p>' +
        '<ol><li>нэг</li><li><ul><li>дэд</li></ul></li></ol><blockquote>ишлэл</blockquote><pre><code>a &lt; b</code></pre></div>',
    );
  });

  it('keeps line breaks and makes outside links safe', () => {
    const content: BlocksContent = [
      {
        type: 'paragraph',
        children: [
          text('мөр 1\nмөр 2'),
          { type: 'link', url: 'https://example.org', children: [text('гадна')] },
          { type: 'link', url: '/mn/certificates', children: [text('дотор')] },
        ],
      },
    ];
    const html = renderToStaticMarkup(<RichText content={content} />);
    expect(html).toContain('мөр 1<br/>мөр 2');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">гадна</a>');
    expect(html).toContain('<a href="/mn/certificates">дотор</a>');
  });

  it('shows CMS images through the optimizer with their alternative text', () => {
    const content: BlocksContent = [
      {
        type: 'image',
        image: {
          name: 'scan.jpg',
          alternativeText: 'Гэрчилгээ',
          url: `${env.STRAPI_URL}/uploads/scan.jpg`,
          caption: 'Тайлбар',
          width: 800,
          height: 1131,
          hash: 'scan',
          ext: '.jpg',
          mime: 'image/jpeg',
          size: 25,
          provider: 'local',
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        },
        children: [{ type: 'text', text: '' }],
      },
    ];
    const html = renderToStaticMarkup(<RichText content={content} />);
    expect(html).toContain('alt="Гэрчилгээ"');
    expect(html).toContain('/_next/image?url=');
    expect(html).toContain('<figcaption>Тайлбар</figcaption>');
  });

  it('renders nothing for an empty body', () => {
    expect(renderToStaticMarkup(<RichText content={[]} />)).toBe('');
  });
});
