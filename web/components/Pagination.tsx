import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The URL of a page of this list; page 1 has no `?page=` so it keeps one address. */
  hrefForPage: (page: number) => string;
  dictionary: Dictionary;
}

export function Pagination({ page, pageCount, hrefForPage, dictionary }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={dictionary.pagination.label}>
      {page > 1 ? (
        <Link href={hrefForPage(page - 1)} rel="prev" className="pagination__link">
          ← {dictionary.pagination.previous}
        </Link>
      ) : (
        <span className="pagination__link pagination__link--disabled" aria-hidden="true">
          ← {dictionary.pagination.previous}
        </span>
      )}
      <span className="pagination__status" aria-current="page">
        {dictionary.pagination.pageOf({ page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={hrefForPage(page + 1)} rel="next" className="pagination__link">
          {dictionary.pagination.next} →
        </Link>
      ) : (
        <span className="pagination__link pagination__link--disabled" aria-hidden="true">
          {dictionary.pagination.next} →
        </span>
      )}
    </nav>
  );
}
