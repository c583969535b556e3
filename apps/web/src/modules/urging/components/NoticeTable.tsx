import { Flex, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../tasks/utils/format';
import { AppLink } from '../../overview/components/AppLink';
import { isReason, type UrgingNotice } from '../utils/notice';
import { NoticeActions } from './NoticeActions';
import { NoticeDetails } from './NoticeDetails';
import { NoticeStageTag } from './NoticeStageTag';
import { UrgingColourTag } from './UrgingColourTag';

export interface NoticeTableProps {
  notices: UrgingNotice[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  showUnit?: boolean;
  onPage: (page: number) => void;
  acknowledging: boolean;
  acknowledge: (id: string) => Promise<unknown>;
  onAnswer: (notice: UrgingNotice) => void;
}

/** A page of notices: level and number, task, reason, deadline, stage; details on expand. */
export function NoticeTable({
  notices,
  total,
  page,
  pageSize,
  loading,
  showUnit = false,
  onPage,
  acknowledging,
  acknowledge,
  onAnswer,
}: NoticeTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columns: TableProps<UrgingNotice>['columns'] = [
    {
      key: 'number',
      title: t('urging.fields.number'),
      width: 210,
      render: (_, n) => (
        <Flex vertical gap={4} align="flex-start">
          <UrgingColourTag colour={n.colour} />
          <Typography.Text>{n.number}</Typography.Text>
        </Flex>
      ),
    },
    ...(showUnit
      ? [
          {
            key: 'unit',
            title: t('urging.fields.unit'),
            width: 140,
            render: (_: unknown, n: UrgingNotice) => n.unitName,
          },
        ]
      : []),
    {
      key: 'task',
      title: t('urging.fields.task'),
      render: (_, n) => (
        <Flex vertical gap={2}>
          <AppLink to={`/tasks/${n.taskId}`}>{n.dutySubject}</AppLink>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {isReason(n.reasonCode) ? t(`urging.reasons.${n.reasonCode}`) : n.reasonCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'answerDue',
      title: t('urging.fields.answerDue'),
      width: 150,
      render: (_, n) => (
        <Typography.Text type={n.answerOverdue ? 'danger' : undefined}>
          {formatDay(n.answerDue, language)}
        </Typography.Text>
      ),
    },
    {
      key: 'state',
      title: t('urging.fields.state'),
      width: 200,
      render: (_, n) => (
        <Flex vertical gap={4} align="flex-start">
          <NoticeStageTag notice={n} />
          <NoticeActions
            notice={n}
            acknowledging={acknowledging}
            acknowledge={acknowledge}
            onAnswer={onAnswer}
          />
        </Flex>
      ),
    },
  ];
  return (
    <Table<UrgingNotice>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={notices}
      loading={loading}
      scroll={{ x: 760 }}
      expandable={{ expandedRowRender: (n) => <NoticeDetails notice={n} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: false,
        onChange: onPage,
      }}
      locale={{ emptyText: t('urging.unitList.empty') }}
    />
  );
}
