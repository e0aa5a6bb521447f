import Link from 'next/link'
import { ArticleList } from '@/components/ArticleList'
import { CertificateList } from '@/components/CertificateList'
import { getDictionary } from '@/lib/i18n/dictionaries'
import { localeOrNotFound } from '@/lib/i18n/locale-param'
import { getCertificates, getGlobal, getLatestArticles } from '@/lib/strapi'

const LATEST_ARTICLES_ON_HOME = 5
const CERTIFICATES_ON_HOME = 4

// The title is the site name, which (site)/layout.tsx sets as the default.

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = localeOrNotFound((await params).locale)
  const dictionary = getDictionary(locale)
  const [settings, articles, certificates] = await Promise.all([
    getGlobal(locale),
    getLatestArticles(locale, LATEST_ARTICLES_ON_HOME),
    getCertificates(locale),
  ])

  return (
    <div className="home">
      <h1 className="home__title">{settings?.companyName ?? dictionary.fallbackSiteName}</h1>

      <section aria-labelledby="latest-news" className="home__section">
        <div className="section-heading">
          <h2 id="latest-news">{dictionary.home.latestNews}</h2>
          <Link href={`/${locale}/news`}>{dictionary.home.allNews} →</Link>
        </div>
        <ArticleList locale={locale} articles={articles} dictionary={dictionary} headingLevel="h3" />
      </section>

      <section aria-labelledby="certificates" className="home__section">
        <div className="section-heading">
          <h2 id="certificates">{dictionary.home.certificates}</h2>
          <Link href={`/${locale}/certificates`}>{dictionary.home.allCertificates} →</Link>
        </div>
        <CertificateList
          locale={locale}
          certificates={certificates.slice(0, CERTIFICATES_ON_HOME)}
          dictionary={dictionary}
          headingLevel="h3"
        />
      </section>
    </div>
  )
}
