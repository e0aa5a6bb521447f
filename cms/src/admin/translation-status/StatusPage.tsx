import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Toggle,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { editViewPath, mayWrite, ownLocale, StatusBadge, type StatusAnswer } from './api';

const ALL = 'all';

/**
 * Translations: every article and certificate with its status per locale (missing, draft only,
 * published, outdated), from GET /translations/status — the data `npm run i18n -- status` prints.
 */
export default function TranslationStatusPage() {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [report, setReport] = React.useState<StatusAnswer | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // Until chosen: a translator's own locale, everyone else all locales.
  const [chosenLocale, setLocale] = React.useState<string | null>(null);
  const [needsWorkOnly, setNeedsWorkOnly] = React.useState(false);

  React.useEffect(() => {
    get<StatusAnswer>('/translations/status')
      .then(({ data }) => setReport(data))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [get]);

  if (error) return <Page.Error />;
  if (!report) return <Page.Loading />;

  const locale = chosenLocale ?? ownLocale(report) ?? ALL;
  const locales = locale === ALL ? report.locales : [locale];
  const rows = report.rows.filter((row) => !needsWorkOnly || locales.some((l) => row.locales[l]?.needsWork ?? true));

  const exportXliff = async () => {
    const source = report.locales.find((l) => l !== locale) ?? report.locales[0]!;
    try {
      const { data } = await get(`/translations/export?source=${source}&target=${locale}&only=all`, {
        responseType: 'text',
      });
      const url = URL.createObjectURL(new Blob([data], { type: 'application/xliff+xml' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `medee-${source}-${locale}.xlf`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      toggleNotification({
        type: 'danger',
        message: formatMessage(
          { id: 'medee.translations.export.failed' },
          { message: e instanceof Error ? e.message : String(e) },
        ),
      });
    }
  };

  const localeName = (code: string) => formatMessage({ id: `medee.locale.${code}`, defaultMessage: code });
  const title = formatMessage({ id: 'medee.translations.title' });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: 'medee.translations.subtitle' }, { count: report.rows.length })}
        primaryAction={
          // Exporting is for translating into the locale, so only for those who may write it.
          locale !== ALL && Object.values(report.may).some((may) => may?.update.includes(locale)) ? (
            <Button variant="secondary" onClick={exportXliff}>
              {formatMessage({ id: 'medee.translations.export' }, { locale: localeName(locale) })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box width="200px">
            <SingleSelect
              aria-label={formatMessage({ id: 'medee.translations.filter.locale' })}
              value={locale}
              onChange={(value) => setLocale(String(value))}
            >
              <SingleSelectOption value={ALL}>
                {formatMessage({ id: 'medee.translations.filter.all' })}
              </SingleSelectOption>
              {report.locales.map((code) => (
                <SingleSelectOption key={code} value={code}>
                  {localeName(code)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Toggle
            onLabel={formatMessage({ id: 'medee.translations.filter.needs-work' })}
            offLabel={formatMessage({ id: 'medee.translations.filter.everything' })}
            checked={needsWorkOnly}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNeedsWorkOnly(e.target.checked)}
          />
        </Flex>
        <Table colCount={2 + locales.length} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{formatMessage({ id: 'medee.translations.column.type' })}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{formatMessage({ id: 'medee.translations.column.title' })}</Typography>
              </Th>
              {locales.map((code) => (
                <Th key={code}>
                  <Typography variant="sigma">{localeName(code)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.documentId} data-document-id={row.documentId}>
                <Td>
                  <Typography textColor="neutral600">
                    {formatMessage({ id: `medee.translations.type.${row.type}`, defaultMessage: row.type })}
                  </Typography>
                </Td>
                <Td>
                  <Link to={editViewPath(row, row.sourceLocale)}>
                    <Typography fontWeight="semiBold">{row.title}</Typography>
                  </Link>
                </Td>
                {locales.map((code) => (
                  <Td key={code} data-locale={code}>
                    <Flex gap={2}>
                      <StatusBadge state={row.locales[code]} />
                      {/* A missing variant is offered only to users who may create it; an existing one opens for reading anyway. */}
                      {(row.locales[code]?.status !== 'missing' || mayWrite(report, row, code, 'create')) && (
                        <Link
                          to={editViewPath(row, code)}
                          aria-label={formatMessage(
                            { id: 'medee.translations.open.aria' },
                            { title: row.title, locale: localeName(code) },
                          )}
                        >
                          <Typography variant="pi" textColor="primary600">
                            {formatMessage(
                              {
                                id:
                                  row.locales[code]?.status === 'missing'
                                    ? 'medee.translations.translate'
                                    : 'medee.translations.open',
                              },
                              { locale: localeName(code) },
                            )}
                          </Typography>
                        </Link>
                      )}
                    </Flex>
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
}
