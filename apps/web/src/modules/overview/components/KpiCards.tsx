import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle, Summary } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { tasksPath, type TaskListQuery } from '../utils/links';
import { AppLink } from './AppLink';

interface KpiCardProps {
  title: string;
  value: string;
  /** Where the number leads (the tasks behind it); plain text without. */
  to?: string;
  /** Accessible name of the link. */
  linkLabel?: string;
  detail: ReactNode;
  danger?: boolean;
}

function KpiCard({ title, value, to, linkLabel, detail, danger }: KpiCardProps) {
  const number = (
    <span
      style={{
        fontSize: 28,
        fontWeight: 600,
        fontVariantNumeric: 'tabular-nums',
        color: danger ? '#c0392b' : undefined,
      }}
    >
      {value}
    </span>
  );
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div>
        {to?.startsWith('#') ? (
          <a href={to} style={{ color: 'inherit' }}>
            {number}
          </a>
        ) : to ? (
          <AppLink to={to} aria-label={linkLabel} style={{ color: 'inherit' }}>
            {number}
          </AppLink>
        ) : (
          number
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {detail}
      </Typography.Text>
    </Card>
  );
}

export interface KpiCardsProps {
  summary: Summary;
  cycle: Cycle;
  /** The task filter of the scope shown (cycle and prefecture). */
  taskScope: TaskListQuery;
  /** Anchor of the behind-schedule list. */
  behindScheduleAnchor: string;
}

/** The headline figures of a cycle; each count leads to the tasks behind it. */
export function KpiCards({ summary, cycle, taskScope, behindScheduleAnchor }: KpiCardsProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const cards: KpiCardProps[] = [
    {
      title: t('overview.kpi.completion'),
      value: f.percent(summary.completionRate),
      to: tasksPath({ ...taskScope, statuses: ['VERIFIED'] }),
      linkLabel: t('overview.kpi.completionLink', { value: f.percent(summary.completionRate) }),
      detail: t('overview.kpi.completionDetail', {
        verified: f.number(summary.verified),
        tasks: f.number(summary.tasks),
      }),
    },
    {
      title: t('overview.kpi.submitted'),
      value: f.number(summary.submitted),
      to: tasksPath({ ...taskScope, statuses: ['SUBMITTED'] }),
      linkLabel: t('overview.kpi.submittedLink', { n: f.number(summary.submitted) }),
      detail: t('overview.kpi.submittedDetail', { returned: f.number(summary.returned) }),
    },
    {
      title: t('overview.kpi.behind'),
      value: f.number(summary.unitsBehindSchedule),
      to: `#${behindScheduleAnchor}`,
      detail: t('overview.kpi.behindDetail'),
      danger: summary.unitsBehindSchedule > 0,
    },
    {
      title: t('overview.kpi.overdue'),
      value: f.number(summary.overdue),
      to: tasksPath({ ...taskScope, overdue: true }),
      linkLabel: t('overview.kpi.overdueLink', { n: f.number(summary.overdue) }),
      detail: t('overview.kpi.overdueDetail'),
      danger: summary.overdue > 0,
    },
    {
      title: t('overview.kpi.evidence'),
      value: f.number(summary.evidenceCount),
      detail: t('overview.kpi.evidenceDetail'),
    },
    {
      title: t('overview.kpi.daysLeft'),
      value: t('overview.kpi.daysLeftValue', { days: f.number(summary.daysLeft) }),
      detail: t('overview.kpi.daysLeftDetail', {
        date: f.date(cycle.dueDate),
        elapsed: f.percent(summary.elapsedFraction),
      }),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.title} xs={12} md={8} xl={4}>
          <KpiCard {...card} />
        </Col>
      ))}
    </Row>
  );
}
