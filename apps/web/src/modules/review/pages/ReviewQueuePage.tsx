import { CheckOutlined, ReloadOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Pagination,
  Row,
  Segmented,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { AppError } from '../../../graphql/errors';
import { useCycles } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { BulkReturnModal } from '../components/BulkReturnModal';
import { ReviewEvidencePanel } from '../components/ReviewEvidencePanel';
import { ReviewQueueList } from '../components/ReviewQueueList';
import { ReviewTaskPanel } from '../components/ReviewTaskPanel';
import { VerifyConfirmModal, type ConfirmItem } from '../components/VerifyConfirmModal';
import { refusedTaskId, useBulkDecision } from '../hooks/useBulkDecision';
import { useReviewDecision, type Decision } from '../hooks/useReviewDecision';
import { useReviewQueue, type QueueTask } from '../hooks/useReviewQueue';
import { useReviewTask } from '../hooks/useReviewTask';
import { isTypingTarget, moveSelection, nextAfter } from '../utils/queue';
import {
  PAGE_SIZES,
  firstLine,
  queueUrl,
  readQueueParams,
  type QueueOrder,
  type QueueParams,
} from '../utils/queueParams';

/** Queue and detail share the screen height (1366×768 included); each scrolls on its own. */
const PANE_HEIGHT = 'calc(100vh - 300px)';

/** 审核队列: submitted tasks a page at a time, verified or returned one by one or in bulk. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const requestedCycle = search.get('cycleId');
  const cycles = useCycles(requestedCycle);
  const cycleId = cycles.cycle?.id;
  // The queue is asked for at once, next to the cycles: the cycle in the address, or (none, or
  // one that does not exist) the server's current cycle — the rule useCycles follows as well.
  const requestedMissing =
    cycles.loaded && !!requestedCycle && !cycles.cycles.some((c) => c.id === requestedCycle);
  const queueCycle = (!requestedMissing && requestedCycle) || undefined;
  const searchKey = search.toString();
  const params = useMemo(() => readQueueParams(new URLSearchParams(searchKey)), [searchKey]);
  const go = useCallback(
    (next: Partial<QueueParams>) =>
      navigate(queueUrl(requestedCycle ?? undefined, { ...params, page: 1, ...next })),
    [requestedCycle, params],
  );

  let content: React.ReactNode;
  if (cycles.loaded && cycles.cycles.length === 0) {
    content = <Empty description={t('review.noCycles')} />;
  } else {
    content = (
      <ReviewWorkspace key={queueCycle ?? 'current'} cycleId={queueCycle} params={params} go={go} />
    );
  }

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
              onChange={(next) => next && navigate(queueUrl(next, { ...params, page: 1 }))}
            />
          </Form.Item>
        )}
      </Flex>
      {cycles.error && <QueryErrorAlert error={cycles.error} onRetry={cycles.retry} />}
      {content}
    </Flex>
  );
}

/** A task a decision is taken on: its identity, state and the row version it was read at. */
type DecisionTarget = Pick<QueueTask, 'id' | 'rowVersion' | 'status' | 'unit' | 'article'>;

/** What the confirmation or the bulk-return dialog is about. */
type Pending =
  { kind: 'verify'; items: QueueTask[]; single: boolean } | { kind: 'return'; items: QueueTask[] };

function ReviewWorkspace({
  cycleId,
  params,
  go,
}: {
  /** undefined: the current cycle (the server chooses it). */
  cycleId: string | undefined;
  params: QueueParams;
  go: (next: Partial<QueueParams>) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queue = useReviewQueue({ cycleId, ...params });
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [returning, setReturning] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [bulkFailure, setBulkFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const ids = queue.tasks.map((task) => task.id);
  // The first task when nothing (or a task no longer on the page) is chosen.
  const shownId = selectedId && ids.includes(selectedId) ? selectedId : ids[0];
  const shownTask = queue.tasks.find((task) => task.id === shownId);
  const detail = useReviewTask(shownId);
  const { decide, deciding } = useReviewDecision();
  const { decideAll, deciding: decidingAll } = useBulkDecision();
  // Another page, search or order is another set of tasks: nothing stays ticked across it.
  const queryKey = `${params.search}|${params.order}|${params.page}|${params.pageSize}`;
  const lastQueryKey = useRef(queryKey);
  useEffect(() => {
    if (lastQueryKey.current === queryKey) return;
    lastQueryKey.current = queryKey;
    setChecked(new Set());
  }, [queryKey]);
  // A page emptied by decisions (e.g. the last page) moves to the last page there is.
  const lastPage = Math.max(1, Math.ceil(queue.totalCount / params.pageSize));
  useEffect(() => {
    if (queue.current && !queue.loading && params.page > lastPage) go({ page: lastPage });
  }, [go, lastPage, params.page, queue]);

  const select = useCallback((taskId: string | undefined) => {
    setSelectedId(taskId);
    setReturning(false);
    setFailure(undefined);
  }, []);

  /** Decides on `task`: the item confirmed in the dialog, or the task open in the panel. */
  const act = useCallback(
    async (task: DecisionTarget | undefined, decision: Decision) => {
      if (!task || task.status !== 'SUBMITTED' || deciding) return;
      const error = await decide(task, decision);
      setPending(undefined);
      if (!error) {
        const label = { unit: task.unit.name, number: task.article.number };
        void message.success(
          decision.kind === 'verify'
            ? t('review.actions.verified', label)
            : t('review.actions.returned', label),
        );
        setConflict(false);
        select(nextAfter(ids, task.id));
        setChecked((s) => without(s, [task.id]));
        queue.reload();
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

  const askVerify = useCallback(() => {
    if (!shownTask || detail.task?.status !== 'SUBMITTED' || deciding || pending) return;
    setPending({ kind: 'verify', items: [shownTask], single: true });
  }, [deciding, detail.task, pending, shownTask]);

  const checkedTasks = queue.tasks.filter((task) => checked.has(task.id));

  const actOnChecked = async (decision: Decision) => {
    const items = pending?.items ?? [];
    if (items.length === 0) return;
    const error = await decideAll(items, decision);
    if (!error) {
      setPending(undefined);
      setBulkFailure(undefined);
      void message.success(
        decision.kind === 'verify'
          ? t('review.bulk.verified', { count: items.length })
          : t('review.bulk.returned', { count: items.length }),
      );
      setChecked(new Set());
      queue.reload();
      if (shownId && items.some((task) => task.id === shownId)) detail.refetch();
      return;
    }
    setPending(undefined);
    // All or nothing: say which task the server refused, reload the page, untick that one.
    const refusedId = refusedTaskId(error);
    const refused = items.find((task) => task.id === refusedId);
    const what = refused
      ? t('review.bulk.refusedItem', {
          unit: refused.unit.name,
          number: refused.article.number,
          duty: firstLine(refused.duty.text) || refused.duty.subject,
        })
      : '';
    setBulkFailure(
      t(error.code === 'CONFLICT' ? 'review.bulk.conflict' : 'review.bulk.refused', {
        what,
        reason: errorText(error),
      }),
    );
    if (refusedId) setChecked((s) => without(s, [refusedId]));
    queue.reload();
    if (refusedId && refusedId === shownId) detail.refetch();
  };

  // Shortcuts: J / K next / previous, V verify (after confirmation), R return (never while typing).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (pending) return;
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        select(moveSelection(ids, shownId, key === 'j' ? 1 : -1));
      } else if (key === 'v' && !returning) {
        event.preventDefault();
        askVerify();
      } else if (key === 'r' && detail.task?.status === 'SUBMITTED') {
        event.preventDefault();
        setReturning(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [askVerify, detail.task, ids, pending, returning, select, shownId]);

  const firstLoad = queue.loading && !queue.current && queue.tasks.length === 0;
  if (firstLoad && !params.search) return <PageLoading rows={8} />;
  if (queue.error && queue.tasks.length === 0 && !queue.loading) {
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
  const bulkAlert = bulkFailure && (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: () => setBulkFailure(undefined) }}
      title={t('review.bulk.failed')}
      description={bulkFailure}
    />
  );

  const toolbar = (
    <Flex gap="small" wrap align="center">
      <SearchBox
        key={params.search}
        initial={params.search}
        onSearch={(value) => go({ search: value.trim() })}
      />
      <Segmented<QueueOrder>
        aria-label={t('review.queue.order')}
        value={params.order}
        onChange={(order) => go({ order })}
        options={[
          { value: 'newest', label: t('review.queue.newest') },
          { value: 'oldest', label: t('review.queue.oldest') },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('review.shortcuts')}
      </Typography.Text>
    </Flex>
  );

  const empty = queue.current && !queue.loading && queue.totalCount === 0;
  if (empty) {
    return (
      <Flex vertical gap="middle">
        {toolbar}
        {conflictAlert}
        {bulkAlert}
        <Card>
          <Empty
            description={
              params.search
                ? t('review.queue.noMatch', { search: params.search })
                : t('review.queue.empty')
            }
          >
            {!params.search && (
              <Typography.Paragraph type="secondary">
                {t('review.queue.emptyHint')}
              </Typography.Paragraph>
            )}
            {reloadButton}
          </Empty>
        </Card>
      </Flex>
    );
  }

  const allChecked = queue.tasks.length > 0 && queue.tasks.every((task) => checked.has(task.id));
  const someChecked = checkedTasks.length > 0;
  const busy = deciding || decidingAll;

  return (
    <Flex vertical gap="small">
      {toolbar}
      {conflictAlert}
      {bulkAlert}
      {queue.error && <QueryErrorAlert error={queue.error} onRetry={queue.reload} />}
      <Row gutter={[12, 12]} wrap={false}>
        <Col flex="380px" style={{ minWidth: 300 }}>
          <Card
            size="small"
            title={t('review.queue.count', { count: queue.totalCount })}
            extra={reloadButton}
            styles={{ body: { padding: 4 } }}
          >
            <Flex
              gap="small"
              align="center"
              wrap
              style={{ padding: '4px 8px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
            >
              <Checkbox
                checked={allChecked}
                indeterminate={someChecked && !allChecked}
                onChange={(event) =>
                  setChecked(event.target.checked ? new Set(ids) : new Set<string>())
                }
              >
                {t('review.bulk.selectPage')}
              </Checkbox>
              {someChecked && (
                <>
                  <Typography.Text type="secondary">
                    {t('review.bulk.selected', { count: checkedTasks.length })}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined />}
                    disabled={busy}
                    onClick={() =>
                      setPending({ kind: 'verify', items: checkedTasks, single: false })
                    }
                  >
                    {t('review.bulk.verify')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<RollbackOutlined />}
                    disabled={busy}
                    onClick={() => setPending({ kind: 'return', items: checkedTasks })}
                  >
                    {t('review.bulk.return')}
                  </Button>
                </>
              )}
            </Flex>
            <div
              aria-busy={queue.loading}
              style={{
                maxHeight: PANE_HEIGHT,
                overflowY: 'auto',
                opacity: queue.loading && !queue.current ? 0.6 : 1,
              }}
            >
              {queue.tasks.length === 0 ? (
                <PageLoading rows={6} />
              ) : (
                <ReviewQueueList
                  tasks={queue.tasks}
                  shownId={shownId}
                  onShow={select}
                  checkedIds={checked}
                  onCheck={(taskId, on) =>
                    setChecked((s) => (on ? new Set([...s, taskId]) : without(s, [taskId])))
                  }
                />
              )}
            </div>
            <Flex justify="center" style={{ padding: '8px 4px 4px' }}>
              <Pagination
                size="small"
                current={Math.min(params.page, lastPage)}
                pageSize={params.pageSize}
                total={queue.totalCount}
                showSizeChanger
                pageSizeOptions={PAGE_SIZES.map(String)}
                showLessItems
                onChange={(page, pageSize) =>
                  pageSize !== params.pageSize ? go({ pageSize }) : go({ page })
                }
              />
            </Flex>
          </Card>
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
                    onVerify={askVerify}
                    onStartReturn={() => setReturning(true)}
                    onReturn={(reason) => void act(detail.task, { kind: 'return', reason })}
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
      <VerifyConfirmModal
        open={pending?.kind === 'verify'}
        items={(pending?.items ?? []) as ConfirmItem[]}
        confirming={busy}
        onConfirm={() => {
          if (pending?.kind !== 'verify') return;
          // The task named in the dialog, whatever the panel shows by now.
          if (pending.single) void act(pending.items[0], { kind: 'verify' });
          else void actOnChecked({ kind: 'verify' });
        }}
        onCancel={() => setPending(undefined)}
      />
      <BulkReturnModal
        open={pending?.kind === 'return'}
        items={(pending?.items ?? []) as ConfirmItem[]}
        submitting={decidingAll}
        onSubmit={(reason) => void actOnChecked({ kind: 'return', reason })}
        onCancel={() => setPending(undefined)}
      />
    </Flex>
  );
}

/** The queue's search box; keyed by the search in the address, so it shows what was searched. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  return (
    <Input.Search
      aria-label={t('review.queue.search')}
      placeholder={t('review.queue.searchPlaceholder')}
      allowClear
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.target.value)}
      onSearch={onSearch}
      style={{ width: 320, maxWidth: '100%' }}
    />
  );
}

function without(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}
