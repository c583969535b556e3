import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spansProvinces, useCycleColumns } from '../../cycles/components/cycleColumns';
import { RegenerateCycleModal } from '../../cycles/components/RegenerateCycleModal';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import type { RegulationVersionSummary } from '../graphql/types';
import {
  useCycleJobs,
  useRegulationCycles,
  type RegulationCycle,
} from '../hooks/useRegulationCycles';
import { pendingMappingsOf } from '../utils/pendingMappings';

/**
 * The assessment cycles opened over any version of one regulation (title, year, version, state,
 * due date, tasks in the reader's jurisdiction); each title opens the cycle's tasks. Those who
 * manage cycles (provincial supervisors) also regenerate an open cycle's tasks after duty reviews
 * (after a preview of the tasks added and retired) and move it to the regulation's newest
 * version (after a confirmation that says what it does).
 */
export function RegulationCyclesCard({
  code,
  versions,
  onOpenCycle,
  manage = false,
}: {
  code: string;
  versions: readonly RegulationVersionSummary[];
  /** Shown to those who may open a cycle (provincial supervisors). */
  onOpenCycle?: () => void;
  /** Regenerate and move-to-version actions (provincial supervisors). */
  manage?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { cycles, loaded, loading, error, retry } = useRegulationCycles(code);
  const jobs = useCycleJobs();
  const [regenerating, setRegenerating] = useState<RegulationCycle>();
  const versionNumber = (id: string) => versions.find((v) => v.id === id)?.versionNumber;
  const newest = versions.reduce<RegulationVersionSummary | undefined>(
    (best, v) => (!best || v.versionNumber > best.versionNumber ? v : best),
    undefined,
  );

  /** A refusal in the reader's language; the pending-mappings one says how many. */
  const refused = (thrown: unknown) => {
    const appError = toAppError(thrown);
    const pending = pendingMappingsOf(appError);
    void message.error(
      pending !== undefined
        ? t('register.cycles.jobs.mappingsPending', { count: pending })
        : errorText(appError),
    );
  };
  const move = async (cycle: RegulationCycle, target: RegulationVersionSummary) => {
    try {
      const done = await jobs.move(cycle.id, target.id);
      void message.success(
        t('register.cycles.jobs.moved', {
          number: target.versionNumber,
          followed: done.followed,
          created: done.generation.created,
          retired: done.generation.retired,
        }),
      );
    } catch (thrown) {
      refused(thrown);
    }
  };

  const columns: TableProps<RegulationCycle>['columns'] = [
    ...useCycleColumns<RegulationCycle>(
      spansProvinces(cycles)
        ? ['title', 'province', 'year', 'version', 'state', 'dueDate', 'tasks']
        : ['title', 'year', 'version', 'state', 'dueDate', 'tasks'],
      versionNumber,
    ),
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      title: t('register.cycles.columns.actions'),
      render: (_, c) =>
        c.state !== 'open' ? null : (
          <Flex gap="small" wrap>
            <Button size="small" disabled={jobs.busy} onClick={() => setRegenerating(c)}>
              {t('register.cycles.jobs.regenerate')}
            </Button>
            {newest && newest.id !== c.regulationVersionId && (
              <Popconfirm
                title={t('register.cycles.jobs.move', { number: newest.versionNumber })}
                description={
                  <Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>
                    {t('register.cycles.jobs.moveConfirm', { number: newest.versionNumber })}
                  </Typography.Paragraph>
                }
                onConfirm={() => move(c, newest)}
              >
                <Button size="small" disabled={jobs.busy}>
                  {t('register.cycles.jobs.move', { number: newest.versionNumber })}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ),
    });
  }

  return (
    <Card
      title={t('register.cycles.title')}
      extra={
        onOpenCycle && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onOpenCycle}>
            {t('register.cycles.open')}
          </Button>
        )
      }
    >
      {error && !loading ? (
        <QueryErrorAlert error={error} onRetry={retry} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('register.cycles.hint')}</Typography.Paragraph>
          <Table<RegulationCycle>
            rowKey="id"
            size="small"
            loading={!loaded}
            columns={columns}
            dataSource={cycles}
            pagination={false}
            locale={{ emptyText: t('register.cycles.empty') }}
          />
        </>
      )}
      {regenerating && (
        <RegenerateCycleModal cycle={regenerating} onClose={() => setRegenerating(undefined)} />
      )}
    </Card>
  );
}
