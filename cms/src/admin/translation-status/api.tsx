import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

// The /translations admin API's shapes, from the server code that builds them (type-only: erased
// from the admin bundle).
import type { LocaleState, LocaleStatus, StatusReport, StatusRow } from '../../translation/status';

export type { LocaleState, LocaleStatus, StatusReport, StatusRow };

const VARIANTS: Record<LocaleStatus, 'danger' | 'warning' | 'success' | 'secondary'> = {
  missing: 'danger',
  outdated: 'warning',
  draft: 'secondary',
  published: 'success',
};

export function StatusBadge({ state }: { state: LocaleState | undefined }) {
  const { formatMessage } = useIntl();
  const status = state?.status ?? 'missing';
  const name = formatMessage({ id: `medee.translations.status.${status}` });
  const label = state?.isSource ? formatMessage({ id: 'medee.translations.status.source' }, { status: name }) : name;
  return (
    <Badge variant={VARIANTS[status]} data-status={status}>
      {label}
    </Badge>
  );
}

/** The content manager's edit view of a document in one locale. */
export const editViewPath = (row: Pick<StatusRow, 'contentType' | 'documentId'>, locale: string) =>
  `/content-manager/collection-types/${row.contentType}/${row.documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

/** The Translate screen for a document into one locale. */
export const translatePath = (row: Pick<StatusRow, 'contentType' | 'documentId'>, locale: string) =>
  `/translate?${new URLSearchParams({ contentType: row.contentType, documentId: row.documentId, locale })}`;
