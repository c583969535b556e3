import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/FormDialog';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { AssessmentUnitMeasureFieldsFragment } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useMeasureActions, useMeasureEvidence, useUnitMeasures } from '../hooks/useUnitMeasures';

type UnitMeasure = AssessmentUnitMeasureFieldsFragment;

export interface UnitMeasuresCardProps {
  cycleId: string;
  unitCode: string;
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/**
 * 定量指标 on the unit's assessment page: each measured indicator that applies to the unit, its
 * target, the reported value with its source, a reviewer's adjusted value and the record of
 * changes; the unit reports, a reviewing supervisor adjusts (the server decides who may).
 */
export function UnitMeasuresCard({ cycleId, unitCode }: UnitMeasuresCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data, loading, error, retry } = useUnitMeasures(cycleId, unitCode);
  const [reporting, setReporting] = useState<UnitMeasure>();
  const [adjusting, setAdjusting] = useState<UnitMeasure>();
  const rows = data?.unitMeasureValues ?? [];

  // Nothing to show on a unit the plan asks no measurement of.
  if (!loading && !error && rows.length === 0) return null;

  const columns: TableProps<UnitMeasure>['columns'] = [
    {
      key: 'name',
      title: t('assessment.measure.unit.indicator'),
      render: (_, m) => (
        <Flex vertical gap={2}>
          <span>{m.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.measure.summary', {
              scoring: t(`assessment.measure.scoring.${m.measure.scoring as 'linear'}`),
              direction: t(`assessment.measure.direction.${m.measure.direction as 'higher'}`),
              unit: m.measure.unitOfMeasure,
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'target',
      title: t('assessment.measure.unit.target'),
      render: (_, m) => (
        <Flex vertical gap={2}>
          <span>
            {m.target}
            {m.floor !== null && m.floor !== undefined ? ` / ${m.floor}` : ''}{' '}
            {m.measure.unitOfMeasure}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`assessment.measure.unit.targetFrom.${m.targetFrom as 'level'}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'reported',
      title: t('assessment.measure.unit.reported'),
      render: (_, m) =>
        m.reportedValue === null || m.reportedValue === undefined ? (
          <Typography.Text type="secondary">
            {t('assessment.measure.unit.notReported')}
          </Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            <span>
              {m.reportedValue} {m.measure.unitOfMeasure}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[m.evidenceName, m.sourceRef].filter(Boolean).join('；')}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      key: 'adjusted',
      title: t('assessment.measure.unit.adjusted'),
      render: (_, m) =>
        m.adjustedValue === null || m.adjustedValue === undefined ? (
          t('assessment.measure.unit.none')
        ) : (
          <Flex vertical gap={2}>
            <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
              {m.adjustedValue} {m.measure.unitOfMeasure}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessment.measure.unit.adjustedBy', {
                user: m.adjustedBy ?? '',
                reason: m.adjustReason ?? '',
              })}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, m) => (
        <Flex gap="small">
          {m.canReport && (
            <Button size="small" onClick={() => setReporting(m)}>
              {t('assessment.measure.unit.report')}
            </Button>
          )}
          {m.canAdjust && (
            <Button size="small" onClick={() => setAdjusting(m)}>
              {t('assessment.measure.unit.adjust')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card size="small" title={t('assessment.measure.unit.title')}>
      {error && !loading ? (
        <QueryErrorAlert error={error} onRetry={retry} />
      ) : !data ? (
        <PageLoading rows={3} />
      ) : rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('assessment.measure.unit.empty')}
        />
      ) : (
        <Table<UnitMeasure>
          rowKey="indicatorId"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (m) => m.events.length > 0,
            expandedRowRender: (m) => (
              <Flex vertical gap={2}>
                <Typography.Text strong>{t('assessment.measure.unit.history')}</Typography.Text>
                {m.events.map((e) => (
                  <Typography.Text key={e.id}>
                    {t('assessment.measure.unit.event', {
                      time: formatDateTime(e.createdAt, language),
                      actor: e.actor,
                      action: t(`assessment.measure.unit.actions.${e.action as 'report'}`),
                      before: fmt(e.beforeValue),
                      after: fmt(e.afterValue),
                    })}
                    {e.reason ? `（${e.reason}）` : ''}
                    {e.sourceRef ? `（${e.sourceRef}）` : ''}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          }}
        />
      )}
      {reporting && (
        <ReportDialog
          cycleId={cycleId}
          unitCode={unitCode}
          measure={reporting}
          onClose={() => setReporting(undefined)}
        />
      )}
      {adjusting && (
        <AdjustDialog
          cycleId={cycleId}
          unitCode={unitCode}
          measure={adjusting}
          onClose={() => setAdjusting(undefined)}
        />
      )}
    </Card>
  );
}

interface DialogProps {
  cycleId: string;
  unitCode: string;
  measure: UnitMeasure;
  onClose: () => void;
}

const REPORT_FIELDS = ['value', 'evidenceId', 'sourceRef'] as const;

interface ReportValues {
  value: number | null;
  evidenceId?: string;
  sourceRef: string;
}

/** 上报: the value with the source it comes from (an evidence file of the unit, or a reference). */
function ReportDialog({ cycleId, unitCode, measure, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reportValue, saving } = useMeasureActions();
  const evidence = useMeasureEvidence(cycleId, unitCode, false);

  const submit = async (values: ReportValues) => {
    await reportValue({
      cycleId,
      unitCode,
      indicatorId: measure.indicatorId,
      value: values.value ?? 0,
      evidenceId: values.evidenceId ?? null,
      sourceRef: values.sourceRef?.trim() || null,
    });
    void message.success(t('assessment.measure.unit.saved'));
  };

  return (
    <FormDialog<ReportValues>
      open
      title={t('assessment.measure.unit.reportTitle', { name: measure.name })}
      okText={t('assessment.measure.dialog.ok')}
      loading={saving}
      serverFields={REPORT_FIELDS}
      initialValues={{
        value: measure.reportedValue ?? null,
        evidenceId: measure.evidenceId ?? undefined,
        sourceRef: measure.sourceRef ?? '',
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="value"
        label={t('assessment.measure.unit.value', { unit: measure.measure.unitOfMeasure })}
        rules={[
          { required: true, type: 'number', message: t('assessment.measure.unit.valueRequired') },
        ]}
      >
        <InputNumber style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="evidenceId" label={t('assessment.measure.unit.evidence')}>
        <Select
          allowClear
          placeholder={t('assessment.measure.unit.evidencePlaceholder')}
          options={evidence.map((e) => ({
            value: e.id,
            label: e.documentNumber ? `${e.fileName}（${e.documentNumber}）` : e.fileName,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="sourceRef"
        label={t('assessment.measure.unit.sourceRef')}
        dependencies={['evidenceId']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (!getFieldValue('evidenceId') && !value?.trim()) {
                throw new Error(t('assessment.measure.unit.sourceRequired'));
              }
            },
          }),
        ]}
      >
        <Input maxLength={500} placeholder={t('assessment.measure.unit.sourceRefPlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}

const ADJUST_FIELDS = ['value', 'reason'] as const;

interface AdjustValues {
  value: number | null;
  reason: string;
}

/** 核定: a reviewer's value (scored instead of the reported one) with a reason; empty withdraws it. */
function AdjustDialog({ cycleId, unitCode, measure, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { adjustValue, saving } = useMeasureActions();
  const hasAdjusted = measure.adjustedValue !== null && measure.adjustedValue !== undefined;

  const submit = async (values: AdjustValues) => {
    await adjustValue({
      cycleId,
      unitCode,
      indicatorId: measure.indicatorId,
      value: values.value ?? null,
      reason: values.reason.trim(),
    });
    void message.success(t('assessment.measure.unit.saved'));
  };

  return (
    <FormDialog<AdjustValues>
      open
      title={t('assessment.measure.unit.adjustTitle', { name: measure.name })}
      okText={t('assessment.measure.dialog.ok')}
      loading={saving}
      serverFields={ADJUST_FIELDS}
      initialValues={{
        value: measure.adjustedValue ?? measure.reportedValue ?? null,
        reason: '',
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="value"
        label={t('assessment.measure.unit.value', { unit: measure.measure.unitOfMeasure })}
        extra={hasAdjusted ? t('assessment.measure.unit.withdrawHint') : undefined}
        rules={
          hasAdjusted
            ? []
            : [
                {
                  required: true,
                  type: 'number',
                  message: t('assessment.measure.unit.valueRequired'),
                },
              ]
        }
      >
        <InputNumber style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('assessment.measure.unit.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('assessment.measure.unit.reasonRequired'),
          },
        ]}
      >
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormDialog>
  );
}
