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
import { getCertificateBySlug } from '@/lib/strapi'

interface CertificatePageProps {
  params: Promise<{ locale: string; slug: string }>
}

// Rendered on first request, never at build time: see app/[locale]/layout.tsx.
export function generateStaticParams(): { slug: string }[] {
  return []
}

function certificatePath(locale: Locale, slug: string): string {
  return `/${locale}/certificates/${encodeURIComponent(slug)}`
}

export async function generateMetadata({ params }: CertificatePageProps): Promise<Metadata> {
  const { locale: localeSegment, slug } = await params
  const locale = localeOrNotFound(localeSegment)
  const certificate = await getCertificateBySlug(locale, slug)
  if (!certificate) notFound()

  return {
    title: certificate.name,
    description: certificate.issuer ?? undefined,
    alternates: {
      canonical: certificatePath(locale, certificate.slug),
      languages: Object.fromEntries([
        [locale, certificatePath(locale, certificate.slug)],
        ...certificate.translations.map((other) => [other.locale, certificatePath(other.locale, other.slug)]),
      ]),
    },
  }
}

export default async function CertificatePage({ params }: CertificatePageProps) {
  const { locale: localeSegment, slug } = await params
  const locale = localeOrNotFound(localeSegment)
  const certificate = await getCertificateBySlug(locale, slug)
  if (!certificate) notFound()
  const dictionary = getDictionary(locale)
  const labels = dictionary.certificates

  return (
    <article className="certificate">
      <h1>{certificate.name}</h1>

      <dl className="certificate__facts">
        {certificate.issuer ? (
          <div>
            <dt>{labels.issuer}</dt>
            <dd>{certificate.issuer}</dd>
          </div>
        ) : null}
        <div>
          <dt>{labels.level}</dt>
          <dd>
            <span className={`level-badge level-badge--${certificate.level}`}>{labels.levels[certificate.level]}</span>
          </dd>
        </div>
        {certificate.number ? (
          <div>
            <dt>{labels.number}</dt>
            <dd>{certificate.number}</dd>
          </div>
        ) : null}
        <div>
          <dt>{labels.issuedOn}</dt>
          <dd>
            <CalendarDate locale={locale} date={certificate.issuedOn} />
          </dd>
        </div>
      </dl>

      {certificate.scan ? (
        <CmsImage
          image={certificate.scan}
          alt={certificate.scan.alt || labels.scanAlt(certificate.name)}
          sizes="(min-width: 48rem) 44rem, 100vw"
          aboveTheFold
          className="certificate__scan"
        />
      ) : null}

      <RichText content={certificate.description} cmsOrigin={env.STRAPI_URL} />

      {certificate.articles.length > 0 ? (
        <section className="certificate__articles" aria-labelledby="related-articles">
          <h2 id="related-articles">{labels.relatedArticles}</h2>
          <ul>
            {certificate.articles.map((article) => (
              <li key={article.slug}>
                <Link href={`/${locale}/news/${encodeURIComponent(article.slug)}`}>{article.title}</Link>{' '}
                <CalendarDate locale={locale} date={article.postedAt} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
