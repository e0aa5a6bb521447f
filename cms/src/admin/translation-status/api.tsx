import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

// The /translations admin API's shapes, from the server code that builds them (type-only: erased
// from the admin bundle).
import type { QaFinding } from '../../translation/qa';
import type { LocaleState, LocaleStatus, StatusAnswer, StatusReport, StatusRow } from '../../translation/status';

export type { LocaleState, LocaleStatus, QaFinding, StatusAnswer, StatusReport, StatusRow };

/** Whether the user may create (a missing variant) or update the `locale` variant of a row's type. */
export const mayWrite = (
  answer: Pick<StatusAnswer, 'may'>,
  row: Pick<StatusRow, 'contentType'>,
  locale: string,
  action: 'create' | 'update',
) => answer.may[row.contentType]?.[action].includes(locale) ?? false;

/** The locale a translator works in (the only one it may write), or null for users who write several. */
export function ownLocale(answer: StatusAnswer): string | null {
  const writable = answer.locales.filter((locale) =>
    Object.values(answer.may).some((may) => may?.update.includes(locale)),
  );
  return writable.length === 1 ? writable[0]! : null;
}

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
