import { DeleteOutlined, EditOutlined, LineChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Tag, type TableProps } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regulationNumber } from '../../../utils/chineseNumerals';
import { indicatorPath, type PlanIndicatorDraft } from '../utils/planDraft';
import { insertIndicator } from '../utils/planIndicators';
import { AddIndicatorDialog } from './AddIndicatorDialog';
import { FieldProblems } from './FieldProblems';
import { MeasureIndicatorDialog } from './MeasureIndicatorDialog';
import { NumberField } from './NumberField';

const DEFAULT_PAGE_SIZE = 20;

export interface PlanIndicatorsTableProps {
  indicators: PlanIndicatorDraft[];
  editing: boolean;
  onChange: (indicators: PlanIndicatorDraft[]) => void;
  /** The cycle's regulation version: the duties a new indicator may cover. */
  regulationVersionId: string;
  /** The problems of a field (see PlanFieldPath), shown next to it. */
  problemsAt: (path: string) => readonly string[];
  /** The plan's chapters (a measured indicator is placed in one of them). */
  chapters?: readonly number[];
}

/** The indicators (指标) of a plan; while editing, their names and weights, added and removed. */
export function PlanIndicatorsTable({
  indicators,
  editing,
  onChange,
  regulationVersionId,
  problemsAt,
  chapters = [],
}: PlanIndicatorsTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const problemsId = useId();
  const [adding, setAdding] = useState(false);
  // The measured indicator being edited ('new' to add one).
  const [measuring, setMeasuring] = useState<PlanIndicatorDraft | 'new'>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const update = (id: string, patch: Partial<PlanIndicatorDraft>) =>
    onChange(indicators.map((x) => (x.id === id ? { ...x, ...patch } : x)));

  const add = (indicator: PlanIndicatorDraft) => {
    const next = insertIndicator(indicators, indicator);
    onChange(next.indicators);
    // Show the page the new indicator is on.
    setPage(Math.floor(next.index / pageSize) + 1);
    setAdding(false);
  };

  const saveMeasure = (indicator: PlanIndicatorDraft) => {
    if (indicators.some((x) => x.id === indicator.id)) {
      onChange(indicators.map((x) => (x.id === indicator.id ? indicator : x)));
    } else {
      add(indicator);
    }
    setMeasuring(undefined);
  };
  const measureSummary = (ind: PlanIndicatorDraft) =>
    ind.measure
      ? t('assessment.measure.summary', {
          scoring: t(`assessment.measure.scoring.${ind.measure.scoring as 'linear'}`),
          direction: t(`assessment.measure.direction.${ind.measure.direction as 'higher'}`),
          unit: ind.measure.unitOfMeasure,
        })
      : '';

  const columns: TableProps<PlanIndicatorDraft>['columns'] = [
    {
      key: 'name',
      title: t('assessment.plan.indicatorColumns.name'),
      render: (_, ind, index) => {
        const problems = problemsAt(indicatorPath(ind.id, 'name'));
        if (!editing) return ind.name;
        const n = (page - 1) * pageSize + index + 1;
        return (
          <div>
            <Input
              aria-label={t('assessment.plan.indicatorName', { n })}
              aria-describedby={problems.length > 0 ? `${problemsId}-${ind.id}-name` : undefined}
              status={problems.length > 0 ? 'error' : undefined}
              value={ind.name}
              maxLength={200}
              style={{ minWidth: 240 }}
              onChange={(e) => update(ind.id, { name: e.target.value })}
            />
            <FieldProblems id={`${problemsId}-${ind.id}-name`} messages={problems} />
          </div>
        );
      },
    },
    {
      key: 'chapter',
      title: t('assessment.plan.indicatorColumns.chapter'),
      width: 110,
      render: (_, ind) => (
        <>
          {t('assessment.chapter', { n: regulationNumber(ind.chapter, language) })}
          <FieldProblems
            id={`${problemsId}-${ind.id}-chapter`}
            messages={problemsAt(indicatorPath(ind.id, 'chapter'))}
          />
        </>
      ),
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
          problems={problemsAt(indicatorPath(ind.id, 'weight'))}
          onChange={(weight) => update(ind.id, { weight })}
        />
      ),
    },
    {
      key: 'duties',
      title: t('assessment.plan.indicatorColumns.duties'),
      width: 160,
      render: (_, ind) => (
        <>
          {ind.kind === 'measure' ? (
            <Flex vertical gap={2}>
              <Tag color="purple" style={{ alignSelf: 'flex-start' }}>
                {t('assessment.measure.kind.measure')}
              </Tag>
              <span>{measureSummary(ind)}</span>
            </Flex>
          ) : ind.articles.length > 0 ? (
            ind.articles
              .map((n) =>
                t('assessment.plan.wholeArticle', {
                  article: t('assessment.article', { n: regulationNumber(n, language) }),
                }),
              )
              .join(t('assessment.plan.listSeparator'))
          ) : (
            ind.dutyIds.length
          )}
          <FieldProblems
            id={`${problemsId}-${ind.id}-duties`}
            messages={problemsAt(indicatorPath(ind.id, 'duties'))}
          />
        </>
      ),
    },
  ];
  if (editing) {
    columns.push({
      key: 'actions',
      title: t('assessment.plan.indicatorColumns.actions'),
      width: 100,
      render: (_, ind) => (
        <Flex>
          {ind.kind === 'measure' && (
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t('assessment.measure.editOf', { name: ind.name })}
              onClick={() => setMeasuring(ind)}
            />
          )}
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('assessment.plan.removeIndicator', { name: ind.name })}
            onClick={() => onChange(indicators.filter((x) => x.id !== ind.id))}
          />
        </Flex>
      ),
    });
  }

  return (
    <Card
      size="small"
      title={t('assessment.plan.indicators')}
      extra={
        editing && (
          <Flex gap="small">
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('assessment.plan.addIndicator')}
            </Button>
            <Button size="small" icon={<LineChartOutlined />} onClick={() => setMeasuring('new')}>
              {t('assessment.measure.add')}
            </Button>
          </Flex>
        )
      }
    >
      <Table<PlanIndicatorDraft>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={indicators}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          hideOnSinglePage: true,
          showTotal: (count) => t('assessment.plan.indicatorTotal', { count }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
      {editing && (
        <AddIndicatorDialog
          open={adding}
          indicators={indicators}
          regulationVersionId={regulationVersionId}
          onAdd={add}
          onClose={() => setAdding(false)}
        />
      )}
      {editing && measuring !== undefined && (
        <MeasureIndicatorDialog
          open
          indicator={measuring === 'new' ? undefined : measuring}
          indicators={indicators}
          chapters={chapters}
          onSave={saveMeasure}
          onClose={() => setMeasuring(undefined)}
        />
      )}
    </Card>
  );
}
