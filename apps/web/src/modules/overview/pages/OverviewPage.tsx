import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { OverviewPrefecturesDocument } from '../../../graphql/generated/graphql';
import { useCycles } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { OverviewDashboard } from '../components/OverviewDashboard';
import { useAppQuery } from '../hooks/useAppQuery';
import { useFormatters } from '../hooks/useFormatters';
import { overviewPath } from '../utils/links';
import { overviewScope } from '../utils/scope';
import { provinceOf } from '../utils/units';
import { UrgingOverviewCard } from '../../urging/components/UrgingOverviewCard';

/** 总览: completion, assessment and overdue work of a cycle for the user's jurisdiction. */
export function OverviewPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const cyclesQuery = useCycles(search.get('cycleId'));
  const { cycles, cycle } = cyclesQuery;
  const ownUnitCode = user.unit?.code ?? null;
  const requestedPrefecture = search.get('prefectureCode');
  const cycleProvinceCode = cycle?.province.code;
  // The root is the cycle's province: no scope until a cycle is chosen.
  const scope = useMemo(
    () =>
      cycleProvinceCode
        ? overviewScope({ role: user.role, ownUnitCode, cycleProvinceCode, requestedPrefecture })
        : null,
    [user.role, ownUnitCode, cycleProvinceCode, requestedPrefecture],
  );
  const drilledInto = scope?.drilled ? (scope.prefectureCode ?? undefined) : undefined;
  // The URL carries only the code of the prefecture drilled into.
  const prefectures = useAppQuery(OverviewPrefecturesDocument, drilledInto ? {} : null);
  const provinceName = cycle?.province.name ?? t('overview.province');
  const scopeName = drilledInto
    ? (prefectures.data?.adminUnits.find((u) => u.code === drilledInto)?.name ?? drilledInto)
    : scope?.prefectureCode
      ? (user.unit?.name ?? scope.prefectureCode)
      : provinceName;
  // Switching the cycle keeps the prefecture drilled into while the other cycle's province has it.
  const keepDrill = (id: string | undefined) =>
    drilledInto && cycles.find((c) => c.id === id)?.province.code === provinceOf(drilledInto)
      ? drilledInto
      : undefined;

  let body;
  if (cyclesQuery.error && !cyclesQuery.loading) {
    body = <QueryErrorAlert error={cyclesQuery.error} onRetry={cyclesQuery.retry} />;
  } else if (!cyclesQuery.loaded) {
    body = <PageLoading rows={8} />;
  } else if (!cycle || !scope) {
    body = (
      <Card>
        <Empty description={t('overview.cycle.none')} />
      </Card>
    );
  } else {
    body = <OverviewDashboard cycle={cycle} scope={scope} scopeName={scopeName} />;
  }

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('overview.pageTitle', { scope: scopeName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {cycle
              ? t('overview.cycle.period', {
                  start: f.date(cycle.startDate),
                  due: f.date(cycle.dueDate),
                })
              : t('overview.subtitle')}
          </Typography.Text>
        </div>
        <Flex gap="small" align="center" wrap>
          {scope?.drilled && (
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(overviewPath(cycle?.id))}>
              {t('overview.drill.back', { scope: provinceName })}
            </Button>
          )}
          {cycles.length > 0 && (
            <CycleSelect
              cycles={cycles}
              value={cycle?.id}
              onChange={(id) => navigate(overviewPath(id, keepDrill(id)))}
              style={{ minWidth: 240 }}
            />
          )}
          {cycle && (
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('overview.print')}
            </Button>
          )}
        </Flex>
      </Flex>
      {body}
      {cycle && scope && (
        <UrgingOverviewCard cycleId={cycle.id} withinUnitCode={scope.prefectureCode} />
      )}
    </Flex>
  );
}
