import type { Metadata } from 'next';
import { CmsErrorBoundary, metadataUnlessCmsFails } from '@/components/CmsErrors';
import { NewsList, newsListMetadata } from '@/components/NewsList';
import { localeOrNotFound } from '@/lib/i18n/locale-param';

// /<locale>/news and /<locale>/news?page=N, rewritten here by proxy.ts.

interface NewsListPageProps {
  params: Promise<{ locale: string; page: string }>;
}

export function generateStaticParams(): { page: string }[] {
  return [];
}

async function listParams({ params }: NewsListPageProps) {
  const { locale, page } = await params;
  return { locale: localeOrNotFound(locale), pageSegment: page };
}

export async function generateMetadata(props: NewsListPageProps): Promise<Metadata> {
  const params = await listParams(props);
  return metadataUnlessCmsFails(params.locale, () => newsListMetadata(params));
}

export default async function NewsListPage(props: NewsListPageProps) {
  const params = await listParams(props);
  return (
    <CmsErrorBoundary locale={params.locale}>
      <NewsList {...params} />
    </CmsErrorBoundary>
  );
}
