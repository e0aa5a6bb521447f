import type { Metadata } from 'next';
import { CertificateList } from '@/components/CertificateList';
import { CmsErrorBoundary } from '@/components/CmsErrors';
import { SitePage } from '@/components/SitePage';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localeOrNotFound } from '@/lib/i18n/locale-param';
import { type Locale, locales } from '@medee/contract';
import { certificatesPath, hreflangAlternates, pathsInEveryLocale } from '@/lib/routes';
import { getCertificates } from '@/lib/strapi';

interface CertificatesPageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: CertificatesPageProps): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale);
  const title = getDictionary(locale).certificates.title;
  return {
    title,
    alternates: {
      canonical: certificatesPath(locale),
      languages: hreflangAlternates(Object.fromEntries(locales.map((each) => [each, certificatesPath(each)]))),
    },
    openGraph: { url: certificatesPath(locale), title },
  };
}

export default async function CertificatesPage({ params }: CertificatesPageProps) {
  const locale = localeOrNotFound((await params).locale);
  return (
    <CmsErrorBoundary locale={locale}>
      <CertificatesContent locale={locale} />
    </CmsErrorBoundary>
  );
}

async function CertificatesContent({ locale }: { locale: Locale }) {
  const dictionary = getDictionary(locale);
  const certificates = await getCertificates(locale);

  return (
    <SitePage locale={locale} current="certificates" languageSwitch={pathsInEveryLocale(certificatesPath)}>
      <div className="certificates">
        <h1>{dictionary.certificates.title}</h1>
        <CertificateList locale={locale} certificates={certificates} dictionary={dictionary} headingLevel="h2" />
      </div>
    </SitePage>
  );
}
