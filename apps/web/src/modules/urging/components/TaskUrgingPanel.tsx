import { Button, Card, Collapse, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { UrgingTaskDocument } from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { useUrgingActions } from '../hooks/useUrgingActions';
import type { UrgingNotice } from '../utils/notice';
import { AnswerNoticeModal } from './AnswerNoticeModal';
import { IssueNoticeModal } from './IssueNoticeModal';
import { NoticeActions } from './NoticeActions';
import { NoticeDetails } from './NoticeDetails';
import { NoticeStageTag } from './NoticeStageTag';
import { UrgingColourTag } from './UrgingColourTag';

/**
 * 督办单 on the task page: the task's notices (open first, newest first) with 签收 / 反馈 for the
 * task's operator, and 签发督办单 for the task's supervisors.
 */
export function TaskUrgingPanel({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const query = useAppQuery(UrgingTaskDocument, { taskId });
  const actions = useUrgingActions(query.retry);
  const [issueOpen, setIssueOpen] = useState(false);
  const [answering, setAnswering] = useState<UrgingNotice>();
  const urging = query.data?.taskUrging;
  const notices = urging?.notices ?? [];
  const open = notices.filter((n) => !n.closedAt);

  let body;
  if (query.error && !query.loading) {
    body = <QueryErrorAlert error={query.error} onRetry={query.retry} />;
  } else if (!urging) {
    body = <PageLoading rows={2} />;
  } else if (notices.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('urging.panel.empty')} />;
  } else {
    body = (
      <Collapse
        size="small"
        defaultActiveKey={open.map((n) => n.id)}
        items={notices.map((n) => ({
          key: n.id,
          label: (
            <Flex gap="small" align="center" wrap>
              <UrgingColourTag colour={n.colour} />
              <Typography.Text strong>{n.number}</Typography.Text>
              <NoticeStageTag notice={n} />
            </Flex>
          ),
          extra: (
            <div onClick={(e) => e.stopPropagation()}>
              <NoticeActions
                notice={n}
                acknowledging={actions.acknowledging}
                acknowledge={actions.acknowledge}
                onAnswer={setAnswering}
              />
            </div>
          ),
          children: <NoticeDetails notice={n} />,
        }))}
      />
    );
  }

  return (
    <Card
      title={t('urging.panel.title')}
      data-testid="task-urging-panel"
      extra={
        urging?.canIssue ? (
          <Button danger onClick={() => setIssueOpen(true)} disabled={urging.openColour === 'RED'}>
            {t('urging.panel.issue')}
          </Button>
        ) : undefined
      }
    >
      {body}
      <IssueNoticeModal
        open={issueOpen}
        taskId={taskId}
        openColour={urging?.openColour ?? null}
        issuing={actions.issuing}
        issue={actions.issue}
        onClose={() => setIssueOpen(false)}
      />
      <AnswerNoticeModal
        notice={answering}
        answering={actions.answering}
        answer={actions.answer}
        onClose={() => setAnswering(undefined)}
      />
    </Card>
  );
}
