import type { Metadata } from 'next';
import { CmsErrorBoundary, metadataUnlessCmsFails } from '@/components/CmsErrors';
import { NewsList, newsListMetadata } from '@/components/NewsList';
import { localeOrNotFound } from '@/lib/i18n/locale-param';

// /<locale>/news?category=slug[&page=N], rewritten here by proxy.ts.

interface CategoryListPageProps {
  params: Promise<{ locale: string; page: string; category: string }>;
}

// Strapi slugs are URL-safe; anything that does not decode is simply not a category.
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function generateStaticParams(): { category: string }[] {
  return [];
}

async function listParams({ params }: CategoryListPageProps) {
  const { locale, page, category } = await params;
  return { locale: localeOrNotFound(locale), pageSegment: page, categorySegment: safeDecode(category) };
}

export async function generateMetadata(props: CategoryListPageProps): Promise<Metadata> {
  const params = await listParams(props);
  return metadataUnlessCmsFails(params.locale, () => newsListMetadata(params));
}

export default async function CategoryListPage(props: CategoryListPageProps) {
  const params = await listParams(props);
  return (
    <CmsErrorBoundary locale={params.locale}>
      <NewsList {...params} />
    </CmsErrorBoundary>
  );
}
