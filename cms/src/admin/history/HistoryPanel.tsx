import * as React from 'react';
import { Badge, Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
// The /history admin API's shapes, from the server code that builds them (type-only: erased from the bundle).
import type { VersionComparison, VersionList } from '../../history/routes';
import type { VersionSummary } from '../../history/store';

const HISTORY_TYPES = [
  'api::article.article',
  'api::certificate.certificate',
  'api::category.category',
  'api::global.global',
];
/** Versions shown at first, and added by each "show older". */
const PAGE = 10;

const ACTION_BADGES: Record<VersionSummary['action'], 'success' | 'secondary' | 'warning' | 'primary'> = {
  create: 'secondary',
  update: 'secondary',
  publish: 'success',
  unpublish: 'warning',
  discardDraft: 'warning',
  restore: 'primary',
};

/** Struck out: only in the current draft (a restore removes it); highlighted: comes back with the version. */
function Parts({ parts }: { parts: VersionComparison['changes'][number]['parts'] }) {
  return (
    <Typography variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) =>
        part.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
          <del key={index} data-diff="removed" style={{ background: '#fdd', color: '#900' }}>
            {part.value}
          </del>
        ) : part.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
          <ins key={index} data-diff="added" style={{ background: '#dfd', color: '#060', textDecoration: 'none' }}>
            {part.value}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
          <span key={index}>{part.value}</span>
        ),
      )}
    </Typography>
  );
}

function CompareModal({ model, id, onClose }: { model: string; id: number; onClose: () => void }) {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [comparison, setComparison] = React.useState<VersionComparison | null>(null);
  const [restoring, setRestoring] = React.useState(false);

  React.useEffect(() => {
    get<VersionComparison>(`/history/versions/${id}`)
      .then(({ data }) => setComparison(data))
      .catch(() => onClose());
  }, [get, id, onClose]);

  const restore = async () => {
    setRestoring(true);
    try {
      await post(`/history/versions/${id}/restore`, {});
      toggleNotification({ type: 'success', message: formatMessage({ id: 'medee.history.restored' }) });
      // The edit form holds the draft as it was loaded: load the restored one.
      window.location.reload();
    } catch (error) {
      const message =
        (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
        String(error);
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: 'medee.history.restoreFailed' }, { message }),
      });
      setRestoring(false);
    }
  };

  const date = comparison ? formatDate(comparison.version.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{formatMessage({ id: 'medee.history.compare.title' }, { date })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {!comparison ? (
            <Typography>{formatMessage({ id: 'medee.history.loading' })}</Typography>
          ) : comparison.changes.length === 0 ? (
            <Typography>{formatMessage({ id: 'medee.history.compare.same' })}</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4} data-testid="history-changes">
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: 'medee.history.compare.legend' })}
              </Typography>
              {comparison.changes.map((change) => (
                <Box key={change.field} data-field={change.field}>
                  <Typography variant="sigma" tag="h3">
                    {formatMessage({
                      id: `content-manager.content-types.${model}.${change.field}`,
                      defaultMessage: change.field,
                    })}
                  </Typography>
                  <Parts parts={change.parts} />
                </Box>
              ))}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: 'medee.history.restore.note' })}
          </Typography>
          <Flex gap={2}>
            <Button variant="tertiary" onClick={onClose}>
              {formatMessage({ id: 'medee.history.close' })}
            </Button>
            <Button onClick={restore} loading={restoring} disabled={!comparison || comparison.changes.length === 0}>
              {formatMessage({ id: 'medee.history.restore' })}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

function PanelContent({
  model,
  documentId,
  locale,
  updatedAt,
}: {
  model: string;
  documentId: string;
  locale: string;
  updatedAt?: string;
}) {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [versions, setVersions] = React.useState<VersionSummary[] | 'forbidden' | undefined>(undefined);
  const [shown, setShown] = React.useState(PAGE);
  const [comparing, setComparing] = React.useState<number | null>(null);
  const close = React.useCallback(() => setComparing(null), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a save changes updatedAt and adds a version
  React.useEffect(() => {
    get<VersionList>(`/history/documents/${model}/${documentId}?locale=${encodeURIComponent(locale)}`)
      .then(({ data }) => setVersions(data.versions))
      .catch(() => setVersions('forbidden'));
  }, [get, model, documentId, locale, updatedAt]);

  if (versions === undefined)
    return <Typography variant="pi">{formatMessage({ id: 'medee.history.loading' })}</Typography>;
  if (versions === 'forbidden')
    return <Typography variant="pi">{formatMessage({ id: 'medee.history.forbidden' })}</Typography>;
  if (versions.length === 0) return <Typography variant="pi">{formatMessage({ id: 'medee.history.none' })}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="history-versions">
      {versions.slice(0, shown).map((version) => (
        <Flex key={version.id} justifyContent="space-between" gap={2} data-version={version.id}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Badge variant={ACTION_BADGES[version.action]}>
              {formatMessage({ id: `medee.history.action.${version.action}` })}
            </Badge>
            <Typography variant="pi" textColor="neutral600">
              {formatDate(version.createdAt, { dateStyle: 'short', timeStyle: 'short' })} ·{' '}
              {version.userName ?? formatMessage({ id: 'medee.history.system' })}
            </Typography>
          </Flex>
          <Button size="S" variant="tertiary" onClick={() => setComparing(version.id)}>
            {formatMessage({ id: 'medee.history.compare' })}
          </Button>
        </Flex>
      ))}
      {versions.length > shown && (
        <Button size="S" variant="ghost" onClick={() => setShown(shown + PAGE)}>
          {formatMessage({ id: 'medee.history.older' })}
        </Button>
      )}
      {comparing !== null && <CompareModal model={model} id={comparing} onClose={close} />}
    </Flex>
  );
}

/** Edit-view side panel: this locale variant's versions, each compared with the draft and restorable. */
// Strapi calls panel components inside its renderer, so they may use hooks.
export const HistoryPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const id = document?.documentId ?? documentId;
  const locale = document?.locale as string | undefined;
  if (!id || !locale || !HISTORY_TYPES.includes(model)) return null;
  return {
    title: formatMessage({ id: 'medee.history.title' }),
    content: (
      <PanelContent
        model={model}
        documentId={id}
        locale={locale}
        updatedAt={document?.updatedAt as string | undefined}
      />
    ),
  };
};
