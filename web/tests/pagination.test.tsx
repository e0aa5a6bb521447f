/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { Pagination } from '@/components/Pagination';
import { getDictionary } from '@/lib/i18n/dictionaries';

const hrefForPage = (page: number) => (page > 1 ? `/mn/news?page=${page}` : '/mn/news');

describe('Pagination', () => {
  it('links the neighbouring pages, page 1 without ?page=', () => {
    render(<Pagination page={2} pageCount={3} hrefForPage={hrefForPage} dictionary={getDictionary('mn')} />);

    expect(screen.getByRole('navigation', { name: 'Хуудаслалт' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Өмнөх/ }).getAttribute('href')).toBe('/mn/news');
    expect(screen.getByRole('link', { name: /Дараах/ }).getAttribute('href')).toBe('/mn/news?page=3');
    expect(screen.getByText('Хуудас 2 / 3')).toBeTruthy();
  });

  it('offers no link past either end', () => {
    render(<Pagination page={3} pageCount={3} hrefForPage={hrefForPage} dictionary={getDictionary('zh')} />);

    expect(screen.getByRole('link', { name: /上一页/ }).getAttribute('href')).toBe('/mn/news?page=2');
    expect(screen.queryByRole('link', { name: /下一页/ })).toBeNull();
    expect(screen.getByText('第 3 页，共 3 页')).toBeTruthy();
  });

  it('renders nothing for a single page', () => {
    const { container } = render(
      <Pagination page={1} pageCount={1} hrefForPage={hrefForPage} dictionary={getDictionary('mn')} />,
    );
    expect(container.innerHTML).toBe('');
  });
});
