import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type {
  OnsiteItemFieldsFragment,
  OnsiteSampleFieldsFragment,
} from '../../../graphql/generated/graphql';
import { useCycles } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { toAppError } from '../../../graphql/errors';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { DrawOnsiteSampleDialog } from '../components/DrawOnsiteSampleDialog';
import { OnsiteFindingDialog } from '../components/OnsiteFindingDialog';
import {
  useOnsiteActions,
  useOnsiteSample,
  useOnsiteSamples,
} from '../hooks/useOnsiteVerification';

type Status = 'open' | 'superseded' | 'closed';
const STATUS_COLOUR: Record<Status, string> = {
  open: 'blue',
  superseded: 'default',
  closed: 'green',
};

/**
 * 实地核查: the provincial supervisor draws the cycle's sample (seeded, recorded; a redraw keeps
 * the old version) and closes the verification; supervisors record a finding on each sampled
 * task of their jurisdiction; auditors read. Closing deducts the configured points per
 * discrepancy from the unit's score.
 */
export function OnsiteVerificationPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const { cycles, cycle, loaded, error: cyclesError, retry } = useCycles(search.get('cycleId'));
  const samples = useOnsiteSamples(cycle?.id);
  const versions = samples.data?.onsiteSamples ?? [];
  const sampleId = search.get('sampleId') ?? versions[0]?.id;
  const [drawing, setDrawing] = useState(false);
  const provincial = user.role === 'PROVINCIAL_SUPERVISOR';
  const latest = versions[0];

  const go = (next: { cycleId?: string; sampleId?: string }) => {
    const params = new URLSearchParams();
    const id = next.cycleId ?? cycle?.id;
    if (id) params.set('cycleId', id);
    if (next.sampleId) params.set('sampleId', next.sampleId);
    navigate(`/onsite-verification?${params.toString()}`);
  };

  let body;
  if (cyclesError) body = <QueryErrorAlert error={cyclesError} onRetry={retry} />;
  else if (!loaded) body = <PageLoading rows={6} />;
  else if (!cycle) body = <Empty description={t('assessment.cycle.none')} />;
  else if (samples.error) body = <QueryErrorAlert error={samples.error} onRetry={samples.retry} />;
  else if (!samples.data) body = <PageLoading rows={6} />;
  else {
    body = (
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          {versions.length > 0 && (
            <Select
              aria-label={t('assessmentOnsite.versions')}
              style={{ minWidth: 280 }}
              value={sampleId}
              onChange={(id) => go({ sampleId: id })}
              options={versions.map((v) => ({
                value: v.id,
                label: `${t('assessmentOnsite.versionLabel', { version: v.version })} · ${t(
                  `assessmentOnsite.status.${v.status as Status}`,
                )}`,
              }))}
            />
          )}
          {provincial && cycle.state === 'open' && latest?.status !== 'closed' && (
            <Button type={latest ? 'default' : 'primary'} onClick={() => setDrawing(true)}>
              {latest ? t('assessmentOnsite.redraw') : t('assessmentOnsite.draw')}
            </Button>
          )}
        </Flex>
        {sampleId ? (
          <SampleView
            key={sampleId}
            sampleId={sampleId}
            cycleId={cycle.id}
            cycleOpen={cycle.state === 'open'}
          />
        ) : (
          <Empty description={t('assessmentOnsite.noSample')} />
        )}
        {drawing && (
          <DrawOnsiteSampleDialog
            cycleId={cycle.id}
            redraw={!!latest}
            onDrawn={(id) => go({ sampleId: id })}
            onClose={() => setDrawing(false)}
          />
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('assessmentOnsite.title')}
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
        {t('assessmentOnsite.intro')}
      </Typography.Paragraph>
      {body}
    </Flex>
  );
}

function SampleView({
  sampleId,
  cycleId,
  cycleOpen,
}: {
  sampleId: string;
  cycleId: string;
  cycleOpen: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const { data, error, retry } = useOnsiteSample(sampleId);
  const { close } = useOnsiteActions();
  const [editing, setEditing] = useState<OnsiteItemFieldsFragment | null>(null);

  if (error) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!data) return <PageLoading rows={4} />;
  const sample = data.onsiteSample;
  const items = sample.items;
  const open = sample.status === 'open';
  const recorder = user.role === 'PROVINCIAL_SUPERVISOR' || user.role === 'PREFECTURE_SUPERVISOR';
  const discrepancies = items.filter((i) => i.outcome === 'DISCREPANCY').length;

  const confirmClose = () =>
    modal.confirm({
      title: t('assessmentOnsite.closeConfirmTitle', { version: sample.version }),
      content: t('assessmentOnsite.closeConfirm', {
        count: discrepancies,
        points: sample.deductionPoints,
      }),
      okText: t('assessmentOnsite.close'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await close(sample.id);
          void message.success(t('assessmentOnsite.closed'));
        } catch (thrown) {
          void message.error(errorText(toAppError(thrown)));
        }
      },
    });

  const columns: TableProps<OnsiteItemFieldsFragment>['columns'] = [
    {
      key: 'unit',
      title: t('assessmentOnsite.columns.unit'),
      render: (_, i) => i.unitName,
    },
    {
      key: 'task',
      title: t('assessmentOnsite.columns.task'),
      render: (_, i) => (
        <Typography.Link onClick={() => navigate(`/tasks/${encodeURIComponent(i.taskId)}`)}>
          {t('assessmentOnsite.article', { article: i.article })} {i.dutySubject}
        </Typography.Link>
      ),
    },
    {
      key: 'outcome',
      title: t('assessmentOnsite.columns.outcome'),
      render: (_, i) =>
        i.outcome ? (
          <Tag color={i.outcome === 'DISCREPANCY' ? 'red' : 'green'}>
            {t(`assessmentOnsite.outcome.${i.outcome as 'CONFIRMED' | 'DISCREPANCY'}`)}
          </Tag>
        ) : (
          <Tag>{t('assessmentOnsite.outcome.none')}</Tag>
        ),
    },
    {
      key: 'note',
      title: t('assessmentOnsite.columns.note'),
      render: (_, i) => i.note ?? '—',
    },
    {
      key: 'evidence',
      title: t('assessmentOnsite.columns.evidence'),
      render: (_, i) =>
        i.evidenceIds.length
          ? t('assessmentOnsite.evidenceCount', { count: i.evidenceIds.length })
          : '—',
    },
    {
      key: 'recordedBy',
      title: t('assessmentOnsite.columns.recordedBy'),
      render: (_, i) =>
        i.recordedBy && i.recordedAt
          ? `${i.recordedBy} · ${formatDateTime(i.recordedAt, language)}`
          : '—',
    },
    {
      key: 'deducted',
      title: t('assessmentOnsite.columns.deducted'),
      render: (_, i) => (i.deductedPoints != null ? `−${i.deductedPoints}` : '—'),
    },
    ...(recorder && open && cycleOpen
      ? [
          {
            key: 'action',
            title: '',
            render: (_: unknown, i: OnsiteItemFieldsFragment) => (
              <Button size="small" onClick={() => setEditing(i)}>
                {i.outcome ? t('assessmentOnsite.edit') : t('assessmentOnsite.record')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center">
            {t('assessmentOnsite.versionLabel', { version: sample.version })}
            <Tag color={STATUS_COLOUR[sample.status as Status]}>
              {t(`assessmentOnsite.status.${sample.status as Status}`)}
            </Tag>
          </Flex>
        }
        extra={
          user.role === 'PROVINCIAL_SUPERVISOR' &&
          open &&
          cycleOpen && (
            <Button type="primary" onClick={confirmClose}>
              {t('assessmentOnsite.close')}
            </Button>
          )
        }
      >
        <SampleSummary sample={sample} items={items} />
      </Card>
      <Table<OnsiteItemFieldsFragment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <OnsiteFindingDialog cycleId={cycleId} item={editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}

function SampleSummary({
  sample,
  items,
}: {
  sample: OnsiteSampleFieldsFragment;
  items: readonly OnsiteItemFieldsFragment[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const size =
    sample.unitCount != null
      ? t('assessmentOnsite.summary.sizeCount', {
          count: sample.unitCount,
          tasks: sample.tasksPerUnit,
        })
      : t('assessmentOnsite.summary.sizeShare', {
          share: Math.round((sample.unitShare ?? 0) * 10000) / 100,
          tasks: sample.tasksPerUnit,
        });
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('assessmentOnsite.summary.seed')}>
        <Typography.Text code copyable>
          {sample.seed}
        </Typography.Text>
        {sample.seedGenerated && t('assessmentOnsite.summary.seedGenerated')}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessmentOnsite.form.scope')}>
        {t(`assessmentOnsite.scope.${sample.scope as 'OVERALL' | 'PER_PREFECTURE'}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessmentOnsite.summary.population')}>
        {t('assessmentOnsite.summary.populationValue', {
          units: sample.populationUnits,
          tasks: sample.populationTasks,
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessmentOnsite.summary.size')}>{size}</Descriptions.Item>
      <Descriptions.Item label={t('assessmentOnsite.summary.statuses')}>
        {sample.taskStatuses
          .map((s) => t(`assessmentOnsite.taskStatus.${s as 'VERIFIED' | 'SUBMITTED'}`))
          .join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessmentOnsite.summary.deduction')}>
        {sample.deductionPoints}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessmentOnsite.summary.drawnBy')}>
        {`${sample.drawnBy} · ${formatDateTime(sample.drawnAt, language)}`}
      </Descriptions.Item>
      {sample.reason && (
        <Descriptions.Item label={t('assessmentOnsite.summary.reason')}>
          {sample.reason}
        </Descriptions.Item>
      )}
      {sample.closedBy && sample.closedAt && (
        <Descriptions.Item label={t('assessmentOnsite.summary.closedBy')}>
          {`${sample.closedBy} · ${formatDateTime(sample.closedAt, language)}`}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('assessmentOnsite.summary.progress')}>
        {t('assessmentOnsite.summary.progressValue', {
          recorded: items.filter((i) => i.outcome).length,
          total: items.length,
          discrepancies: items.filter((i) => i.outcome === 'DISCREPANCY').length,
        })}
      </Descriptions.Item>
    </Descriptions>
  );
}
