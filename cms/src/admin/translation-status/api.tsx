import { Badge } from '@strapi/design-system';

/** The /translations admin API's shapes (cms/src/translation/status.ts). */
export type LocaleStatus = 'missing' | 'draft' | 'published' | 'outdated';
export interface LocaleState {
  status: LocaleStatus;
  published: boolean;
  isSource: boolean;
  title: string | null;
  updatedAt: string | null;
  translatedAt: string | null;
}
export interface StatusRow {
  contentType: string;
  type: string;
  documentId: string;
  title: string;
  sourceLocale: string;
  locales: Record<string, LocaleState>;
}
export interface StatusReport {
  locales: string[];
  rows: StatusRow[];
}

export const STATUS_LABELS: Record<LocaleStatus, string> = {
  missing: 'Missing',
  draft: 'Draft only',
  published: 'Published',
  outdated: 'Outdated',
};
const VARIANTS: Record<LocaleStatus, 'danger' | 'warning' | 'success' | 'secondary'> = {
  missing: 'danger',
  outdated: 'warning',
  draft: 'secondary',
  published: 'success',
};

export function StatusBadge({ state }: { state: LocaleState | undefined }) {
  const status = state?.status ?? 'missing';
  const label = state?.isSource ? `${STATUS_LABELS[status]} · source` : STATUS_LABELS[status];
  return (
    <Badge variant={VARIANTS[status]} data-status={status}>
      {label}
    </Badge>
  );
}

/** The content manager's edit view of a document in one locale. */
export const editViewPath = (row: Pick<StatusRow, 'contentType' | 'documentId'>, locale: string) =>
  `/content-manager/collection-types/${row.contentType}/${row.documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
