import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import type { CertificateSummary } from '@/lib/strapi';
import { CalendarDate } from './CalendarDate';

interface CertificateListProps {
  locale: Locale;
  certificates: CertificateSummary[];
  dictionary: Dictionary;
  headingLevel: 'h2' | 'h3';
}

export function CertificateList({ locale, certificates, dictionary, headingLevel: Heading }: CertificateListProps) {
  if (certificates.length === 0) return <p className="empty-state">{dictionary.certificates.empty}</p>;
  return (
    <ul className="certificate-list">
      {certificates.map((certificate) => (
        <li key={certificate.documentId} className="certificate-card">
          <Heading className="certificate-card__name">
            <Link href={`/${locale}/certificates/${encodeURIComponent(certificate.slug)}`}>{certificate.name}</Link>
          </Heading>
          <p className="certificate-card__meta">
            <span className={`level-badge level-badge--${certificate.level}`}>
              {dictionary.certificates.levels[certificate.level]}
            </span>
            {certificate.issuer ? <span>{certificate.issuer}</span> : null}
            <CalendarDate locale={locale} date={certificate.issuedOn} />
          </p>
        </li>
      ))}
    </ul>
  );
}
