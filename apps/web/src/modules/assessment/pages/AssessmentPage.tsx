import { Alert, Card, Empty, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { AdjustmentsTab } from '../components/AdjustmentsTab';
import { ObjectionsTab } from '../components/ObjectionsTab';
import { PlanTab } from '../components/PlanTab';
import { ResultsTab } from '../components/ResultsTab';
import { ScoresTab } from '../components/ScoresTab';
import { YearOverYearTab } from '../components/YearOverYearTab';
import { isOpen } from '../utils/cycles';
import { isProvincialSupervisor } from '../utils/permissions';

const TABS = ['scores', 'plan', 'adjustments', 'objections', 'results', 'history'] as const;
type TabKey = (typeof TABS)[number];

const asTab = (value: string | null): TabKey =>
  TABS.includes(value as TabKey) ? (value as TabKey) : 'scores';

export function AssessmentPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const { cycles, cycle, loaded, loading, error, retry } = useCycles(search.get('cycleId'));
  const cycleId = cycle?.id;
  const tab = asTab(search.get('tab'));
  const provincial = isProvincialSupervisor(user);

  const go = (next: { cycleId?: string; tab?: TabKey }) => {
    const params = new URLSearchParams();
    const id = next.cycleId ?? cycleId;
    if (id) params.set('cycleId', id);
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'scores') params.set('tab', nextTab);
    navigate(`/assessment?${params.toString()}`);
  };

  let body;
  if (error && !loading) body = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!loaded) body = <PageLoading rows={8} />;
  else if (!cycle) body = <Empty description={t('assessment.cycle.none')} />;
  else {
    const open = isOpen(cycle);
    body = (
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: asTab(key) })}
        destroyOnHidden
        items={[
          {
            key: 'scores',
            label: t('assessment.tabs.scores'),
            children: <ScoresTab key={cycle.id} cycleId={cycle.id} defaultLevel="county" />,
          },
          {
            key: 'plan',
            label: t('assessment.tabs.plan'),
            children: (
              <PlanTab
                key={cycle.id}
                cycleId={cycle.id}
                regulationVersionId={cycle.regulationVersionId}
                editable={provincial && open}
                cycleOpen={open}
              />
            ),
          },
          {
            key: 'adjustments',
            label: t('assessment.tabs.adjustments'),
            children: <AdjustmentsTab key={cycle.id} cycleId={cycle.id} cycleOpen={open} />,
          },
          {
            key: 'objections',
            label: t('assessmentObjections.tab.title'),
            children: (
              <ObjectionsTab key={cycle.id} cycleId={cycle.id} canManage={provincial && open} />
            ),
          },
          {
            key: 'results',
            label: t('assessment.tabs.results'),
            children: <ResultsTab key={cycle.id} cycle={cycle} canManage={provincial} />,
          },
          {
            key: 'history',
            label: t('assessmentHistory.table.title'),
            children: <YearOverYearTab key={cycle.id} cycleId={cycle.id} canImport={provincial} />,
          },
        ]}
      />
    );
  }

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('assessment.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('assessment.subtitle')}</Typography.Text>
        </div>
        {cycles.length > 0 && (
          <Flex align="center" gap="small">
            <Typography.Text>{t('common.cycle.label')}</Typography.Text>
            <CycleSelect
              cycles={cycles}
              value={cycleId}
              onChange={(id) => go({ cycleId: id })}
              style={{ minWidth: 260 }}
            />
          </Flex>
        )}
      </Flex>
      {cycle && !isOpen(cycle) && (
        <Alert type="info" showIcon title={t('assessment.cycle.closedNotice')} />
      )}
      <Card>{body}</Card>
    </Flex>
  );
}
