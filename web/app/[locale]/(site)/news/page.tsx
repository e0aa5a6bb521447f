import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArticleList } from '@/components/ArticleList'
import { Pagination } from '@/components/Pagination'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import type { Locale } from '@/lib/i18n/locales'
import { getCategories, getPublishedArticlesPage } from '@/lib/strapi'
import { parsePageParam, singleSearchParam, type SearchParamValue } from '@/lib/search-params'

// The list depends on ?page= and ?category=, so it is rendered per request
// (unlike the other pages, which the layout's empty generateStaticParams keeps
// static). Its CMS reads are still served from the data cache by tag: the
// transport asks for caching explicitly, which force-dynamic does not override.
export const dynamic = 'force-dynamic'

interface NewsPageProps {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, SearchParamValue>>
}

/**
 * Reads `?page=` and `?category=` and loads that page of the list. Shared by
 * the page and its metadata (the reads are deduplicated per request). Answers
 * 404 for a malformed page number, a page past the end and an unknown category.
 */
async function loadNewsListing(locale: Locale, searchParams: Record<string, SearchParamValue>) {
  const page = parsePageParam(searchParams.page)
  const categorySlug = singleSearchParam(searchParams.category)
  if (page === null || categorySlug === null || categorySlug === '') notFound()

  const [categories, listing] = await Promise.all([
    getCategories(locale),
    getPublishedArticlesPage(locale, page, categorySlug),
  ])
  const category = categorySlug ? categories.find((candidate) => candidate.slug === categorySlug) : undefined
  if (categorySlug && !category) notFound()
  // An empty list still has its page 1; any other page must exist.
  if (page > Math.max(1, listing.pageCount)) notFound()

  return { page, category, categories, listing }
}

function newsListHref(locale: Locale, page: number, categorySlug?: string): string {
  const query = new URLSearchParams()
  if (categorySlug) query.set('category', categorySlug)
  if (page > 1) query.set('page', String(page))
  const search = query.toString()
  return `/${locale}/news${search ? `?${search}` : ''}`
}

export async function generateMetadata({ params, searchParams }: NewsPageProps): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale)
  const dictionary = getDictionary(locale)
  const { page, category } = await loadNewsListing(locale, await searchParams)
  const listTitle = category?.name ?? dictionary.news.title
  return {
    title: page > 1 ? dictionary.news.pagedTitle(listTitle, page) : listTitle,
    alternates: { canonical: newsListHref(locale, page, category?.slug) },
  }
}

export default async function NewsPage({ params, searchParams }: NewsPageProps) {
  const locale = localeOrNotFound((await params).locale)
  const dictionary = getDictionary(locale)
  const { page, category, categories, listing } = await loadNewsListing(locale, await searchParams)
  const listTitle = category?.name ?? dictionary.news.title

  return (
    <div className="news-list">
      <h1>{page > 1 ? dictionary.news.pagedTitle(listTitle, page) : listTitle}</h1>

      {categories.length > 1 ? (
        <nav aria-label={dictionary.news.categoryFilterLabel} className="category-filter">
          <ul>
            <li>
              <Link href={newsListHref(locale, 1)} aria-current={category ? undefined : 'page'}>
                {dictionary.news.allCategories}
              </Link>
            </li>
            {categories.map((candidate) => (
              <li key={candidate.slug}>
                <Link
                  href={newsListHref(locale, 1, candidate.slug)}
                  aria-current={candidate.slug === category?.slug ? 'page' : undefined}
                >
                  {candidate.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <ArticleList locale={locale} articles={listing.items} dictionary={dictionary} headingLevel="h2" />

      <Pagination
        page={page}
        pageCount={listing.pageCount}
        hrefForPage={(target) => newsListHref(locale, target, category?.slug)}
        dictionary={dictionary}
      />
    </div>
  )
}
