import type { Dictionary } from '@/lib/i18n/dictionaries';
import { addressesMainlandChina, type Locale } from '@medee/contract';
import { env } from '@/lib/env';
import { absoluteUrl, feedPath } from '@/lib/routes';
import type { SiteSettings } from '@/lib/strapi';

/** The registries a filing number is looked up in: MIIT's for ICP, the Ministry of Public Security's by the number's digits. */
const ICP_REGISTRY_URL = 'https://beian.miit.gov.cn/';
const publicSecurityRegistryUrl = (filing: string) =>
  `https://beian.mps.gov.cn/#/query/webSearch?code=${filing.replace(/\D/g, '')}`;

interface SiteFooterProps {
  settings: SiteSettings | null;
  siteName: string;
  dictionary: Dictionary;
  locale: Locale;
}

export function SiteFooter({ settings, siteName, dictionary, locale }: SiteFooterProps) {
  const companyName = settings?.companyName ?? siteName;
  return (
    <footer className="site-footer">
      {/* Feed autodiscovery for every page; React places <link> elements in the document head. */}
      <link
        rel="alternate"
        type="application/rss+xml"
        href={absoluteUrl(env.SITE_URL, feedPath(locale))}
        title={dictionary.feed.title({ siteName })}
      />
      <div className="site-footer__inner">
        <p className="site-footer__company">{companyName}</p>
        {/* The CMS's footer text is the company's own copyright line; the site adds one only without it. */}
        {settings?.footer ? <p className="site-footer__text">{settings.footer}</p> : null}
        {settings && (settings.address || settings.email || settings.phone) ? (
          <address className="site-footer__contact">
            <dl>
              {settings.address ? (
                <div>
                  <dt>{dictionary.footer.address}</dt>
                  <dd>{settings.address}</dd>
                </div>
              ) : null}
              {settings.email ? (
                <div>
                  <dt>{dictionary.footer.email}</dt>
                  <dd>
                    <a href={`mailto:${settings.email}`}>{settings.email}</a>
                  </dd>
                </div>
              ) : null}
              {settings.phone ? (
                <div>
                  <dt>{dictionary.footer.phone}</dt>
                  <dd>
                    <a href={`tel:${settings.phone.replace(/[^\d+]/g, '')}`}>{settings.phone}</a>
                  </dd>
                </div>
              ) : null}
            </dl>
          </address>
        ) : null}
        {addressesMainlandChina(locale) ? <Filings settings={settings} dictionary={dictionary} /> : null}
        <p className="site-footer__copyright">
          {settings?.footer ? null : <>© {companyName} · </>}
          <a href={feedPath(locale)} type="application/rss+xml">
            RSS
          </a>
        </p>
      </div>
    </footer>
  );
}

/**
 * A site served in mainland China shows its ICP and public-security filing numbers, each linked to
 * its registry; the other languages' sites are not filed there and show neither.
 */
function Filings({ settings, dictionary }: Pick<SiteFooterProps, 'settings' | 'dictionary'>) {
  if (!settings?.icpFiling && !settings?.publicSecurityFiling) return null;
  const { filings } = dictionary.footer;
  return (
    <ul className="site-footer__filings" aria-label={filings.label}>
      {settings.icpFiling ? (
        <li>
          <a href={ICP_REGISTRY_URL} title={filings.icpRegistry}>
            {settings.icpFiling}
          </a>
        </li>
      ) : null}
      {settings.publicSecurityFiling ? (
        <li>
          <a href={publicSecurityRegistryUrl(settings.publicSecurityFiling)} title={filings.publicSecurityRegistry}>
            {settings.publicSecurityFiling}
          </a>
        </li>
      ) : null}
    </ul>
  );
}
