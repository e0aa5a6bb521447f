import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleList } from '@/components/ArticleList';
import { notFoundMetadata } from '@/components/NotFound';
import { RedirectOrNotFound } from '@/components/RedirectOrNotFound';
import { Pagination } from '@/components/Pagination';
import { SitePage } from '@/components/SitePage';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { type Locale, locales } from '@medee/contract';
import { hreflangAlternates, newsListPath, type LanguageVariants } from '@/lib/routes';
import { parsePageParam } from '@/lib/search-params';
import { ARTICLES_PAGE_SIZE, getCategories, getPublishedArticlesPage, type CategoryListing } from '@/lib/strapi';

// The news list, /<locale>/news?page=N&category=slug, served by the internal
// routes news/list/[page] and news/list/[page]/[category] (see
// lib/request-routing.ts). Both render this.

export interface NewsListParams {
  locale: Locale;
  pageSegment: string;
  categorySegment?: string;
}

function pageCountFor(articleCount: number): number {
  return Math.max(1, Math.ceil(articleCount / ARTICLES_PAGE_SIZE));
}

/**
 * Loads one list page, or null when it does not exist: a malformed page
 * number, a page past the end (an empty list still has its page 1) or a
 * category that is not published in this language.
 */
async function loadNewsList({ locale, pageSegment, categorySegment }: NewsListParams) {
  const page = parsePageParam(pageSegment);
  if (page === null) return null;
  const categories = await getCategories(locale);
  const category = categorySegment === undefined ? undefined : categories.find((each) => each.slug === categorySegment);
  if (categorySegment !== undefined && !category) return null;
  const [listing, all] = await Promise.all([
    getPublishedArticlesPage(locale, page, category?.slug),
    getPublishedArticlesPage(locale, 1),
  ]);
  if (page > Math.max(1, listing.pageCount)) return null;
  return { page, category, categories, listing, allCount: all.total };
}

/**
 * The same list page in another language, for hreflang (`exact`: that
 * language has this very page) and for the language switch (`closest`: the
 * same category at this page number or, if that list is shorter there, its
 * last page). Null where the category has no version in that language.
 */
async function otherLanguageList(other: Locale, page: number, category: CategoryListing | undefined) {
  let count: number;
  let otherCategorySlug: string | undefined;
  if (category) {
    const translation = category.translations.find((each) => each.locale === other);
    if (!translation) return { locale: other, exact: null, closest: null };
    const otherCategory = (await getCategories(other)).find((each) => each.slug === translation.slug);
    if (!otherCategory) return { locale: other, exact: null, closest: null };
    count = otherCategory.articleCount;
    otherCategorySlug = otherCategory.slug;
  } else {
    count = (await getPublishedArticlesPage(other, 1)).total;
  }
  const pageCount = pageCountFor(count);
  return {
    locale: other,
    exact: page <= pageCount ? newsListPath(other, { page, category: otherCategorySlug }) : null,
    closest: newsListPath(other, { page: Math.min(page, pageCount), category: otherCategorySlug }),
  };
}

function otherLanguageLists(locale: Locale, page: number, category: CategoryListing | undefined) {
  return Promise.all(
    locales.filter((other) => other !== locale).map((other) => otherLanguageList(other, page, category)),
  );
}

function listTitle(locale: Locale, page: number, category: CategoryListing | undefined): string {
  const dictionary = getDictionary(locale);
  const title = category?.name ?? dictionary.news.title;
  return page > 1 ? dictionary.news.pagedTitle({ title, page }) : title;
}

export async function newsListMetadata(params: NewsListParams): Promise<Metadata> {
  const loaded = await loadNewsList(params);
  if (!loaded) return notFoundMetadata(params.locale);
  const { locale } = params;
  const { page, category } = loaded;
  const self = newsListPath(locale, { page, category: category?.slug });
  const others = await otherLanguageLists(locale, page, category);
  const variants: LanguageVariants = {
    [locale]: self,
    ...Object.fromEntries(others.flatMap((other) => (other.exact ? [[other.locale, other.exact]] : []))),
  };
  const title = listTitle(locale, page, category);
  return {
    title,
    alternates: { canonical: self, languages: hreflangAlternates(variants) },
    openGraph: { url: self, title },
  };
}

export async function NewsList(params: NewsListParams) {
  const { locale } = params;
  const loaded = await loadNewsList(params);
  if (!loaded) {
    // A category that is not (or no longer) published may have moved: its list redirects.
    const { categorySegment } = params;
    const path = categorySegment === undefined ? null : newsListPath(locale, { category: categorySegment });
    return <RedirectOrNotFound locale={locale} path={path} />;
  }
  const { page, category, categories, listing, allCount } = loaded;
  const dictionary = getDictionary(locale);
  const others = await otherLanguageLists(locale, page, category);
  const languageSwitch = Object.fromEntries(
    others.flatMap((other) => (other.closest ? [[other.locale, other.closest]] : [])),
  );
  const hrefForPage = (target: number) => newsListPath(locale, { page: target, category: category?.slug });

  return (
    <SitePage locale={locale} current="news" languageSwitch={languageSwitch}>
      {/* rel=prev/next for crawlers that still read them; React places <link> in the head. */}
      {page > 1 ? <link rel="prev" href={hrefForPage(page - 1)} /> : null}
      {page < listing.pageCount ? <link rel="next" href={hrefForPage(page + 1)} /> : null}
      <div className="news-list">
        <h1>{listTitle(locale, page, category)}</h1>

        {categories.length > 0 ? (
          <nav aria-label={dictionary.news.categoryFilterLabel} className="category-filter">
            <ul>
              <li>
                <Link href={newsListPath(locale)} aria-current={category ? undefined : 'page'}>
                  {dictionary.news.allCategories} <span className="category-filter__count">({allCount})</span>
                </Link>
              </li>
              {categories.map((candidate) => (
                <li key={candidate.slug}>
                  <Link
                    href={newsListPath(locale, { category: candidate.slug })}
                    aria-current={candidate.slug === category?.slug ? 'page' : undefined}
                    data-article-count={candidate.articleCount}
                  >
                    {candidate.name} <span className="category-filter__count">({candidate.articleCount})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        <ArticleList locale={locale} articles={listing.items} dictionary={dictionary} headingLevel="h2" />

        <Pagination page={page} pageCount={listing.pageCount} hrefForPage={hrefForPage} dictionary={dictionary} />
      </div>
    </SitePage>
  );
}
