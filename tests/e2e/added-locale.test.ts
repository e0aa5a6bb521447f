import { freePort } from '../../scripts/lib/processes.cjs';
import { adminClient, type AdminClient } from '../../cms/tests/helpers/admin-api';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { seedArticle, seedCertificate } from './reader-data';
import { startSite, type SiteInstance } from './site';

// An editor adds a language the site does not serve (Settings → Internationalization) and
// publishes a variant in it. The site must go on answering every page, the sitemap and the feeds
// as before: the unknown locale in `localizations` is ignored, not a reason to fail.

const ARTICLE = 'api::article.article';

describe('a locale added in the CMS admin', () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  let admin: AdminClient;

  const pages = [
    '/mn',
    '/zh',
    '/mn/news',
    '/zh/news',
    `/mn/news/${seedArticle.mn!.slug}`,
    `/zh/news/${seedArticle.zh!.slug}`,
    '/mn/certificates',
    `/mn/certificates/${seedCertificate.mn!.slug}`,
    `/zh/certificates/${seedCertificate.zh!.slug}`,
    '/mn/search?q=гэрчилгээ',
    '/mn/feed.xml',
    '/zh/feed.xml',
    '/sitemap.xml',
  ];
  const statuses = async () =>
    Object.fromEntries(
      await Promise.all(
        pages.map(async (path) => [path, (await fetch(`${site.baseUrl}${path}`, { redirect: 'manual' })).status]),
      ),
    );

  beforeAll(async () => {
    const sitePort = await freePort();
    cms = await startSeededCms('sqlite', { site: { url: `http://127.0.0.1:${sitePort}` } });
    site = await startSite(cms, { port: sitePort });
    admin = await adminClient(cms);
  }, 300_000);

  afterAll(async () => {
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  test('every page, the sitemap and the feeds answer as before once a variant is published in it', async () => {
    await admin('POST', '/i18n/locales', { code: 'fr', name: 'French (fr)', isDefault: false });
    const articles = `/content-manager/collection-types/${ARTICLE}`;
    const { data: mnVariant } = await admin(
      'GET',
      `${articles}?locale=mn&filters[slug][$eq]=${encodeURIComponent(seedArticle.mn!.slug)}`,
    ).then((answer) => ({ data: answer.results[0] }));
    const documentId = mnVariant.documentId as string;
    const title = 'Beilan Technologie, PME spécialisée de Qingdao';
    await admin('PUT', `${articles}/${documentId}?locale=fr`, { title, slug: 'beilan-pme-specialisee-qingdao' });
    await admin('POST', `${articles}/${documentId}/actions/publish?locale=fr`, { locale: 'fr' });

    // Nothing was requested before, so every page is rendered now, with the fr translation in the
    // `localizations` the CMS sends; all of them as on a site without it (before: the sitemap 500).
    expect(await statuses()).toEqual(Object.fromEntries(pages.map((path) => [path, 200])));
    // The site does not serve fr: its pages are 404s, and nothing links to them.
    expect((await fetch(`${site.baseUrl}/fr/news/beilan-pme-specialisee-qingdao`)).status).toBe(404);
    const article = await (await fetch(`${site.baseUrl}/mn/news/${seedArticle.mn!.slug}`)).text();
    expect(article).not.toContain('hreflang="fr"');
  });
});
