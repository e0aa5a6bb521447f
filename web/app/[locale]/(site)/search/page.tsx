import type { Metadata } from 'next';
import { ArticleList } from '@/components/ArticleList';
import { Pagination } from '@/components/Pagination';
import { SitePage } from '@/components/SitePage';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import { type Locale, SEARCH_MAX_RESULTS, SEARCH_PAGE_SIZE } from '@medee/contract';
import { pathsInEveryLocale, searchPath } from '@/lib/routes';
import { MAX_SEARCH_LENGTH, parseSearchQuery, type SearchQuery } from '@/lib/search';
import { parsePageParam, type SearchParamValue } from '@/lib/search-params';
import { searchPublishedArticles } from '@/lib/strapi';
import { nullIfRefused } from '@/lib/strapi/errors';

// /<locale>/search?q=…[&page=N]: published titles and summaries of this
// language. Rendered per request (it reads the query); never indexed. A query
// the CMS refuses (400) gets the prompt, like an empty one. No
// CmsErrorBoundary here: in a dynamic render it would turn a CMS failure into
// a 200. A failure is a 500, and app/[locale]/error.tsx shows the localized
// message in the browser.

/** The last page the CMS serves: it ranks at most SEARCH_MAX_RESULTS results. */
const LAST_PAGE = SEARCH_MAX_RESULTS / SEARCH_PAGE_SIZE;

// The layout's generateStaticParams would make this page static; it depends on the query.
export const dynamic = 'force-dynamic';

interface SearchPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, SearchParamValue>>;
}

async function readSearch({ params, searchParams }: SearchPageProps) {
  const locale = localeOrNotFound((await params).locale);
  const query = await searchParams;
  // A malformed ?page= is treated as page 1: a search never answers 404.
  return { locale, search: parseSearchQuery(query.q), page: parsePageParam(query.page) ?? 1 };
}

function searchTitle(locale: Locale, search: SearchQuery): string {
  const dictionary = getDictionary(locale);
  return search.kind === 'ok' ? dictionary.search.resultsTitle({ text: search.text }) : dictionary.search.title;
}

export async function generateMetadata(props: SearchPageProps): Promise<Metadata> {
  const { locale, search } = await readSearch(props);
  return { title: searchTitle(locale, search), robots: { index: false, follow: true } };
}

export default async function SearchPage(props: SearchPageProps) {
  const { locale, search, page } = await readSearch(props);
  const dictionary = getDictionary(locale);
  const text = search.kind === 'ok' ? search.text : undefined;
  const pastLastPage = text !== undefined && page > LAST_PAGE;
  const results = text && !pastLastPage ? await nullIfRefused(searchPublishedArticles(locale, text, page)) : null;

  return (
    <SitePage
      locale={locale}
      current="search"
      languageSwitch={pathsInEveryLocale((each) => searchPath(each, { text }))}
      searchText={text}
    >
      <div className="search-results">
        <h1>{searchTitle(locale, search)}</h1>
        {pastLastPage ? (
          <p className="search-results__message" role="status">
            {dictionary.search.pastLastPage({ max: LAST_PAGE })}
          </p>
        ) : null}
        {search.kind === 'empty' || (text && !results && !pastLastPage) ? (
          <p className="search-results__message">{dictionary.search.prompt}</p>
        ) : null}
        {search.kind === 'too-long' ? (
          <p className="search-results__message" role="alert">
            {dictionary.search.tooLong({ max: MAX_SEARCH_LENGTH })}
          </p>
        ) : null}
        {text && results ? (
          <>
            <p className="search-results__message" role="status">
              {results.total === 0
                ? dictionary.search.noResults({ text })
                : results.totalCapped
                  ? dictionary.search.resultCountCapped({ text, count: results.total })
                  : dictionary.search.resultCount({ text, count: results.total })}
            </p>
            {results.items.length > 0 ? (
              <ArticleList locale={locale} articles={results.items} dictionary={dictionary} headingLevel="h2" />
            ) : null}
            <Pagination
              page={page}
              pageCount={results.pageCount}
              hrefForPage={(target) => searchPath(locale, { text, page: target })}
              dictionary={dictionary}
            />
          </>
        ) : null}
      </div>
    </SitePage>
  );
}
