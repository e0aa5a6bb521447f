import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleList } from '@/components/ArticleList';
import { CertificateList } from '@/components/CertificateList';
import { CmsErrorBoundary, metadataUnlessCmsFails } from '@/components/CmsErrors';
import { JsonLd } from '@/components/JsonLd';
import { SitePage } from '@/components/SitePage';
import { env } from '@/lib/env';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import { type Locale, locales } from '@medee/contract';
import { organizationJsonLd } from '@/lib/json-ld';
import {
  absoluteUrl,
  certificatesPath,
  homePath,
  hreflangAlternates,
  newsListPath,
  pathsInEveryLocale,
} from '@/lib/routes';
import { getCertificates, getGlobal, getLatestArticles } from '@/lib/strapi';

const LATEST_ARTICLES_ON_HOME = 5;
const CERTIFICATES_ON_HOME = 4;

interface HomePageProps {
  params: Promise<{ locale: string }>;
}

// The title is the site's SEO title, which (site)/layout.tsx sets as the default.
export async function generateMetadata({ params }: HomePageProps): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale);
  return metadataUnlessCmsFails(locale, () => homeMetadata(locale));
}

async function homeMetadata(locale: Locale): Promise<Metadata> {
  const settings = await getGlobal(locale);
  return {
    alternates: {
      canonical: homePath(locale),
      // The home page exists in every language; `/` sends each visitor to theirs.
      languages: hreflangAlternates(Object.fromEntries(locales.map((each) => [each, homePath(each)])), '/'),
    },
    openGraph: {
      url: homePath(locale),
      title: settings?.seo.title ?? settings?.siteName,
      description: settings?.seo.description ?? undefined,
    },
  };
}

export default async function HomePage({ params }: HomePageProps) {
  const locale = localeOrNotFound((await params).locale);
  return (
    <CmsErrorBoundary locale={locale}>
      <HomeContent locale={locale} />
    </CmsErrorBoundary>
  );
}

async function HomeContent({ locale }: { locale: Locale }) {
  const dictionary = getDictionary(locale);
  const [settings, articles, certificates] = await Promise.all([
    getGlobal(locale),
    getLatestArticles(locale, LATEST_ARTICLES_ON_HOME),
    getCertificates(locale),
  ]);
  const companyName = settings?.companyName ?? dictionary.fallbackSiteName;

  return (
    <SitePage locale={locale} current="home" languageSwitch={pathsInEveryLocale(homePath)}>
      <JsonLd
        data={organizationJsonLd({
          name: companyName,
          url: absoluteUrl(env.SITE_URL, homePath(locale)),
          email: settings?.email ?? null,
          telephone: settings?.phone ?? null,
          address: settings?.address ?? null,
          awards: certificates.map((certificate) => certificate.name),
        })}
      />
      <div className="home">
        <h1 className="home__title">{companyName}</h1>

        <section aria-labelledby="latest-news" className="home__section">
          <div className="section-heading">
            <h2 id="latest-news">{dictionary.home.latestNews}</h2>
            <Link href={newsListPath(locale)}>{dictionary.home.allNews} →</Link>
          </div>
          <ArticleList locale={locale} articles={articles} dictionary={dictionary} headingLevel="h3" />
        </section>

        <section aria-labelledby="certificates" className="home__section">
          <div className="section-heading">
            <h2 id="certificates">{dictionary.home.certificates}</h2>
            <Link href={certificatesPath(locale)}>{dictionary.home.allCertificates} →</Link>
          </div>
          <CertificateList
            locale={locale}
            certificates={certificates.slice(0, CERTIFICATES_ON_HOME)}
            dictionary={dictionary}
            headingLevel="h3"
          />
        </section>
      </div>
    </SitePage>
  );
}
