import type { Dictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import { env } from '@/lib/env';
import { absoluteUrl, feedPath } from '@/lib/routes';
import type { SiteSettings } from '@/lib/strapi';

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
