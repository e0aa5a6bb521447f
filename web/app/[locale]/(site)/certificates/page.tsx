import type { Metadata } from 'next'
import { CertificateList } from '@/components/CertificateList'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import { getCertificates } from '@/lib/strapi'

interface CertificatesPageProps {
  params: Promise<{ locale: string }>
}

export async function generateMetadata({ params }: CertificatesPageProps): Promise<Metadata> {
  const locale = localeOrNotFound((await params).locale)
  return { title: getDictionary(locale).certificates.title, alternates: { canonical: `/${locale}/certificates` } }
}

export default async function CertificatesPage({ params }: CertificatesPageProps) {
  const locale = localeOrNotFound((await params).locale)
  const dictionary = getDictionary(locale)
  const certificates = await getCertificates(locale)

  return (
    <div className="certificates">
      <h1>{dictionary.certificates.title}</h1>
      <CertificateList locale={locale} certificates={certificates} dictionary={dictionary} headingLevel="h2" />
    </div>
  )
}
