import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarDate } from '@/components/CalendarDate';
import { CmsFigure } from '@/components/CmsFigure';
import { CmsErrorBoundary, metadataUnlessCmsFails } from '@/components/CmsErrors';
import { JsonLd } from '@/components/JsonLd';
import { notFoundMetadata } from '@/components/NotFound';
import { RedirectOrNotFound } from '@/components/RedirectOrNotFound';
import { RichText } from '@/components/RichText';
import { SitePage } from '@/components/SitePage';
import { env } from '@/lib/env';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import type { Locale } from '@medee/contract';
import { newsArticleJsonLd } from '@/lib/json-ld';
import { publicImageUrl } from '@/lib/media';
import {
  absoluteUrl,
  articlePath,
  certificatePath,
  homePath,
  hreflangAlternates,
  newsListPath,
  type LanguageVariants,
  translationPaths,
} from '@/lib/routes';
import { getAdjacentArticles, getArticleBySlug, getGlobal, type Article } from '@/lib/strapi';

interface ArticlePageProps {
  params: Promise<{ locale: string; slug: string }>;
}

// No article is rendered at build time (the build must not need the CMS);
// see app/[locale]/layout.tsx. Each is rendered on its first request and
// cached under its `article:<locale>:<slug>` tag.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/** Where this article lives in each language it is published in. */
function languageVariants(article: Article): LanguageVariants {
  return Object.fromEntries([
    [article.locale, articlePath(article.locale, article.slug)],
    ...article.translations.map(({ locale, slug }) => [locale, articlePath(locale, slug)]),
  ]);
}

function coverUrl(article: Article): string | null {
  return article.cover ? publicImageUrl(article.cover.url, { siteUrl: env.SITE_URL, cmsOrigin: env.STRAPI_URL }) : null;
}

async function articleFromParams(
  params: ArticlePageProps['params'],
): Promise<{ locale: Locale; article: Article | null }> {
  const { locale: localeSegment, slug } = await params;
  const locale = localeOrNotFound(localeSegment);
  return { locale, article: await getArticleBySlug(locale, slug) };
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale);
  return metadataUnlessCmsFails(locale, () => articleMetadata(params));
}

async function articleMetadata(params: ArticlePageProps['params']): Promise<Metadata> {
  const { locale, article } = await articleFromParams(params);
  if (!article) return notFoundMetadata(locale);
  const self = articlePath(locale, article.slug);
  const image = coverUrl(article);
  const images =
    image && article.cover
      ? [
          {
            url: image,
            width: article.cover.width,
            height: article.cover.height,
            alt: article.cover.alt || article.title,
          },
        ]
      : undefined;

  return {
    title: article.seo.title,
    description: article.seo.description ?? undefined,
    alternates: { canonical: self, languages: hreflangAlternates(languageVariants(article)) },
    openGraph: {
      type: 'article',
      url: self,
      title: article.seo.title,
      description: article.seo.description ?? undefined,
      locale,
      alternateLocale: article.translations.map((translation) => translation.locale),
      publishedTime: article.postedAt,
      modifiedTime: article.updatedAt,
      section: article.category?.name,
      images,
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: article.seo.title,
      description: article.seo.description ?? undefined,
      images: images?.map((each) => ({ url: each.url, alt: each.alt })),
    },
  };
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const locale = localeOrNotFound((await params).locale);
  return (
    <CmsErrorBoundary locale={locale}>
      <ArticleContent params={params} />
    </CmsErrorBoundary>
  );
}

async function ArticleContent({ params }: ArticlePageProps) {
  const { locale, article } = await articleFromParams(params);
  if (!article) return <RedirectOrNotFound locale={locale} path={articlePath(locale, (await params).slug)} />;
  const dictionary = getDictionary(locale);
  const [adjacent, settings] = await Promise.all([
    getAdjacentArticles(locale, article.documentId, article.postedAt),
    getGlobal(locale),
  ]);
  const image = coverUrl(article);

  return (
    <SitePage locale={locale} current="news" languageSwitch={translationPaths(article.translations, articlePath)}>
      <JsonLd
        data={newsArticleJsonLd({
          url: absoluteUrl(env.SITE_URL, articlePath(locale, article.slug)),
          headline: article.title,
          description: article.seo.description,
          datePublished: article.postedAt,
          dateModified: article.updatedAt,
          inLanguage: locale,
          images: image ? [image] : [],
          section: article.category?.name ?? null,
          publisher: {
            name: settings?.companyName ?? dictionary.fallbackSiteName,
            url: absoluteUrl(env.SITE_URL, homePath(locale)),
          },
        })}
      />
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
              <Link href={newsListPath(locale, { category: article.category.slug })}>{article.category.name}</Link>
            </p>
          ) : null}
        </header>

        {article.cover ? (
          <CmsFigure
            image={article.cover}
            sizes="(min-width: 48rem) 44rem, 100vw"
            aboveTheFold
            className="article__cover"
          />
        ) : null}

        <RichText content={article.body} />

        {article.certificates.length > 0 ? (
          <aside className="article__certificates" aria-labelledby="related-certificates">
            <h2 id="related-certificates">{dictionary.article.relatedCertificates}</h2>
            <ul>
              {article.certificates.map((certificate) => (
                <li key={certificate.documentId}>
                  <Link href={certificatePath(locale, certificate.slug)}>{certificate.name}</Link>
                  <span className="article__certificate-meta">
                    {dictionary.certificates.levels[certificate.level]} ·{' '}
                    <CalendarDate locale={locale} date={certificate.issuedOn} />
                  </span>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </article>

      {adjacent.older || adjacent.newer ? (
        <nav className="adjacent-articles" aria-label={dictionary.article.adjacentLabel}>
          {adjacent.older ? (
            <Link
              href={articlePath(locale, adjacent.older.slug)}
              rel="prev"
              className="adjacent-articles__older"
              data-adjacent="older"
            >
              <span className="adjacent-articles__label">← {dictionary.article.older}</span>
              <span className="adjacent-articles__title">{adjacent.older.title}</span>
            </Link>
          ) : null}
          {adjacent.newer ? (
            <Link
              href={articlePath(locale, adjacent.newer.slug)}
              rel="next"
              className="adjacent-articles__newer"
              data-adjacent="newer"
            >
              <span className="adjacent-articles__label">{dictionary.article.newer} →</span>
              <span className="adjacent-articles__title">{adjacent.newer.title}</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </SitePage>
  );
}
