import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { OpenCycleModal } from '../../register/components/OpenCycleModal';
import { CycleDueDatesModal } from '../components/CycleDueDatesModal';
import { spansProvinces, useCycleColumns } from '../components/cycleColumns';
import { CloseCycleFlow, ReopenCycleFlow } from '../components/CycleStateFlows';
import { RegenerateCycleModal } from '../components/RegenerateCycleModal';
import { useCycleAdmin, type AdminCycle, type AdminRegulation } from '../hooks/useCycleAdmin';

type Job = { kind: 'regenerate' | 'close' | 'reopen' | 'dueDates'; cycle: AdminCycle };

/**
 * 考核年度管理 (provincial supervisors): every assessment cycle with its regulation, version,
 * period, state and tasks; open a cycle over a regulation (with per-duty due dates), view and
 * change an open cycle's per-duty due dates, regenerate
 * an open cycle's tasks after a preview of what changes, close a cycle (tasks read-only, scores
 * frozen) and reopen it with a reason — all while the server runs.
 */
export function CyclesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { cycles, regulations, versionNumber, loaded, loading, error, retry } = useCycleAdmin();
  const [openingFor, setOpeningFor] = useState<AdminRegulation>();
  const [job, setJob] = useState<Job>();
  // A regulation needs a version to open a cycle over.
  const openable = regulations.filter((r) => r.latestVersion);

  const columns: TableProps<AdminCycle>['columns'] = [
    ...useCycleColumns<AdminCycle>(
      spansProvinces(cycles)
        ? ['title', 'province', 'regulation', 'version', 'year', 'period', 'state', 'tasks']
        : ['title', 'regulation', 'version', 'year', 'period', 'state', 'tasks'],
      versionNumber,
    ),
    {
      key: 'actions',
      title: t('cycles.columns.actions'),
      render: (_, c) => (
        <Space size="small" wrap>
          <Button
            size="small"
            onClick={() => setJob({ kind: 'dueDates', cycle: c })}
            aria-label={`${t('cycles.dueDateEditor.action')} · ${c.title}`}
          >
            {t('cycles.dueDateEditor.action')}
          </Button>
          {c.state === 'open' ? (
            <>
              <Button
                size="small"
                onClick={() => setJob({ kind: 'regenerate', cycle: c })}
                aria-label={`${t('cycles.regenerate.action')} · ${c.title}`}
              >
                {t('cycles.regenerate.action')}
              </Button>
              <Button
                size="small"
                danger
                onClick={() => setJob({ kind: 'close', cycle: c })}
                aria-label={`${t('cycles.close')} · ${c.title}`}
              >
                {t('cycles.close')}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              onClick={() => setJob({ kind: 'reopen', cycle: c })}
              aria-label={`${t('cycles.reopen')} · ${c.title}`}
            >
              {t('cycles.reopen')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const openButton =
    openable.length === 1 ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpeningFor(openable[0])}>
        {t('cycles.open')}
      </Button>
    ) : (
      <Dropdown
        disabled={openable.length === 0}
        menu={{
          items: openable.map((r) => ({ key: r.code, label: r.title })),
          onClick: ({ key }) => setOpeningFor(openable.find((r) => r.code === key)),
        }}
      >
        <Button type="primary" icon={<PlusOutlined />}>
          <Space>
            {t('cycles.open')}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
    );

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div style={{ maxWidth: 820 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('cycles.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('cycles.intro')}</Typography.Text>
        </div>
        {loaded && openButton}
      </Flex>
      <Card>
        {error && !loading ? (
          <QueryErrorAlert error={error} onRetry={retry} />
        ) : (
          <>
            {loaded && openable.length === 0 && (
              <Typography.Paragraph type="warning">
                {t('cycles.noRegulations')}
              </Typography.Paragraph>
            )}
            <Table<AdminCycle>
              rowKey="id"
              size="small"
              loading={!loaded}
              columns={columns}
              dataSource={cycles}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('cycles.empty') }}
            />
          </>
        )}
      </Card>
      {openingFor && (
        <OpenCycleModal
          code={openingFor.code}
          regulationTitle={openingFor.title}
          onClose={() => setOpeningFor(undefined)}
        />
      )}
      {job?.kind === 'dueDates' && (
        <CycleDueDatesModal cycle={job.cycle} onClose={() => setJob(undefined)} />
      )}
      {job?.kind === 'regenerate' && (
        <RegenerateCycleModal cycle={job.cycle} onClose={() => setJob(undefined)} />
      )}
      {job?.kind === 'close' && (
        <CloseCycleFlow
          cycle={job.cycle}
          onDone={() => void message.success(t('cycles.closed', { title: job.cycle.title }))}
          onClose={() => setJob(undefined)}
        />
      )}
      {job?.kind === 'reopen' && (
        <ReopenCycleFlow
          cycle={job.cycle}
          onDone={() => void message.success(t('cycles.reopened', { title: job.cycle.title }))}
          onClose={() => setJob(undefined)}
        />
      )}
    </Flex>
  );
}
