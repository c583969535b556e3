import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitScore } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { unitPath } from '../utils/links';
import { AppLink } from './AppLink';

const GRADE_COLORS: Record<string, string> = {
  优秀: 'success',
  良好: 'processing',
  合格: 'default',
  不合格: 'error',
};

export interface RankingTableProps {
  scores: readonly UnitScore[];
  cycleId: string;
}

/** Assessment scores by rank; each unit leads to its unit page. */
export function RankingTable({ scores, cycleId }: RankingTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const columns: TableColumnsType<UnitScore> = [
    {
      key: 'rank',
      title: t('overview.ranking.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
    },
    {
      key: 'unit',
      title: t('overview.ranking.unit'),
      render: (_, s) => <AppLink to={unitPath(s.unitCode, cycleId)}>{s.unitName}</AppLink>,
    },
    {
      key: 'score',
      title: t('overview.ranking.score'),
      align: 'right',
      render: (_, s) => f.number(s.score),
    },
    {
      key: 'grade',
      title: t('overview.ranking.grade'),
      render: (_, s) => <Tag color={GRADE_COLORS[s.grade] ?? 'default'}>{s.grade}</Tag>,
    },
  ];
  return (
    <Table<UnitScore>
      size="small"
      rowKey="unitCode"
      columns={columns}
      dataSource={scores as UnitScore[]}
      pagination={false}
      scroll={{ y: 360 }}
    />
  );
}
