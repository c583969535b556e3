import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { RANK_LEVELS, type RankLevel, type UnitScore } from '../graphql/types';
import { useAssessmentPlan } from '../hooks/useAssessmentPlan';
import { useAssessmentScores } from '../hooks/useAssessmentScores';
import { rankingXlsxUrl, resultTableUrl } from '../utils/cycles';
import { OfficeDownloads } from '../../../components/OfficeDownloads';
import { formatPoints } from '../utils/format';
import { GradeTag } from './GradeTag';
import { UnitLink } from './UnitLink';

export interface ScoresTabProps {
  cycleId: string;
  defaultLevel: RankLevel;
}

export function ScoresTab({ cycleId, defaultLevel }: ScoresTabProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [level, setLevel] = useState<RankLevel>(defaultLevel);
  const { scores, loaded, loading, error, retry } = useAssessmentScores(cycleId, level);
  const { plan } = useAssessmentPlan(cycleId);
  const points = (n: number) => formatPoints(n, language);

  const columns: TableProps<UnitScore>['columns'] = [
    { key: 'rank', title: t('assessment.scores.columns.rank'), dataIndex: 'rank', width: 72 },
    {
      key: 'unit',
      title: t('assessment.scores.columns.unit'),
      render: (_, s) => (
        <UnitLink code={s.unitCode} cycleId={cycleId}>
          {s.unitName}
        </UnitLink>
      ),
    },
    {
      key: 'score',
      title: t('assessment.scores.columns.score'),
      align: 'right',
      render: (_, s) => <Typography.Text strong>{points(s.score)}</Typography.Text>,
    },
    {
      key: 'grade',
      title: t('assessment.scores.columns.grade'),
      render: (_, s) => <GradeTag grade={s.grade} bands={plan?.bands} />,
    },
    {
      key: 'bonus',
      title: t('assessment.scores.columns.bonus'),
      align: 'right',
      render: (_, s) => `${points(s.bonusApplied)} / ${points(s.bonusRequested)}`,
    },
    {
      key: 'deductions',
      title: t('assessment.scores.columns.deductions'),
      align: 'right',
      render: (_, s) => {
        if (s.deductions.length === 0) {
          return (
            <Typography.Text type="secondary">
              {t('assessment.scores.noDeductions')}
            </Typography.Text>
          );
        }
        const total = s.deductions.reduce((sum, d) => sum + d.points, 0);
        return (
          <Tooltip
            title={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {s.deductions.map((d, i) => (
                  <li key={i}>
                    {d.reason}（−{points(d.points)}）
                  </li>
                ))}
              </ul>
            }
          >
            <Typography.Text type="danger" style={{ cursor: 'help' }}>
              {t('assessment.scores.deductionTotal', { points: points(total) })}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      key: 'state',
      title: t('assessment.scores.columns.state'),
      render: (_, s) =>
        s.frozen ? (
          <Tag color="purple">
            {t('assessment.scores.frozen', { version: s.resultSetVersion ?? '' })}
          </Tag>
        ) : (
          <Tooltip title={t('assessment.scores.liveHint')}>
            <Tag color="processing">{t('assessment.scores.live')}</Tag>
          </Tooltip>
        ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="small">
          <Typography.Text id="assessment-level-label">
            {t('assessment.scores.levelLabel')}
          </Typography.Text>
          <Segmented<RankLevel>
            aria-labelledby="assessment-level-label"
            value={level}
            onChange={setLevel}
            options={RANK_LEVELS.map((l) => ({ value: l, label: t(`assessment.levels.${l}`) }))}
          />
        </Flex>
        <Flex gap="small" wrap>
          <Button icon={<DownloadOutlined />} href={rankingXlsxUrl(cycleId, level)}>
            {t('assessment.scores.export')}
          </Button>
          <OfficeDownloads
            label={t('assessment.scores.resultTable')}
            docxUrl={resultTableUrl(cycleId, level, 'docx')}
            xlsxUrl={resultTableUrl(cycleId, level, 'xlsx')}
          />
        </Flex>
      </Flex>
      {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
      {!loaded && !error ? (
        <PageLoading rows={6} />
      ) : (
        <Table<UnitScore>
          rowKey="unitCode"
          size="middle"
          columns={columns}
          dataSource={scores}
          loading={loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('assessment.scores.empty') }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            hideOnSinglePage: true,
            showTotal: (count) => t('assessment.scores.total', { count }),
          }}
        />
      )}
    </Flex>
  );
}
