/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import { ArticleList } from '@/components/ArticleList';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { ArticleSearchResult } from '@/lib/strapi';

const result = (fields: Partial<ArticleSearchResult>): ArticleSearchResult => ({
  documentId: 'doc1',
  locale: 'mn',
  slug: 'gerchilgee',
  title: 'Өндөр гэрчилгээ',
  summary: 'Манай компани өндөр чанарын гэрчилгээ авлаа.',
  postedAt: '2024-03-01',
  updatedAt: '2024-03-01T00:00:00.000Z',
  category: null,
  cover: null,
  highlight: { title: [], snippet: null },
  ...fields,
});

const renderList = (articles: ArticleSearchResult[]) =>
  render(<ArticleList locale="mn" articles={articles} dictionary={getDictionary('mn')} headingLevel="h2" />).container;

describe('search results: matches marked in the title and the summary excerpt', () => {
  it('wraps each matched range in <mark>, the rest as text', () => {
    const container = renderList([
      result({
        highlight: {
          title: [[0, 5]],
          snippet: { text: 'компани өндөр чанарын', ranges: [[8, 13]], cutStart: true, cutEnd: true },
        },
      }),
    ]);
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Өндөр', 'өндөр']);
    expect(container.querySelector('h2')?.textContent).toBe('Өндөр гэрчилгээ');
    // The excerpt, marked as cut on both sides, instead of the whole summary.
    expect(container.querySelector('.article-card__summary')?.textContent).toBe('… компани өндөр чанарын …');
  });

  it('renders markup in a title or summary as text, never as HTML', () => {
    const title = '<script>alert(1)</script> гэрчилгээ <b>';
    const container = renderList([
      result({
        title,
        highlight: {
          title: [[26, 35]],
          snippet: { text: '<img src=x onerror=alert(1)>', ranges: [[1, 4]], cutStart: false, cutEnd: false },
        },
      }),
    ]);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe(title);
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['гэрчилгээ', 'img']);
  });

  it('ignores ranges outside the text or overlapping an earlier one', () => {
    const container = renderList([
      result({
        highlight: {
          title: [
            [0, 5],
            [3, 8],
            [10, 99],
          ],
          snippet: null,
        },
      }),
    ]);
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Өндөр']);
    expect(container.querySelector('h2')?.textContent).toBe('Өндөр гэрчилгээ');
    expect(container.querySelector('.article-card__summary')?.textContent).toBe(
      'Манай компани өндөр чанарын гэрчилгээ авлаа.',
    );
  });
});
