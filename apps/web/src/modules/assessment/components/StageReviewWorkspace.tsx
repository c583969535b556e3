import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { StageAssessmentUnitsQuery } from '../../../graphql/generated/graphql';
import { useCycles } from '../../../hooks/useCycles';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { usePrefectures, useStageUnits } from '../hooks/useStageAssessment';
import { StageSchedule } from './StageSchedule';
import { StageUnitReview, type ReviewerLevel } from './StageUnitReview';

type UnitRow = StageAssessmentUnitsQuery['stageAssessmentUnits'][number];
type Status = 'draft' | 'submitted' | 'returned';
/** The state filter: a self-assessment status, or submitted late. */
type StateFilter = Status | 'late';
const STATUS_COLOUR: Record<Status, string | undefined> = {
  draft: undefined,
  submitted: 'blue',
  returned: 'orange',
};
/** The prefecture filter's value for units directly under the province. */
const DIRECT = 'direct';

// What differs between the two review pages (texts under `assessmentStages`).
const LEVELS = {
  prefecture: { path: '/preliminary-review', texts: 'review' },
  province: { path: '/provincial-review', texts: 'provincial' },
} as const;

/**
 * A review page of the staged assessment: the units to review with their self-assessment state,
 * late flag and staged score, and the chosen unit's review. For a prefecture supervisor
 * (考核初审) the units directly under the prefecture; for a provincial supervisor (省级复核)
 * every unit of the province, filtered by prefecture, state and a search, with the stage
 * schedule to edit.
 */
export function StageReviewWorkspace({ level }: { level: ReviewerLevel }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const search = useLocationSearch();
  const { cycles, cycle, loaded, error: cyclesError, retry } = useCycles(search.get('cycleId'));
  const unitCode = search.get('unitCode') ?? undefined;
  const units = useStageUnits(cycle?.id);
  const { prefectures, provinceCodes } = usePrefectures();
  const [prefecture, setPrefecture] = useState<string>();
  const [state, setState] = useState<StateFilter>();
  const [text, setText] = useState('');
  const { path, texts } = LEVELS[level];
  const province = level === 'province';

  const prefectureOf = useMemo(() => {
    const names = new Map(prefectures.map((p) => [p.code, p.name]));
    return (u: UnitRow) => {
      if (names.has(u.unitCode)) return { code: u.unitCode, name: names.get(u.unitCode)! };
      if (u.parentCode && names.has(u.parentCode)) {
        return { code: u.parentCode, name: names.get(u.parentCode)! };
      }
      return u.parentCode && provinceCodes.has(u.parentCode)
        ? { code: DIRECT, name: t('assessmentStages.provincial.direct') }
        : null;
    };
  }, [prefectures, provinceCodes, t]);

  const rows = useMemo(() => {
    const all = units.data?.stageAssessmentUnits ?? [];
    // A prefecture supervisor reviews the units directly under the prefecture.
    if (!province) return all.filter((u) => !user.unit || u.parentCode === user.unit.code);
    const needle = text.trim().toLowerCase();
    return all.filter(
      (u) =>
        (!prefecture || prefectureOf(u)?.code === prefecture) &&
        (!state || (state === 'late' ? u.submittedAt !== null && u.late : u.status === state)) &&
        (!needle ||
          u.unitName.toLowerCase().includes(needle) ||
          u.unitCode.toLowerCase().includes(needle)),
    );
  }, [units.data, province, user.unit, prefecture, state, text, prefectureOf]);

  const go = (next: { cycleId?: string; unitCode?: string }) => {
    const params = new URLSearchParams();
    const id = next.cycleId ?? cycle?.id;
    if (id) params.set('cycleId', id);
    if (next.unitCode) params.set('unitCode', next.unitCode);
    navigate(`${path}?${params.toString()}`);
  };

  const columns: TableProps<UnitRow>['columns'] = [
    { key: 'unit', title: t('assessmentStages.columns.unit'), dataIndex: 'unitName' },
    ...(province
      ? [
          {
            key: 'prefecture',
            title: t('assessmentStages.columns.prefecture'),
            render: (_: unknown, u: UnitRow) => prefectureOf(u)?.name ?? '—',
          },
        ]
      : []),
    {
      key: 'status',
      title: t('assessmentStages.columns.status'),
      render: (_, u) => (
        <Flex gap={4}>
          <Tag color={STATUS_COLOUR[u.status as Status]}>
            {t(`assessmentStages.status.${u.status as Status}`)}
          </Tag>
          {u.submittedAt && u.late && <Tag color="red">{t('assessmentStages.self.late')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'submittedAt',
      title: t('assessmentStages.columns.submittedAt'),
      render: (_, u) => (u.submittedAt ? formatDateTime(u.submittedAt, language) : '—'),
    },
    { key: 'score', title: t('assessmentStages.columns.finalScore'), dataIndex: 'finalScore' },
    {
      key: 'open',
      title: t('assessmentStages.columns.actions'),
      render: (_, u) => (
        <Button
          size="small"
          type={u.unitCode === unitCode ? 'primary' : 'default'}
          aria-label={`${t(`assessmentStages.${texts}.open`)} ${u.unitName}`}
          onClick={() => go({ unitCode: u.unitCode })}
        >
          {t(`assessmentStages.${texts}.open`)}
        </Button>
      ),
    },
  ];

  const filters = province && (
    <Flex gap={8} wrap>
      <Select<string>
        allowClear
        aria-label={t('assessmentStages.provincial.prefectureFilter')}
        placeholder={t('assessmentStages.provincial.prefectureFilter')}
        value={prefecture}
        onChange={setPrefecture}
        style={{ minWidth: 180 }}
        options={[
          ...prefectures.map((p) => ({ value: p.code, label: p.name })),
          { value: DIRECT, label: t('assessmentStages.provincial.direct') },
        ]}
      />
      <Select<StateFilter>
        allowClear
        aria-label={t('assessmentStages.provincial.stateFilter')}
        placeholder={t('assessmentStages.provincial.stateFilter')}
        value={state}
        onChange={setState}
        style={{ minWidth: 160 }}
        options={(['draft', 'submitted', 'returned', 'late'] as const).map((s) => ({
          value: s,
          label: s === 'late' ? t('assessmentStages.self.late') : t(`assessmentStages.status.${s}`),
        }))}
      />
      <Input.Search
        allowClear
        aria-label={t('assessmentStages.provincial.search')}
        placeholder={t('assessmentStages.provincial.search')}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 220 }}
      />
    </Flex>
  );

  let body;
  if (cyclesError) body = <QueryErrorAlert error={cyclesError} onRetry={retry} />;
  else if (!loaded) body = <PageLoading rows={6} />;
  else if (!cycle) body = <Empty description={t('assessment.cycle.none')} />;
  else if (units.error) body = <QueryErrorAlert error={units.error} onRetry={units.retry} />;
  else {
    body = (
      <Flex vertical gap={12}>
        <StageSchedule cycleId={cycle.id} editable={province} />
        <Card size="small" title={t(`assessmentStages.${texts}.unitsTitle`)} extra={filters}>
          <Table<UnitRow>
            rowKey="unitCode"
            size="small"
            loading={!units.data}
            columns={columns}
            dataSource={rows}
            pagination={province ? { pageSize: 20, hideOnSinglePage: true } : false}
            locale={{ emptyText: t(`assessmentStages.${texts}.empty`) }}
            scroll={{ x: 'max-content' }}
          />
        </Card>
        {unitCode ? (
          <StageUnitReview
            key={`${cycle.id}-${unitCode}`}
            cycleId={cycle.id}
            unitCode={unitCode}
            level={level}
          />
        ) : (
          rows.length > 0 && (
            <Typography.Text type="secondary">
              {t('assessmentStages.review.chooseUnit')}
            </Typography.Text>
          )
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(`assessmentStages.${texts}.title`)}
        </Typography.Title>
        {cycles.length > 0 && (
          <CycleSelect
            cycles={cycles}
            value={cycle?.id}
            onChange={(id) => id && go({ cycleId: id })}
            style={{ minWidth: 240 }}
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(`assessmentStages.${texts}.intro`)}
      </Typography.Paragraph>
      {body}
    </Flex>
  );
}
