import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarDate } from '@/components/CalendarDate';
import { CmsFigure } from '@/components/CmsFigure';
import { CmsErrorBoundary, metadataUnlessCmsFails } from '@/components/CmsErrors';
import { notFoundMetadata } from '@/components/NotFound';
import { RedirectOrNotFound } from '@/components/RedirectOrNotFound';
import { RichText } from '@/components/RichText';
import { SitePage } from '@/components/SitePage';
import { env } from '@/lib/env';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import type { Locale } from '@medee/contract';
import { publicImageUrl } from '@/lib/media';
import { articlePath, certificatePath, hreflangAlternates, translationPaths } from '@/lib/routes';
import { getCertificateBySlug, type Certificate } from '@/lib/strapi';

interface CertificatePageProps {
  params: Promise<{ locale: string; slug: string }>;
}

// Rendered on first request, never at build time: see app/[locale]/layout.tsx.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

async function certificateFromParams(
  params: CertificatePageProps['params'],
): Promise<{ locale: Locale; certificate: Certificate | null }> {
  const { locale: localeSegment, slug } = await params;
  const locale = localeOrNotFound(localeSegment);
  return { locale, certificate: await getCertificateBySlug(locale, slug) };
}

/** The scan's alternative text: the editor's, or "<name> (scan)" in the page's language. */
function scanAlt(locale: Locale, certificate: Certificate): string {
  return certificate.scan?.alt || getDictionary(locale).certificates.scanAlt({ name: certificate.name });
}

export async function generateMetadata({ params }: CertificatePageProps): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale);
  return metadataUnlessCmsFails(locale, () => certificateMetadata(params));
}

async function certificateMetadata(params: CertificatePageProps['params']): Promise<Metadata> {
  const { locale, certificate } = await certificateFromParams(params);
  if (!certificate) return notFoundMetadata(locale);
  const self = certificatePath(locale, certificate.slug);
  const description = certificate.issuer ?? undefined;
  const images = certificate.scan
    ? [
        {
          url: publicImageUrl(certificate.scan.url, { siteUrl: env.SITE_URL, cmsOrigin: env.STRAPI_URL }),
          width: certificate.scan.width,
          height: certificate.scan.height,
          alt: scanAlt(locale, certificate),
        },
      ]
    : undefined;
  return {
    title: certificate.name,
    description,
    alternates: {
      canonical: self,
      languages: hreflangAlternates(
        Object.fromEntries([
          [locale, self],
          ...certificate.translations.map((other) => [other.locale, certificatePath(other.locale, other.slug)]),
        ]),
      ),
    },
    openGraph: { url: self, title: certificate.name, description, locale, images },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      images: images?.map(({ url, alt }) => ({ url, alt })),
    },
  };
}

export default async function CertificatePage({ params }: CertificatePageProps) {
  const locale = localeOrNotFound((await params).locale);
  return (
    <CmsErrorBoundary locale={locale}>
      <CertificateContent params={params} />
    </CmsErrorBoundary>
  );
}

async function CertificateContent({ params }: CertificatePageProps) {
  const { locale, certificate } = await certificateFromParams(params);
  if (!certificate) return <RedirectOrNotFound locale={locale} path={certificatePath(locale, (await params).slug)} />;
  const dictionary = getDictionary(locale);
  const labels = dictionary.certificates;

  return (
    <SitePage
      locale={locale}
      current="certificates"
      languageSwitch={translationPaths(certificate.translations, certificatePath)}
    >
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
              <span className={`level-badge level-badge--${certificate.level}`}>
                {labels.levels[certificate.level]}
              </span>
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
          <CmsFigure
            image={certificate.scan}
            alt={scanAlt(locale, certificate)}
            sizes="(min-width: 48rem) 44rem, 100vw"
            aboveTheFold
            className="certificate__scan"
          />
        ) : null}

        <RichText content={certificate.description} />

        {certificate.articles.length > 0 ? (
          <section className="certificate__articles" aria-labelledby="related-articles">
            <h2 id="related-articles">{labels.relatedArticles}</h2>
            <ul>
              {certificate.articles.map((article) => (
                <li key={article.slug}>
                  <Link href={articlePath(locale, article.slug)}>{article.title}</Link>{' '}
                  <CalendarDate locale={locale} date={article.postedAt} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </SitePage>
  );
}
