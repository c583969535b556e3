import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import {
  AssessmentHistoryImportsDocument,
  AssessmentYearOverYearDocument,
  type AssessmentYearOverYearQuery,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { useFormatters } from '../../overview/hooks/useFormatters';
import { RANK_LEVELS, type RankLevel } from '../graphql/types';
import { HistoryImportDialog } from './HistoryImportDialog';
import { TrendArrow } from './TrendArrow';
import { UnitLink } from './UnitLink';

type Row = AssessmentYearOverYearQuery['assessmentYearOverYear']['rows'][number];
const FILTERS = ['all', 'improvers', 'decliners'] as const;
type Filter = (typeof FILTERS)[number];

const signed = (n: number, format: (v: number) => string) => (n > 0 ? `+${format(n)}` : format(n));

/** Keeps the rows a filter asks for: improvers rose in score, decliners fell. */
export function filterRows(rows: readonly Row[], filter: Filter): Row[] {
  if (filter === 'improvers') return rows.filter((r) => (r.scoreChange ?? 0) > 0);
  if (filter === 'decliners')
    return rows
      .filter((r) => (r.scoreChange ?? 0) < 0)
      .sort((a, b) => a.scoreChange! - b.scoreChange!);
  return [...rows];
}

/**
 * 历年对比 of the province: improvers and decliners (score and rank change against the previous
 * period) for the units in the caller's jurisdiction; provincial supervisors import earlier
 * years' results from a workbook here.
 */
export function YearOverYearTab({ cycleId, canImport }: { cycleId: string; canImport: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [level, setLevel] = useState<RankLevel>('county');
  const [filter, setFilter] = useState<Filter>('all');
  const [importing, setImporting] = useState(false);
  const { data, loading, error, retry } = useAppQuery(AssessmentYearOverYearDocument, {
    cycleId,
    level,
  });
  const imports = useAppQuery(AssessmentHistoryImportsDocument, canImport ? {} : null);
  const table = data?.assessmentYearOverYear;
  const none = t('assessmentHistory.unitCard.noValue');
  const opt = (v: number | null | undefined) =>
    v === null || v === undefined ? none : f.number(v);

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'unit',
      title: t('assessmentHistory.table.unit'),
      render: (_, r) => (
        <UnitLink code={r.unitCode} cycleId={cycleId}>
          {r.unitName}
        </UnitLink>
      ),
    },
    {
      key: 'score',
      title: t('assessmentHistory.table.score'),
      align: 'right',
      render: (_, r) => f.number(r.score),
    },
    {
      key: 'previousScore',
      title: t('assessmentHistory.table.previousScore'),
      align: 'right',
      render: (_, r) => opt(r.previousScore),
    },
    {
      key: 'scoreChange',
      title: t('assessmentHistory.table.scoreChange'),
      align: 'right',
      render: (_, r) => (
        <TrendArrow
          change={r.scoreChange}
          text={r.scoreChange === null ? '' : signed(r.scoreChange, f.number)}
        />
      ),
    },
    {
      key: 'rank',
      title: t('assessmentHistory.table.rank'),
      align: 'right',
      render: (_, r) => f.number(r.rank),
    },
    {
      key: 'previousRank',
      title: t('assessmentHistory.table.previousRank'),
      align: 'right',
      render: (_, r) => opt(r.previousRank),
    },
    {
      key: 'rankChange',
      title: t('assessmentHistory.table.rankChange'),
      align: 'right',
      render: (_, r) => (
        <TrendArrow
          change={r.rankChange}
          text={r.rankChange === null ? '' : signed(r.rankChange, f.number)}
        />
      ),
    },
    {
      key: 'grade',
      title: t('assessmentHistory.table.grade'),
      render: (_, r) => (r.previousGrade ? `${r.previousGrade} → ${r.grade}` : r.grade),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="middle" wrap>
          <Segmented<RankLevel>
            aria-label={t('assessment.scores.levelLabel')}
            value={level}
            onChange={setLevel}
            options={RANK_LEVELS.map((l) => ({ value: l, label: t(`assessment.levels.${l}`) }))}
          />
          <Segmented<Filter>
            aria-label={t('assessmentHistory.table.filter.label')}
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((v) => ({
              value: v,
              label: t(`assessmentHistory.table.filter.${v}`),
            }))}
          />
        </Flex>
        {canImport && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('assessmentHistory.import.open')}
          </Button>
        )}
      </Flex>
      {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
      {!table && !error ? (
        <PageLoading rows={6} />
      ) : table && !table.previous ? (
        <Alert type="info" showIcon title={t('assessmentHistory.table.noPrevious')} />
      ) : table ? (
        <>
          <Typography.Text type="secondary">
            {t('assessmentHistory.table.hint', {
              previous: `${t('assessmentHistory.unitCard.year', { year: table.previous!.year })} · ${t(
                `assessmentHistory.source.${table.previous!.source as 'frozen'}`,
              )}`,
            })}
          </Typography.Text>
          <Table<Row>
            rowKey="unitCode"
            size="middle"
            columns={columns}
            dataSource={filterRows(table.rows, filter)}
            loading={loading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('assessmentHistory.table.empty') }}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
          />
        </>
      ) : null}
      {canImport && (imports.data?.assessmentHistoryImports.length ?? 0) > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('assessmentHistory.import.imported')}</Typography.Text>
          {imports.data!.assessmentHistoryImports.map((i) => (
            <Typography.Text key={i.id} type="secondary">
              {t('assessmentHistory.import.importedItem', {
                year: i.year,
                file: i.sourceFileName,
                user: i.importedBy,
                rows: i.rowCount,
              })}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {importing && (
        <HistoryImportDialog
          onClose={() => setImporting(false)}
          onImported={() => {
            imports.retry();
            retry();
          }}
        />
      )}
    </Flex>
  );
}
