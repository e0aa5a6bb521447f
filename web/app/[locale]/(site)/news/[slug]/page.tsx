import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CalendarDate } from '@/components/CalendarDate'
import { CmsImage } from '@/components/CmsImage'
import { RichText } from '@/components/RichText'
import { env } from '@/lib/env'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import type { Locale } from '@/lib/i18n/locales'
import { getArticleBySlug, type Translation } from '@/lib/strapi'

interface ArticlePageProps {
  params: Promise<{ locale: string; slug: string }>
}

// No article is rendered at build time (the build must not need the CMS);
// see app/[locale]/layout.tsx. Each is rendered on its first request and
// cached under its `article:<locale>:<slug>` tag.
export function generateStaticParams(): { slug: string }[] {
  return []
}

function articlePath(locale: Locale, slug: string): string {
  return `/${locale}/news/${encodeURIComponent(slug)}`
}

function languageAlternates(translations: Translation[]): Record<string, string> {
  return Object.fromEntries(translations.map(({ locale, slug }) => [locale, articlePath(locale, slug)]))
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const { locale: localeSegment, slug } = await params
  const locale = localeOrNotFound(localeSegment)
  const article = await getArticleBySlug(locale, slug)
  if (!article) notFound()

  return {
    title: article.seo.title,
    description: article.seo.description ?? undefined,
    alternates: {
      canonical: articlePath(locale, article.slug),
      languages: { [locale]: articlePath(locale, article.slug), ...languageAlternates(article.translations) },
    },
    openGraph: {
      type: 'article',
      title: article.seo.title,
      description: article.seo.description ?? undefined,
      publishedTime: article.postedAt,
      images: article.cover ? [{ url: article.cover.url, width: article.cover.width, height: article.cover.height }] : undefined,
    },
  }
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { locale: localeSegment, slug } = await params
  const locale = localeOrNotFound(localeSegment)
  const article = await getArticleBySlug(locale, slug)
  if (!article) notFound()
  const dictionary = getDictionary(locale)

  return (
    <article className="article">
      <header className="article__header">
        <h1>{article.title}</h1>
        <p className="article__posted-at">
          {dictionary.article.postedAtPrefix}
          <CalendarDate locale={locale} date={article.postedAt} />
        </p>
        {article.category ? (
          <p className="article__category">
            {dictionary.article.categoryPrefix}
            <Link href={`/${locale}/news?category=${encodeURIComponent(article.category.slug)}`}>
              {article.category.name}
            </Link>
          </p>
        ) : null}
      </header>

      {article.cover ? (
        <CmsImage image={article.cover} sizes="(min-width: 48rem) 44rem, 100vw" aboveTheFold className="article__cover" />
      ) : null}

      <RichText content={article.body} cmsOrigin={env.STRAPI_URL} />

      {article.certificates.length > 0 ? (
        <aside className="article__certificates" aria-labelledby="related-certificates">
          <h2 id="related-certificates">{dictionary.article.relatedCertificates}</h2>
          <ul>
            {article.certificates.map((certificate) => (
              <li key={certificate.documentId}>
                <Link href={`/${locale}/certificates/${encodeURIComponent(certificate.slug)}`}>{certificate.name}</Link>
                <span className="article__certificate-meta">
                  {dictionary.certificates.levels[certificate.level]} · <CalendarDate locale={locale} date={certificate.issuedOn} />
                </span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </article>
  )
}
