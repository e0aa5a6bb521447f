import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { mayWrite, type QaFinding, StatusBadge, type StatusAnswer, type StatusRow, translatePath } from './api';

const TRANSLATED = ['api::article.article', 'api::certificate.certificate'];

/** A finding as the translator reads it: where (field and segment) and what. */
function Finding({ finding }: { finding: QaFinding }) {
  const { formatMessage } = useIntl();
  const where = formatMessage(
    { id: 'medee.translations.qa.where' },
    { unit: finding.unit, segment: finding.segment === '*' || finding.segment === 's1' ? '' : finding.segment },
  );
  return (
    <Typography variant="pi" textColor="danger600" tag="li" data-check={finding.check}>
      {where}: {formatMessage({ id: `medee.translations.qa.${finding.check}` }, { value: finding.value ?? '' })}
    </Typography>
  );
}

function PanelContent({ model, documentId, version }: { model: string; documentId: string; version: string }) {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [answer, setAnswer] = React.useState<StatusAnswer | null | undefined>(undefined);
  const [findings, setFindings] = React.useState<Record<string, QaFinding[]>>({});

  // `version` changes with every save, publish and locale switch of the document shown: the status is read again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the refresh trigger, not read inside
  React.useEffect(() => {
    get<StatusAnswer>(`/translations/status?documentId=${encodeURIComponent(documentId)}`)
      .then(({ data }) => setAnswer(data.rows[0] ? data : null))
      .catch(() => setAnswer(null));
  }, [get, documentId, version]);

  if (answer === undefined)
    return <Typography variant="pi">{formatMessage({ id: 'medee.translations.panel.loading' })}</Typography>;
  if (answer === null)
    return <Typography variant="pi">{formatMessage({ id: 'medee.translations.panel.none' })}</Typography>;
  const row = answer.rows[0]!;

  const confirm = async (locale: string, acceptFindings: boolean) => {
    try {
      const { data } = await post<StatusRow>('/translations/confirm', {
        contentType: model,
        documentId,
        locale,
        acceptFindings,
      });
      setAnswer({ ...answer, rows: [data] });
      setFindings((all) => ({ ...all, [locale]: [] }));
    } catch (error) {
      const body = (error as { response?: { data?: { findings?: QaFinding[] } } }).response?.data;
      if (!body?.findings) throw error;
      setFindings((all) => ({ ...all, [locale]: body.findings! }));
    }
  };
  const localeName = (locale: string) => formatMessage({ id: `medee.locale.${locale}`, defaultMessage: locale });
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {Object.entries(row.locales).map(([locale, state]) => (
        <Flex key={locale} justifyContent="space-between" gap={2} data-locale={locale}>
          <Typography variant="omega" fontWeight="semiBold">
            {localeName(locale)}
          </Typography>
          <StatusBadge state={state} />
        </Flex>
      ))}
      {Object.entries(row.locales)
        // Translate links only for locales this user may write (a zh translator gets none for mn).
        .filter(
          ([locale, state]) =>
            !state.isSource && (mayWrite(answer, row, locale, 'update') || mayWrite(answer, row, locale, 'create')),
        )
        .map(([locale]) => (
          <Link key={`translate-${locale}`} to={translatePath(row, locale)} data-translate={locale}>
            {formatMessage({ id: 'medee.translations.translate' }, { locale: localeName(locale) })}
          </Link>
        ))}
      {Object.entries(row.locales)
        .filter(([locale, state]) => state.status === 'outdated' && mayWrite(answer, row, locale, 'update'))
        .map(([locale]) => (
          <Flex key={locale} direction="column" alignItems="stretch" gap={1} data-confirm-locale={locale}>
            <Button size="S" variant="tertiary" onClick={() => confirm(locale, false)}>
              {formatMessage({ id: 'medee.translations.panel.confirm' }, { locale: localeName(locale) })}
            </Button>
            {(findings[locale]?.length ?? 0) > 0 && (
              <>
                <Typography variant="pi" fontWeight="semiBold">
                  {formatMessage({ id: 'medee.translations.qa.title' }, { count: findings[locale]!.length })}
                </Typography>
                <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
                  {findings[locale]!.map((finding) => (
                    <Finding
                      key={`${finding.unit}.${finding.segment}.${finding.check}.${finding.value}`}
                      finding={finding}
                    />
                  ))}
                </Flex>
                <Button size="S" variant="danger-light" onClick={() => confirm(locale, true)}>
                  {formatMessage({ id: 'medee.translations.qa.confirm-anyway' })}
                </Button>
              </>
            )}
          </Flex>
        ))}
    </Flex>
  );
}

/** Edit-view side panel: this document's translation status in every locale. */
// Strapi calls panel components inside its renderer, so they may use hooks.
export const TranslationStatusPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  if (!documentId || !TRANSLATED.includes(model)) return null;
  const version = [document?.locale, document?.updatedAt, document?.publishedAt].join('|');
  return {
    title: formatMessage({ id: 'medee.translations.panel.title' }),
    content: <PanelContent model={model} documentId={documentId} version={version} />,
  };
};
