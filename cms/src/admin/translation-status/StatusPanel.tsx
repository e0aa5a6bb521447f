import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { Link } from 'react-router-dom';
import { StatusBadge, type StatusReport, type StatusRow, translatePath } from './api';

type Permission = { action: string; subject?: string | null; properties?: { locales?: string[] } };

const TRANSLATED = ['api::article.article', 'api::certificate.certificate'];

function PanelContent({ model, documentId }: { model: string; documentId: string }) {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [row, setRow] = React.useState<StatusRow | null | undefined>(undefined);
  const permissions = useAuth('TranslationStatusPanel', (auth) => auth.permissions) as Permission[];
  // Translate links only for locales this user may write (a zh translator gets none for mn).
  const mayWrite = (locale: string) =>
    permissions.some(
      (p) =>
        ['plugin::content-manager.explorer.update', 'plugin::content-manager.explorer.create'].includes(p.action) &&
        p.subject === model &&
        (!p.properties?.locales || p.properties.locales.includes(locale)),
    );

  React.useEffect(() => {
    get<StatusReport>(`/translations/status?documentId=${encodeURIComponent(documentId)}`)
      .then(({ data }) => setRow(data.rows[0] ?? null))
      .catch(() => setRow(null));
  }, [get, documentId]);

  if (row === undefined)
    return <Typography variant="pi">{formatMessage({ id: 'medee.translations.panel.loading' })}</Typography>;
  if (row === null)
    return <Typography variant="pi">{formatMessage({ id: 'medee.translations.panel.none' })}</Typography>;

  const confirm = async (locale: string) => {
    const { data } = await post<StatusRow>('/translations/confirm', { contentType: model, documentId, locale });
    setRow(data);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {Object.entries(row.locales).map(([locale, state]) => (
        <Flex key={locale} justifyContent="space-between" gap={2} data-locale={locale}>
          <Typography variant="omega" fontWeight="semiBold">
            {formatMessage({ id: `medee.locale.${locale}`, defaultMessage: locale })}
          </Typography>
          <StatusBadge state={state} />
        </Flex>
      ))}
      {Object.entries(row.locales)
        .filter(([locale, state]) => !state.isSource && mayWrite(locale))
        .map(([locale]) => (
          <Link key={`translate-${locale}`} to={translatePath(row, locale)} data-translate={locale}>
            {formatMessage(
              { id: 'medee.translations.translate' },
              { locale: formatMessage({ id: `medee.locale.${locale}`, defaultMessage: locale }) },
            )}
          </Link>
        ))}
      {Object.entries(row.locales)
        .filter(([, state]) => state.status === 'outdated')
        .map(([locale]) => (
          <Button key={locale} size="S" variant="tertiary" onClick={() => confirm(locale)}>
            {formatMessage(
              { id: 'medee.translations.panel.confirm' },
              { locale: formatMessage({ id: `medee.locale.${locale}`, defaultMessage: locale }) },
            )}
          </Button>
        ))}
    </Flex>
  );
}

/** Edit-view side panel: this document's translation status in every locale. */
// Strapi calls panel components inside its renderer, so they may use hooks.
export const TranslationStatusPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  if (!documentId || !TRANSLATED.includes(model)) return null;
  return {
    title: formatMessage({ id: 'medee.translations.panel.title' }),
    content: <PanelContent model={model} documentId={documentId} />,
  };
};
