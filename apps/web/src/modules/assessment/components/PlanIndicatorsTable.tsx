import { Card, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { regulationNumber } from '../../../utils/chineseNumerals';
import type { PlanDraft } from '../utils/planDraft';
import { NumberField } from './NumberField';

type Indicator = PlanDraft['indicators'][number];

export interface PlanIndicatorsTableProps {
  indicators: Indicator[];
  editing: boolean;
  onChange: (indicators: Indicator[]) => void;
}

export function PlanIndicatorsTable({ indicators, editing, onChange }: PlanIndicatorsTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columns: TableProps<Indicator>['columns'] = [
    { key: 'name', title: t('assessment.plan.indicatorColumns.name'), dataIndex: 'name' },
    {
      key: 'chapter',
      title: t('assessment.plan.indicatorColumns.chapter'),
      width: 110,
      render: (_, ind) => t('assessment.chapter', { n: regulationNumber(ind.chapter, language) }),
    },
    {
      key: 'weight',
      title: t('assessment.plan.indicatorColumns.weight'),
      width: 140,
      render: (_, ind) => (
        <NumberField
          label={`${ind.name} ${t('assessment.plan.indicatorColumns.weight')}`}
          value={ind.weight}
          editing={editing}
          min={0}
          width={100}
          onChange={(weight) =>
            onChange(indicators.map((x) => (x.id === ind.id ? { ...x, weight } : x)))
          }
        />
      ),
    },
    {
      key: 'duties',
      title: t('assessment.plan.indicatorColumns.duties'),
      width: 120,
      align: 'right',
      render: (_, ind) => ind.dutyIds.length,
    },
  ];
  return (
    <Card size="small" title={t('assessment.plan.indicators')}>
      <Table<Indicator>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={indicators}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          hideOnSinglePage: true,
          showTotal: (count) => t('assessment.plan.indicatorTotal', { count }),
        }}
      />
    </Card>
  );
}
