import { DownloadOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import type { Cycle } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { ResultSet } from '../graphql/types';
import { useAssessmentPlan } from '../hooks/useAssessmentPlan';
import { useCycleActions, useResultSets } from '../hooks/useResultSets';
import { resultSetUrl, SIGNING_KEYS_URL } from '../utils/cycles';
import { CloseCycleDialog } from './CloseCycleDialog';
import { ReopenCycleDialog } from './ReopenCycleDialog';
import { personText } from '../../../components/PersonName';

export interface ResultsTabProps {
  cycle: Cycle;
  /** Provincial supervisors close and reopen cycles. */
  canManage: boolean;
}

export function ResultsTab({ cycle, canManage }: ResultsTabProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { resultSets, loaded, loading, error, retry } = useResultSets(cycle.id);
  const { plan } = useAssessmentPlan(cycle.id);
  const actions = useCycleActions(cycle.id);
  const [closeOpen, setCloseOpen] = useState(false);
  const [closeError, setCloseError] = useState<string>();
  const [reopenOpen, setReopenOpen] = useState(false);
  const open = cycle.state === 'open';

  const confirmClose = async () => {
    setCloseError(undefined);
    try {
      await actions.closeCycle();
      setCloseOpen(false);
      void message.success(t('assessment.results.closed'));
    } catch (thrown) {
      setCloseError(errorText(toAppError(thrown)));
    }
  };

  const columns: TableProps<ResultSet>['columns'] = [
    {
      key: 'version',
      title: t('assessment.results.columns.version'),
      render: (_, r) => t('assessment.results.versionN', { version: r.version }),
    },
    {
      key: 'planVersion',
      title: t('assessment.results.columns.planVersion'),
      render: (_, r) => t('assessment.results.versionN', { version: r.planVersion }),
    },
    {
      key: 'units',
      title: t('assessment.results.columns.units'),
      dataIndex: 'units',
      align: 'right',
    },
    {
      key: 'closed',
      title: t('assessment.results.columns.closed'),
      render: (_, r) => (
        <Flex vertical>
          <span>
            {t('assessment.results.closedBy', {
              user: personText(r.closer, r.closedBy),
              time: formatDateTime(r.closedAt, language),
            })}
          </span>
          <Typography.Text type="secondary">
            {t('assessment.results.asOf', { date: r.asOf })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'hash',
      title: t('assessment.results.columns.hash'),
      render: (_, r) => (
        <Tooltip title={r.rowsSha256}>
          <Typography.Text code copyable={{ text: r.rowsSha256 }}>
            {r.rowsSha256.slice(0, 12)}…
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'integrity',
      title: t('assessment.results.columns.integrity'),
      render: (_, r) =>
        r.integrityOk ? (
          <Tag color="success">{t('assessment.results.integrityOk')}</Tag>
        ) : (
          <Tag color="error">{t('assessment.results.integrityBad')}</Tag>
        ),
    },
    {
      key: 'reopened',
      title: t('assessment.results.columns.reopened'),
      render: (_, r) =>
        r.reopenedAt ? (
          <Typography.Text type="warning">
            {t('assessment.results.reopenedInfo', {
              user: personText(r.reopener, r.reopenedBy),
              time: formatDateTime(r.reopenedAt, language),
              reason: r.reopenReason ?? '',
            })}
          </Typography.Text>
        ) : (
          t('assessment.results.notReopened')
        ),
    },
    {
      key: 'download',
      title: t('assessment.results.columns.download'),
      // The server signs only a set that still matches its checksum.
      render: (_, r) =>
        r.integrityOk ? (
          <Button size="small" icon={<DownloadOutlined />} href={resultSetUrl(cycle.id, r.version)}>
            {t('assessment.results.download')}
          </Button>
        ) : (
          t('assessment.results.noDownload')
        ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex vertical style={{ maxWidth: 720 }}>
          <Typography.Text type="secondary">{t('assessment.results.intro')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('assessment.results.signedHint')}{' '}
            <Typography.Link href={SIGNING_KEYS_URL} target="_blank">
              {t('assessment.results.publicKeys')}
            </Typography.Link>
          </Typography.Text>
        </Flex>
        {canManage &&
          (open ? (
            <Button danger icon={<LockOutlined />} onClick={() => setCloseOpen(true)}>
              {t('assessment.results.close')}
            </Button>
          ) : (
            <Button icon={<UnlockOutlined />} onClick={() => setReopenOpen(true)}>
              {t('assessment.results.reopen')}
            </Button>
          ))}
      </Flex>
      {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
      {!loaded && !error ? (
        <PageLoading rows={3} />
      ) : (
        <Table<ResultSet>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={resultSets}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('assessment.results.empty') }}
        />
      )}
      <CloseCycleDialog
        open={closeOpen}
        cycleTitle={cycle.title}
        planVersion={plan?.version}
        submitting={actions.closing}
        error={closeError}
        onConfirm={() => void confirmClose()}
        onClose={() => {
          setCloseOpen(false);
          setCloseError(undefined);
        }}
      />
      <ReopenCycleDialog
        open={reopenOpen}
        submitting={actions.reopening}
        onClose={() => setReopenOpen(false)}
        onReopen={async (reason) => {
          await actions.reopenCycle(reason);
          void message.success(t('assessment.results.reopened'));
        }}
      />
    </Flex>
  );
}
