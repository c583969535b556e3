import { Button, Empty, Flex, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { AssessmentObjectionFieldsFragment } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useObjections, usePublication } from '../hooks/useObjections';
import { DecideObjectionDialog } from './DecideObjectionDialog';
import { ObjectionStatusTag } from './ObjectionStatusTag';
import { PublishResultsDialog } from './PublishResultsDialog';
import { UnitLink } from './UnitLink';

/**
 * 异议处理: the cycle's publication and the objections in the caller's jurisdiction; provincial
 * supervisors publish (again) and decide each objection while the cycle is open.
 */
export function ObjectionsTab({
  cycleId,
  canManage,
}: {
  cycleId: string;
  /** A provincial supervisor on an open cycle. */
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [pendingOnly, setPendingOnly] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [deciding, setDeciding] = useState<AssessmentObjectionFieldsFragment | null>(null);
  const publication = usePublication(cycleId);
  const objections = useObjections(cycleId, { pendingOnly });
  const pub = publication.data?.assessmentPublication;
  const error = publication.error ?? objections.error;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text type="secondary">
          {pub
            ? t('assessmentObjections.tab.summary', {
                version: pub.version,
                units: pub.units,
                closes: formatDateTime(pub.objectionClosesAt, language),
              })
            : publication.data && t('assessmentObjections.tab.notPublished')}
        </Typography.Text>
        <Flex align="center" gap="middle">
          <Flex align="center" gap="small">
            <Switch size="small" checked={pendingOnly} onChange={setPendingOnly} />
            <Typography.Text>{t('assessmentObjections.tab.pendingOnly')}</Typography.Text>
          </Flex>
          {canManage && (
            <Button type="primary" onClick={() => setPublishing(true)}>
              {t(pub ? 'assessmentObjections.tab.republish' : 'assessmentObjections.tab.publish')}
            </Button>
          )}
        </Flex>
      </Flex>
      {error && <QueryErrorAlert error={error} onRetry={objections.retry} />}
      <Table
        size="small"
        rowKey="id"
        loading={objections.loading && !objections.data}
        dataSource={objections.data?.assessmentObjections ?? []}
        locale={{ emptyText: <Empty description={t('assessmentObjections.tab.none')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('assessmentObjections.columns.unit'),
            render: (_, o) => (
              <UnitLink code={o.unitCode} cycleId={cycleId}>
                {o.unitName}
              </UnitLink>
            ),
          },
          { title: t('assessmentObjections.columns.indicator'), dataIndex: 'indicatorName' },
          { title: t('assessmentObjections.columns.reason'), dataIndex: 'reason' },
          {
            title: t('assessmentObjections.columns.evidence'),
            render: (_, o) =>
              o.evidenceIds.length
                ? t('assessmentObjections.columns.evidenceCount', { count: o.evidenceIds.length })
                : '—',
          },
          {
            title: t('assessmentObjections.columns.filed'),
            render: (_, o) => formatDateTime(o.filedAt, language),
          },
          {
            title: t('assessmentObjections.columns.status'),
            render: (_, o) => (
              <Flex vertical gap={2}>
                <ObjectionStatusTag decision={o.decision} scoreChange={o.scoreChange} />
                {o.decisionReason && (
                  <Typography.Text type="secondary">{o.decisionReason}</Typography.Text>
                )}
              </Flex>
            ),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  render: (_: unknown, o: AssessmentObjectionFieldsFragment) =>
                    !o.decision && (
                      <Button size="small" onClick={() => setDeciding(o)}>
                        {t('assessmentObjections.tab.decide')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {publishing && (
        <PublishResultsDialog cycleId={cycleId} onClose={() => setPublishing(false)} />
      )}
      {deciding && <DecideObjectionDialog objection={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}
