import { Button, Empty, Flex, Select, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ArticleChange, RegulationVersionSummary } from '../graphql/types';
import { useVersionDiff } from '../hooks/useRegisterData';
import { regulationNumber } from '../../../utils/chineseNumerals';
import { formatRate } from '../../../utils/format';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { ArticleRedline } from './ArticleRedline';
import { DutyMappingReview } from './DutyMappingReview';

const KIND_COLORS: Record<string, string> = {
  ADDED: 'green',
  REMOVED: 'red',
  CHANGED: 'orange',
  MERGED: 'purple',
  SPLIT: 'magenta',
  RENUMBERED: 'blue',
  UNCHANGED: 'default',
};

/** Changes whose wording differs from their source(s): they have a redline to show. */
const REWORDED = new Set(['CHANGED', 'MERGED', 'SPLIT']);

const sourcesOf = (c: ArticleChange): number[] =>
  c.sources?.length ? c.sources : c.from !== null ? [c.from] : [];

export interface VersionDiffPanelProps {
  versions: RegulationVersionSummary[];
  defaultVersionId: string | undefined;
}

/** What changed, article by article, from the previous version to the chosen one. */
export function VersionDiffPanel({ versions, defaultVersionId }: VersionDiffPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const [versionId, setVersionId] = useState(defaultVersionId);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const chosen = versions.find((v) => v.id === versionId);
  const isFirst = !!chosen && versions.every((v) => v.versionNumber >= chosen.versionNumber);
  const isLatest = !!chosen && versions.every((v) => v.versionNumber <= chosen.versionNumber);
  const { diff, loading, error, retry } = useVersionDiff(isFirst ? undefined : versionId);
  const articleLabel = (n: number | null) =>
    n === null ? '—' : t('register.article', { n: regulationNumber(n, language) });

  const counts = useMemo(() => {
    const c = { ADDED: 0, REMOVED: 0, CHANGED: 0, MERGED: 0, SPLIT: 0, RENUMBERED: 0 } as Record<
      string,
      number
    >;
    for (const change of diff?.changes ?? []) if (change.kind in c) c[change.kind] += 1;
    return c;
  }, [diff]);
  const rows = (diff?.changes ?? []).filter((c) => showUnchanged || c.kind !== 'UNCHANGED');

  const columns: TableProps<ArticleChange>['columns'] = [
    {
      key: 'kind',
      title: t('register.diff.columns.kind'),
      render: (_, c) => <Tag color={KIND_COLORS[c.kind]}>{t(`register.diff.kinds.${c.kind}`)}</Tag>,
    },
    {
      key: 'from',
      title: t('register.diff.columns.sources'),
      render: (_, c) => {
        const sources = sourcesOf(c);
        return sources.length ? sources.map((n) => articleLabel(n)).join('、') : '—';
      },
    },
    { key: 'to', title: t('register.diff.columns.to'), render: (_, c) => articleLabel(c.to) },
    {
      key: 'similarity',
      title: t('register.diff.columns.similarity'),
      align: 'right',
      render: (_, c) =>
        REWORDED.has(c.kind) && c.similarity !== null ? formatRate(c.similarity, language) : '—',
    },
    { key: 'title', title: t('register.diff.columns.title'), render: (_, c) => c.title ?? '—' },
  ];

  let body;
  if (isFirst) body = <Empty description={t('register.diff.first')} />;
  else if (error && !loading) body = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!diff) body = <PageLoading rows={5} />;
  else
    body = (
      <Flex vertical gap="small">
        <Typography.Text>
          {t('register.diff.against', {
            from: diff.from.versionNumber,
            to: diff.to.versionNumber,
          })}
          {'　'}
          <Typography.Text type="secondary">
            {t('register.diff.summary', {
              added: counts.ADDED,
              removed: counts.REMOVED,
              changed: counts.CHANGED,
              merged: counts.MERGED,
              split: counts.SPLIT,
              renumbered: counts.RENUMBERED,
            })}
          </Typography.Text>
        </Typography.Text>
        <Table<ArticleChange>
          rowKey={(c) => `${c.kind}:${c.from ?? ''}:${c.to ?? ''}`}
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('register.diff.none') }}
          expandable={{
            rowExpandable: (c) => REWORDED.has(c.kind) && c.to !== null,
            expandedRowRender: (c) => (
              <ArticleRedline versionId={diff.to.id} from={sourcesOf(c)} to={c.to ?? 0} />
            ),
            expandIcon: ({ expanded, onExpand, record, expandable }) =>
              expandable ? (
                <Button
                  size="small"
                  type="link"
                  aria-expanded={expanded}
                  onClick={(event) => onExpand(record, event)}
                >
                  {t('register.diff.redline.show')}
                </Button>
              ) : null,
          }}
        />
        <DutyMappingReview
          versionId={diff.to.id}
          canDecide={user.role === 'PROVINCIAL_SUPERVISOR'}
          readOnly={!isLatest}
        />
      </Flex>
    );

  return (
    <Flex vertical gap="middle">
      <Flex align="center" gap="middle" wrap>
        <Flex align="center" gap="small">
          <Typography.Text>{t('register.diff.version')}</Typography.Text>
          <Select
            aria-label={t('register.diff.version')}
            style={{ minWidth: 220 }}
            value={versionId}
            onChange={setVersionId}
            options={versions.map((v) => ({
              value: v.id,
              label: t('register.version.option', {
                number: v.versionNumber,
                status: t(`register.version.status.${v.status}`),
              }),
            }))}
          />
        </Flex>
        <Flex align="center" gap="small">
          <Switch
            size="small"
            checked={showUnchanged}
            onChange={setShowUnchanged}
            aria-label={t('register.diff.showUnchanged')}
          />
          <Typography.Text>{t('register.diff.showUnchanged')}</Typography.Text>
        </Flex>
      </Flex>
      {body}
    </Flex>
  );
}
