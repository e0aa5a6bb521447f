import * as React from 'react';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
// Type-only and dependency-free server modules: the screen applies the same rules as the server.
import { occurrences, type TermMatch } from '../../translation/glossary';
import { untagged } from '../../translation/tagged';
import type { Workbench, WorkbenchSegment } from '../../translation/workbench';
import { editViewPath } from './api';

type Loaded = Workbench & { mayWrite: boolean };
type SaveProblem = { unit: string; segment?: string; problem: string };

/** Glossary findings for one target: approved translations missing, forbidden variants used. */
function glossaryWarnings(terms: readonly TermMatch[], target: string) {
  const text = untagged(target);
  if (text.trim() === '') return [];
  const warnings: Array<{ kind: 'missing' | 'forbidden'; term: TermMatch; variant?: string }> = [];
  for (const term of terms) {
    const approved = term.target ? occurrences(text, term.target) : [];
    if (term.target && approved.length === 0) warnings.push({ kind: 'missing', term });
    for (const variant of term.forbidden) {
      const used = occurrences(text, variant).some(
        (hit) => !approved.some((ok) => ok.start <= hit.start && hit.end <= ok.end),
      );
      if (used) warnings.push({ kind: 'forbidden', term, variant });
    }
  }
  return warnings;
}

/** The source text with its glossary terms marked; each mark's title gives the approved translation. */
function SourceText({ segment }: { segment: WorkbenchSegment }) {
  const text = untagged(segment.source);
  const plain = segment.terms.length === 0 || text.length !== segment.source.length ? null : text;
  // Term offsets are in the plain text; a segment with tags shows its terms in the list below instead.
  if (plain === null) return <Typography>{segment.source}</Typography>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const term of segment.terms) {
    if (term.start > at) parts.push(plain.slice(at, term.start));
    parts.push(
      <mark key={term.start} data-term={term.source} title={term.target} style={{ background: '#fdf4dc' }}>
        {plain.slice(term.start, term.end)}
      </mark>,
    );
    at = term.end;
  }
  parts.push(plain.slice(at));
  return <Typography>{parts}</Typography>;
}

function SegmentRow({
  segment,
  value,
  onChange,
  readOnly,
  problems,
}: {
  segment: WorkbenchSegment;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  problems: string[];
}) {
  const { formatMessage } = useIntl();
  const warnings = glossaryWarnings(segment.terms, value);
  const label = `${segment.unit} · ${segment.segment}`;
  return (
    <Box
      padding={4}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      data-segment={`${segment.unit}/${segment.segment}`}
      data-review={segment.review ? 'yes' : 'no'}
    >
      <Flex gap={2} paddingBottom={2}>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        {segment.review && <Badge variant="warning">{formatMessage({ id: 'medee.translate.review' })}</Badge>}
        {segment.change === 'added' && (
          <Badge variant="secondary">{formatMessage({ id: 'medee.translate.new' })}</Badge>
        )}
        {segment.prefilled && <Badge variant="success">{formatMessage({ id: 'medee.translate.prefilled' })}</Badge>}
      </Flex>
      <Flex gap={4} alignItems="flex-start">
        <Box flex="1" minWidth={0}>
          <SourceText segment={segment} />
          {segment.parts && (
            <Box paddingTop={2} data-diff>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: 'medee.translate.changed' })}{' '}
              </Typography>
              <Typography variant="pi">
                {segment.parts.map((part, i) =>
                  part.added ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the diff's parts have no identity but their order
                    <ins key={i} style={{ background: '#c6f0c2' }}>
                      {part.text}
                    </ins>
                  ) : part.removed ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as above
                    <del key={i} style={{ background: '#f5c0b8' }}>
                      {part.text}
                    </del>
                  ) : (
                    part.text
                  ),
                )}
              </Typography>
            </Box>
          )}
          {segment.terms.map((term) => (
            <Typography key={`${term.start}`} variant="pi" tag="p" data-glossary={term.source}>
              {formatMessage(
                { id: 'medee.translate.term' },
                { source: term.source, target: term.target || '—', note: term.note ?? '' },
              )}
            </Typography>
          ))}
        </Box>
        <Box flex="1" minWidth={0}>
          <Textarea
            aria-label={formatMessage({ id: 'medee.translate.target' }, { segment: label })}
            value={value}
            disabled={readOnly}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
          />
          {warnings.map((warning) => (
            <Typography
              key={`${warning.kind}-${warning.term.start}-${warning.variant ?? ''}`}
              variant="pi"
              tag="p"
              textColor="danger600"
              data-warning={warning.kind}
            >
              {formatMessage(
                { id: `medee.translate.glossary.${warning.kind}` },
                { source: warning.term.source, target: warning.term.target, variant: warning.variant ?? '' },
              )}
            </Typography>
          ))}
          {problems.map((problem) => (
            <Typography key={problem} variant="pi" tag="p" textColor="danger600" data-problem>
              {problem}
            </Typography>
          ))}
          {segment.matches.map((match) => (
            <Flex key={`${match.score}-${match.target}`} gap={2} paddingTop={2} data-match={match.score}>
              <Badge variant={match.score === 100 ? 'success' : 'secondary'}>{`${match.score}%`}</Badge>
              <Box flex="1" minWidth={0}>
                <Typography variant="pi" tag="p" textColor="neutral600">
                  {match.source}
                </Typography>
                <Typography variant="pi" tag="p">
                  {match.target}
                </Typography>
              </Box>
              {!readOnly && (
                <Button size="S" variant="secondary" onClick={() => onChange(match.target)}>
                  {formatMessage({ id: 'medee.translate.accept' })}
                </Button>
              )}
            </Flex>
          ))}
        </Box>
      </Flex>
    </Box>
  );
}

/**
 * Translate: one document's source (left) and target (right) segment by segment, with what
 * changed in the source since the target was confirmed, translation-memory matches and the
 * glossary. Saves the target as a draft in the target locale; never publishes.
 * Route: /admin/translate?contentType=…&documentId=…&locale=<target>.
 */
export default function TranslatePage() {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ contentType?: string; documentId?: string; locale?: string }>();
  const { contentType = '', documentId = '', locale = '' } = query;
  const [data, setData] = React.useState<Loaded | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [targets, setTargets] = React.useState<Record<string, string>>({});
  const [problems, setProblems] = React.useState<SaveProblem[]>([]);
  const [saving, setSaving] = React.useState(false);

  const load = React.useCallback(async () => {
    const params = new URLSearchParams({ contentType, documentId, locale });
    try {
      const { data: loaded } = await get<Loaded>(`/translations/workbench?${params}`);
      setData(loaded);
      setTargets(Object.fromEntries(loaded.segments.map((s) => [`${s.unit}/${s.segment}`, s.target ?? ''])));
    } catch {
      setFailed(true);
    }
  }, [get, contentType, documentId, locale]);
  React.useEffect(() => {
    void load();
  }, [load]);

  if (failed) return <Page.Error />;
  if (!data) return <Page.Loading />;

  const localeName = (code: string) => formatMessage({ id: `medee.locale.${code}`, defaultMessage: code });
  const save = async () => {
    setSaving(true);
    setProblems([]);
    try {
      await put('/translations/workbench', {
        contentType,
        documentId,
        locale,
        segments: data.segments.map((s) => ({
          unit: s.unit,
          segment: s.segment,
          target: targets[`${s.unit}/${s.segment}`] ?? '',
        })),
      });
      toggleNotification({ type: 'success', message: formatMessage({ id: 'medee.translate.saved' }) });
      await load();
    } catch (error) {
      const body = (error as { response?: { data?: { problems?: SaveProblem[] } } }).response?.data;
      setProblems(body?.problems ?? []);
      toggleNotification({ type: 'danger', message: formatMessage({ id: 'medee.translate.save-failed' }) });
    } finally {
      setSaving(false);
    }
  };

  const title = formatMessage(
    { id: 'medee.translate.title' },
    { title: data.title, source: localeName(data.sourceLocale), target: localeName(data.targetLocale) },
  );
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: `medee.translations.status.${data.status}` })}
        navigationAction={
          <Link to={editViewPath(data, data.targetLocale)}>{formatMessage({ id: 'medee.translate.back' })}</Link>
        }
        primaryAction={
          data.mayWrite ? (
            <Button onClick={save} loading={saving}>
              {formatMessage({ id: 'medee.translate.save' })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {!data.mayWrite && (
            <Typography textColor="danger600">
              {formatMessage({ id: 'medee.translate.read-only' }, { locale: localeName(data.targetLocale) })}
            </Typography>
          )}
          {data.status === 'outdated' && !data.diffKnown && (
            <Typography>{formatMessage({ id: 'medee.translate.diff-unknown' })}</Typography>
          )}
          {data.removed.map((removed) => (
            <Typography key={`${removed.unit}/${removed.before}`} variant="pi" data-removed>
              {formatMessage({ id: 'medee.translate.removed' }, { text: removed.beforeText ?? '' })}
            </Typography>
          ))}
          {data.segments.map((segment) => {
            const key = `${segment.unit}/${segment.segment}`;
            return (
              <SegmentRow
                key={key}
                segment={segment}
                value={targets[key] ?? ''}
                readOnly={!data.mayWrite}
                onChange={(value) => setTargets((current) => ({ ...current, [key]: value }))}
                problems={problems
                  .filter((p) => p.unit === segment.unit && (p.segment ?? segment.segment) === segment.segment)
                  .map((p) => p.problem)}
              />
            );
          })}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
