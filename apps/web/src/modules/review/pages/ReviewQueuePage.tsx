import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Row, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { AppError } from '../../../graphql/errors';
import { useCycles } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { ReviewEvidencePanel } from '../components/ReviewEvidencePanel';
import { ReviewQueueList } from '../components/ReviewQueueList';
import { ReviewTaskPanel } from '../components/ReviewTaskPanel';
import { useReviewDecision, type Decision } from '../hooks/useReviewDecision';
import { useReviewQueue, type QueueTask } from '../hooks/useReviewQueue';
import { useReviewTask } from '../hooks/useReviewTask';
import { isTypingTarget, moveSelection, nextAfter } from '../utils/queue';

/** Queue and detail share the screen height (1366×768 included); each scrolls on its own. */
const PANE_HEIGHT = 'calc(100vh - 250px)';

/** 审核队列: submitted tasks, oldest first, verified or returned one after another. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const cycles = useCycles(search.get('cycleId'));
  const cycleId = cycles.cycle?.id;

  let content: React.ReactNode;
  if (cycles.loading && cycles.cycles.length === 0) content = <PageLoading rows={8} />;
  else if (cycles.error) content = <QueryErrorAlert error={cycles.error} onRetry={cycles.retry} />;
  else if (!cycleId) content = <Empty description={t('review.noCycles')} />;
  else content = <ReviewWorkspace key={cycleId} cycleId={cycleId} />;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="flex-end" gap="middle" wrap>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('review.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('review.subtitle')}
          </Typography.Paragraph>
          <Typography.Text strong>
            {t('review.scope', { unit: user.unit?.name ?? t('review.wholeProvince') })}
          </Typography.Text>
        </div>
        {cycles.cycles.length > 0 && (
          <Form.Item label={t('review.cycle')} htmlFor="review-cycle" style={{ marginBottom: 0 }}>
            <CycleSelect
              id="review-cycle"
              cycles={cycles.cycles}
              value={cycleId}
              onChange={(next) => next && navigate(`/review?cycleId=${encodeURIComponent(next)}`)}
            />
          </Form.Item>
        )}
      </Flex>
      {content}
    </Flex>
  );
}

function ReviewWorkspace({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queue = useReviewQueue(cycleId);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [returning, setReturning] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const ids = queue.tasks.map((task) => task.id);
  // The first task when nothing (or a task no longer waiting) is chosen.
  const shownId = selectedId && ids.includes(selectedId) ? selectedId : ids[0];
  const detail = useReviewTask(shownId);
  const { decide, deciding } = useReviewDecision();

  const select = useCallback((taskId: string | undefined) => {
    setSelectedId(taskId);
    setReturning(false);
    setFailure(undefined);
  }, []);

  const act = useCallback(
    async (decision: Decision) => {
      const task = detail.task;
      if (!task || task.status !== 'SUBMITTED' || deciding) return;
      const error = await decide(task, decision);
      if (!error) {
        const label = { unit: task.unit.name, number: task.article.number };
        void message.success(
          decision.kind === 'verify'
            ? t('review.actions.verified', label)
            : t('review.actions.returned', label),
        );
        setConflict(false);
        select(nextAfter(ids, task.id));
        queue.remove(task.id);
        return;
      }
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        // Someone else acted first: show the queue as it now is.
        setConflict(true);
        setReturning(false);
        queue.reload();
        detail.refetch();
        return;
      }
      setFailure(error);
    },
    [decide, deciding, detail, ids, message, queue, select, t],
  );

  // Shortcuts: J / K next / previous, V verify, R return (never while typing).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        select(moveSelection(ids, shownId, key === 'j' ? 1 : -1));
      } else if (key === 'v' && !returning) {
        event.preventDefault();
        void act({ kind: 'verify' });
      } else if (key === 'r' && detail.task?.status === 'SUBMITTED') {
        event.preventDefault();
        setReturning(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [act, detail.task, ids, returning, select, shownId]);

  if (queue.loading && queue.tasks.length === 0) return <PageLoading rows={8} />;
  if (queue.error && queue.tasks.length === 0) {
    return <QueryErrorAlert error={queue.error} onRetry={queue.reload} />;
  }

  const reloadButton = (
    <Button size="small" icon={<ReloadOutlined />} onClick={queue.reload} loading={queue.loading}>
      {t('review.queue.refresh')}
    </Button>
  );
  const conflictAlert = conflict && (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => setConflict(false) }}
      title={t('review.actions.conflict')}
    />
  );

  if (queue.tasks.length === 0) {
    return (
      <Flex vertical gap="middle">
        {conflictAlert}
        <Card>
          <Empty description={t('review.queue.empty')}>
            <Typography.Paragraph type="secondary">
              {t('review.queue.emptyHint')}
            </Typography.Paragraph>
            {reloadButton}
          </Empty>
        </Card>
      </Flex>
    );
  }

  return (
    <Flex vertical gap="small">
      {conflictAlert}
      {queue.error && <QueryErrorAlert error={queue.error} onRetry={queue.reload} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('review.shortcuts')}
      </Typography.Text>
      <Row gutter={[12, 12]} wrap={false}>
        <Col flex="300px" style={{ minWidth: 260 }}>
          <QueuePane tasks={queue.tasks} total={queue.totalCount} reloadButton={reloadButton}>
            <ReviewQueueList tasks={queue.tasks} selectedId={shownId} onSelect={select} />
          </QueuePane>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {detail.error && !detail.loading ? (
            <QueryErrorAlert error={detail.error} onRetry={detail.refetch} />
          ) : !detail.task ? (
            <Card>
              <PageLoading rows={10} />
            </Card>
          ) : (
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={10} style={{ maxHeight: PANE_HEIGHT, overflowY: 'auto' }}>
                <Flex vertical gap="small">
                  {failure && (
                    <Alert
                      type="error"
                      showIcon
                      title={t('review.actions.failed')}
                      description={errorText(failure)}
                    />
                  )}
                  <ReviewTaskPanel
                    task={detail.task}
                    returning={returning}
                    deciding={deciding}
                    onVerify={() => void act({ kind: 'verify' })}
                    onStartReturn={() => setReturning(true)}
                    onReturn={(reason) => void act({ kind: 'return', reason })}
                    onCancelReturn={() => setReturning(false)}
                  />
                </Flex>
              </Col>
              <Col xs={24} xl={14}>
                <ReviewEvidencePanel key={detail.task.id} files={detail.task.evidence} />
              </Col>
            </Row>
          )}
        </Col>
      </Row>
    </Flex>
  );
}

function QueuePane({
  tasks,
  total,
  reloadButton,
  children,
}: {
  tasks: QueueTask[];
  total: number;
  reloadButton: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('review.queue.title')}
      extra={reloadButton}
      styles={{ body: { padding: 4, maxHeight: PANE_HEIGHT, overflowY: 'auto' } }}
    >
      <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 8px' }}>
        {t('review.queue.count', { count: total })}
      </Typography.Text>
      {total > tasks.length && (
        <Alert
          type="info"
          style={{ margin: 4 }}
          title={t('review.queue.truncated', { count: tasks.length })}
        />
      )}
      {children}
    </Card>
  );
}
