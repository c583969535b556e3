import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Row,
  Statistic,
  Table,
  type TableProps,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { UrgingCountsByUnitDocument } from '../../../graphql/generated/graphql';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { AppLink } from '../../overview/components/AppLink';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { unitPath } from '../../overview/utils/links';
import { useUrgingActions } from '../hooks/useUrgingActions';
import { summarise, unitsWithin, type UnitCounts } from '../utils/notice';

const COLOUR_HEX = { BLUE: '#1677ff', ORANGE: '#fa8c16', RED: '#f5222d' } as const;

export interface UrgingOverviewCardProps {
  cycleId: string;
  /** A prefecture in view (its own row and its counties); none: everything visible. */
  withinUnitCode?: string | null;
}

/**
 * 三色督办 on the overview: open notices by colour, 待签收 / 待反馈, and the units with open
 * notices (most urgent first). The per-unit rows come from urgingCountsByUnit (map-ready).
 */
export function UrgingOverviewCard({ cycleId, withinUnitCode }: UrgingOverviewCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSignedInUser();
  const query = useAppQuery(UrgingCountsByUnitDocument, { cycleId });
  const actions = useUrgingActions(query.retry);
  const { totals, withOpen } = useMemo(
    () => summarise(unitsWithin(query.data?.urgingCountsByUnit ?? [], withinUnitCode)),
    [query.data, withinUnitCode],
  );

  const runNow = async () => {
    try {
      const result = await actions.runNow();
      if (result) void message.success(t('urging.overview.ran', result));
    } catch (error) {
      void message.error(errorText(toAppError(error)));
    }
  };

  const columns: TableProps<UnitCounts>['columns'] = [
    {
      key: 'unit',
      title: t('urging.overview.unitColumn'),
      render: (_, r) => <AppLink to={unitPath(r.unitCode, cycleId)}>{r.unitName}</AppLink>,
    },
    ...(['RED', 'ORANGE', 'BLUE'] as const).map((c) => ({
      key: c,
      title: t(`urging.colours.${c}`),
      width: 70,
      align: 'right' as const,
      render: (_: unknown, r: UnitCounts) => r[c.toLowerCase() as 'red' | 'orange' | 'blue'],
    })),
    {
      key: 'unacknowledged',
      title: t('urging.overview.unacknowledged'),
      width: 80,
      align: 'right',
      dataIndex: 'unacknowledged',
    },
    {
      key: 'unanswered',
      title: t('urging.overview.unanswered'),
      width: 80,
      align: 'right',
      dataIndex: 'unanswered',
    },
  ];

  return (
    <Card
      title={t('urging.overview.title')}
      data-testid="urging-overview-card"
      extra={
        user.role === 'PROVINCIAL_SUPERVISOR' ? (
          <Popconfirm title={t('urging.runConfirm')} onConfirm={() => void runNow()}>
            <Button loading={actions.running}>{t('urging.overview.runNow')}</Button>
          </Popconfirm>
        ) : undefined
      }
    >
      {query.error && !query.loading ? (
        <QueryErrorAlert error={query.error} onRetry={query.retry} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(['RED', 'ORANGE', 'BLUE'] as const).map((c) => (
              <Col xs={12} md={4} key={c}>
                <Statistic
                  title={t('urging.colourNotice', { colour: t(`urging.colours.${c}`) })}
                  value={totals[c.toLowerCase() as 'red' | 'orange' | 'blue']}
                  styles={{ content: { color: COLOUR_HEX[c] } }}
                />
              </Col>
            ))}
            <Col xs={12} md={4}>
              <Statistic
                title={t('urging.overview.unacknowledged')}
                value={totals.unacknowledged}
              />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('urging.overview.unanswered')} value={totals.unanswered} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('urging.overview.issued')} value={totals.issued} />
            </Col>
          </Row>
          {withOpen.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('urging.overview.noOpen')} />
          ) : (
            <Table<UnitCounts>
              rowKey="unitCode"
              size="small"
              loading={query.loading}
              columns={columns}
              dataSource={withOpen}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              title={() => t('urging.overview.byUnit')}
            />
          )}
        </>
      )}
    </Card>
  );
}
