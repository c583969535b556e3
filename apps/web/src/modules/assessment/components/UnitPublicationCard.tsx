import { Button, Card, Descriptions, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { useObjections, usePublication } from '../hooks/useObjections';
import { formatPoints } from '../utils/format';
import { FileObjectionDialog } from './FileObjectionDialog';
import { GradeTag } from './GradeTag';
import { ObjectionStatusTag } from './ObjectionStatusTag';

/**
 * 公示结果 on a unit's page: the unit's published provisional result (score, grade, rank, each
 * indicator), the objection window, the unit's objections with their decisions, and — for the
 * unit's own operators while the window is open — 提出异议.
 */
export function UnitPublicationCard({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const publication = usePublication(cycleId);
  const objections = useObjections(cycleId, { unitCode });
  const [filing, setFiling] = useState(false);

  const pub = publication.data?.assessmentPublication;
  const result = pub?.results.find((r) => r.unitCode === unitCode);
  const mayObject =
    user.role === 'COUNTY_OPERATOR' &&
    user.unit?.code === unitCode &&
    !!pub?.windowOpen &&
    !!result;

  let body;
  if (publication.error && !publication.loading) {
    body = <QueryErrorAlert error={publication.error} onRetry={publication.retry} />;
  } else if (!publication.data) {
    body = null;
  } else if (!pub) {
    body = <Empty description={t('assessmentObjections.card.none')} />;
  } else if (!result) {
    body = <Empty description={t('assessmentObjections.card.noResult')} />;
  } else {
    const own = objections.data?.assessmentObjections ?? [];
    body = (
      <Flex vertical gap="middle">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('assessmentObjections.card.score')}>
            {formatPoints(result.score, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessmentObjections.card.grade')}>
            <GradeTag grade={result.grade} />
          </Descriptions.Item>
          <Descriptions.Item label={t('assessmentObjections.card.rank')}>
            {t('assessmentObjections.card.rankValue', { rank: result.rank })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessmentObjections.card.publishedAt')}>
            {formatDateTime(pub.publishedAt, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessmentObjections.card.closesAt')}>
            {formatDateTime(pub.objectionClosesAt, language)}{' '}
            <Tag color={pub.windowOpen ? 'blue' : 'default'}>
              {t(
                pub.windowOpen
                  ? 'assessmentObjections.card.windowOpen'
                  : 'assessmentObjections.card.windowClosed',
              )}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={result.indicators}
          columns={[
            { title: t('assessmentObjections.card.indicator'), dataIndex: 'name' },
            {
              title: t('assessmentObjections.card.earned'),
              align: 'right',
              render: (_, i) => formatPoints(i.earned, language),
            },
            {
              title: t('assessmentObjections.card.marks'),
              align: 'right',
              render: (_, i) => formatPoints(i.marks, language),
            },
          ]}
        />
        {own.length > 0 && (
          <List
            size="small"
            header={
              <Typography.Text strong>
                {t('assessmentObjections.card.myObjections')}
              </Typography.Text>
            }
            dataSource={own}
            renderItem={(o) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap="small" wrap>
                    <Typography.Text strong>{o.indicatorName}</Typography.Text>
                    <ObjectionStatusTag decision={o.decision} scoreChange={o.scoreChange} />
                  </Flex>
                  <Typography.Text>{o.reason}</Typography.Text>
                  {o.decisionReason && (
                    <Typography.Text type="secondary">
                      {t('assessmentObjections.columns.decisionReason')}：{o.decisionReason}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
    );
  }

  return (
    <Card
      size="small"
      title={
        pub
          ? `${t('assessmentObjections.card.title')} · ${t('assessmentObjections.card.version', { version: pub.version })}`
          : t('assessmentObjections.card.title')
      }
      extra={
        mayObject && (
          <Button type="primary" size="small" onClick={() => setFiling(true)}>
            {t('assessmentObjections.card.object')}
          </Button>
        )
      }
    >
      {body}
      {filing && result && (
        <FileObjectionDialog cycleId={cycleId} result={result} onClose={() => setFiling(false)} />
      )}
    </Card>
  );
}
