import { Alert, Button, Flex, Modal, Result, Spin, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { useCycleJobs, type Regeneration } from '../../register/hooks/useRegulationCycles';
import { pendingMappingsOf } from '../../register/utils/pendingMappings';
import {
  useRegenerationPreview,
  type DutyChange,
  type LeadChange,
  type RegenerationPreview,
} from '../hooks/useCycleAdmin';

/**
 * 重新生成任务 with a preview: first what the regeneration would do now (computed by the API with
 * the regeneration's own rules, by duty: tasks added, retired and restored, and the lead
 * departments that follow a reviewed duty's lead), then, once
 * confirmed, what it did.
 */
export function RegenerateCycleModal({
  cycle,
  onClose,
}: {
  cycle: { id: string; title: string };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language);
  const errorText = useErrorText();
  const { preview, loading, error, retry } = useRegenerationPreview(cycle.id);
  const jobs = useCycleJobs();
  const [done, setDone] = useState<Regeneration>();
  const [failure, setFailure] = useState<string>();
  const title = t('cycles.regenerate.title', { title: cycle.title });

  /** A refusal in the reader's language; the pending-mappings one says how many. */
  const refusal = (thrown: unknown) => {
    const appError = toAppError(thrown);
    const pending = pendingMappingsOf(appError);
    return pending !== undefined
      ? t('cycles.regenerate.mappingsPending', { count: pending })
      : errorText(appError);
  };

  const confirm = async () => {
    setFailure(undefined);
    try {
      setDone(await jobs.regenerate(cycle.id));
    } catch (thrown) {
      setFailure(refusal(thrown));
    }
  };

  if (done) {
    const differs =
      preview &&
      (done.created !== preview.created ||
        done.retired !== preview.retired ||
        done.restored !== preview.restored ||
        (done.leadsFollowed ?? 0) !== preview.leadsFollowed);
    return (
      <Modal open title={title} onCancel={onClose} footer={null} width={720}>
        <Result
          status="success"
          title={t('cycles.regenerate.doneTitle')}
          subTitle={
            <>
              {t('cycles.regenerate.done', {
                created: number.format(done.created),
                retired: number.format(done.retired),
                restored: number.format(done.restored),
                total: number.format(done.total),
              })}
              {!!done.leadsFollowed && (
                <div>{t('cycles.regenerate.doneLeads', { count: done.leadsFollowed })}</div>
              )}
            </>
          }
          extra={
            <Button type="primary" onClick={onClose}>
              {t('cycles.regenerate.close')}
            </Button>
          }
        >
          {differs && <Alert type="warning" showIcon title={t('cycles.regenerate.differs')} />}
        </Result>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={title}
      width={880}
      onCancel={onClose}
      okText={t('cycles.regenerate.confirm')}
      cancelText={t('cycles.regenerate.cancel')}
      onOk={() => void confirm()}
      okButtonProps={{ disabled: !preview, loading: jobs.busy }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cycles.regenerate.intro')}</Typography.Paragraph>
      {error && !loading ? (
        pendingMappingsOf(error) !== undefined ? (
          <Alert type="warning" showIcon title={refusal(error)} />
        ) : (
          <QueryErrorAlert error={error} onRetry={retry} />
        )
      ) : !preview || loading ? (
        <Flex vertical align="center" gap="small" style={{ padding: 24 }} role="status">
          <Spin />
          <Typography.Text type="secondary">{t('cycles.regenerate.loading')}</Typography.Text>
        </Flex>
      ) : (
        <PreviewBody preview={preview} />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
    </Modal>
  );
}

function PreviewBody({ preview }: { preview: RegenerationPreview }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language);
  const nothing =
    preview.created + preview.retired + preview.restored + preview.leadsFollowed === 0;
  const sections = [
    { key: 'added', rows: preview.added },
    { key: 'retiring', rows: preview.retiring },
    { key: 'restoring', rows: preview.restoring },
  ] as const;
  return (
    <Flex vertical gap="middle">
      <Alert
        type={nothing ? 'info' : 'warning'}
        showIcon
        title={
          nothing
            ? t('cycles.regenerate.nothing')
            : t('cycles.regenerate.summary', {
                created: number.format(preview.created),
                retired: number.format(preview.retired),
                restored: number.format(preview.restored),
                total: number.format(preview.total),
              })
        }
        description={
          preview.followed + preview.leadsFollowed > 0 ? (
            <>
              {preview.followed > 0 && (
                <div>{t('cycles.regenerate.followed', { count: preview.followed })}</div>
              )}
              {preview.leadsFollowed > 0 && (
                <div>{t('cycles.regenerate.leadsFollowed', { count: preview.leadsFollowed })}</div>
              )}
            </>
          ) : undefined
        }
      />
      {sections
        .filter((s) => s.rows.length > 0)
        .map((s) => (
          <section key={s.key} aria-labelledby={`regenerate-${s.key}`}>
            <Typography.Title level={5} id={`regenerate-${s.key}`}>
              {t(`cycles.regenerate.${s.key}`, {
                duties: number.format(s.rows.length),
                tasks: number.format(s.rows.reduce((n, r) => n + r.tasks, 0)),
              })}
            </Typography.Title>
            <ChangeTable rows={s.rows} withReason={s.key === 'retiring'} />
          </section>
        ))}
      {preview.leadChanges.length > 0 && (
        <section aria-labelledby="regenerate-leads">
          <Typography.Title level={5} id="regenerate-leads">
            {t('cycles.regenerate.leadChanges', {
              duties: number.format(new Set(preview.leadChanges.map((r) => r.lineageId)).size),
              tasks: number.format(preview.leadsFollowed),
            })}
          </Typography.Title>
          <LeadChangeTable rows={preview.leadChanges} />
        </section>
      )}
    </Flex>
  );
}

function ChangeTable({ rows, withReason }: { rows: readonly DutyChange[]; withReason: boolean }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language);
  const columns: TableProps<DutyChange>['columns'] = [
    {
      key: 'article',
      title: t('cycles.regenerate.columns.article'),
      width: 90,
      render: (_, r) => t('cycles.dueDates.article', { number: r.articleNumber }),
    },
    { key: 'duty', title: t('cycles.regenerate.columns.duty'), dataIndex: 'text' },
    {
      key: 'tasks',
      title: t('cycles.regenerate.columns.tasks'),
      align: 'right',
      width: 80,
      render: (_, r) => number.format(r.tasks),
    },
  ];
  if (withReason) {
    columns.push({
      key: 'reason',
      title: t('cycles.regenerate.columns.reason'),
      width: 200,
      dataIndex: 'reason',
    });
  }
  return (
    <Table<DutyChange>
      rowKey="lineageId"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
    />
  );
}

/** By duty: the tasks whose lead department moves, from which department kind to which. */
function LeadChangeTable({ rows }: { rows: readonly LeadChange[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language);
  const columns: TableProps<LeadChange>['columns'] = [
    {
      key: 'article',
      title: t('cycles.regenerate.columns.article'),
      width: 90,
      render: (_, r) => t('cycles.dueDates.article', { number: r.articleNumber }),
    },
    { key: 'duty', title: t('cycles.regenerate.columns.duty'), dataIndex: 'text' },
    {
      key: 'lead',
      title: t('cycles.regenerate.columns.lead'),
      width: 220,
      render: (_, r) =>
        t('cycles.regenerate.leadChange', { from: r.fromDepartment, to: r.toDepartment }),
    },
    {
      key: 'tasks',
      title: t('cycles.regenerate.columns.tasks'),
      align: 'right',
      width: 80,
      render: (_, r) => number.format(r.tasks),
    },
  ];
  return (
    <Table<LeadChange>
      rowKey={(r) => `${r.lineageId}:${r.fromDepartment}`}
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
    />
  );
}
