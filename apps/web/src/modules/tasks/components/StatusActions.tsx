import { App, Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import type { TaskDetail, TaskStatus } from '../graphql/types';
import { transitionAction, transitionNeedsReason } from '../utils/taskStatus';
import { ReasonModal } from './ReasonModal';

export interface StatusActionsProps {
  task: TaskDetail;
  changing: boolean;
  changeStatus: (
    expectedRowVersion: number,
    status: TaskStatus,
    reason?: string,
  ) => Promise<unknown>;
  /** Reload after a failure (e.g. someone else changed the task meanwhile). */
  onReload: () => Promise<void>;
}

/** The status transitions this user may make now (`capabilities.transitions`). */
export function StatusActions({ task, changing, changeStatus, onReload }: StatusActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [asking, setAsking] = useState<TaskStatus>();
  const transitions = task.retiredAt ? [] : task.capabilities.transitions;

  const run = async (to: TaskStatus, reason?: string) => {
    try {
      await changeStatus(task.rowVersion, to, reason);
      setAsking(undefined);
      void message.success(t('tasks.actions.done', { status: t(`tasks.status.${to}`) }));
    } catch (thrown) {
      const error = toAppError(thrown);
      void message.error(errorText(error));
      if (error.code === 'CONFLICT') await onReload();
    }
  };

  if (transitions.length === 0) {
    return <Typography.Text type="secondary">{t('tasks.actions.none')}</Typography.Text>;
  }

  const submitBlocked = !task.progressNote.trim() || task.evidenceCount === 0;
  const askingAction = asking ? transitionAction(task.status, asking) : undefined;

  return (
    <Flex gap="small" wrap>
      {transitions.map((to) => {
        const action = transitionAction(task.status, to);
        const label = t(`tasks.actions.${action}`);
        const danger = action === 'return' || action === 'reopen';
        if (transitionNeedsReason(task.status, to)) {
          return (
            <Button key={to} danger={danger} onClick={() => setAsking(to)} disabled={changing}>
              {label}
            </Button>
          );
        }
        if (action === 'submit' || action === 'verify') {
          const blocked = action === 'submit' && submitBlocked;
          const button = (
            <Button type="primary" disabled={changing || blocked} loading={changing}>
              {label}
            </Button>
          );
          if (blocked) {
            return (
              <Tooltip key={to} title={t('tasks.actions.submitNeeds')}>
                {button}
              </Tooltip>
            );
          }
          return (
            <Popconfirm
              key={to}
              title={label}
              description={t(
                action === 'submit' ? 'tasks.actions.confirmSubmit' : 'tasks.actions.confirmVerify',
              )}
              okText={t('tasks.actions.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => run(to)}
            >
              {button}
            </Popconfirm>
          );
        }
        return (
          <Button key={to} onClick={() => void run(to)} loading={changing}>
            {label}
          </Button>
        );
      })}
      <ReasonModal
        open={!!asking}
        title={t(
          askingAction === 'reopen'
            ? 'tasks.actions.reasonTitleReopen'
            : 'tasks.actions.reasonTitleReturn',
        )}
        okText={askingAction ? t(`tasks.actions.${askingAction}`) : ''}
        placeholder={t(
          askingAction === 'reopen'
            ? 'tasks.actions.reasonPlaceholderReopen'
            : 'tasks.actions.reasonPlaceholderReturn',
        )}
        confirming={changing}
        onConfirm={(reason) => asking && void run(asking, reason)}
        onCancel={() => setAsking(undefined)}
      />
    </Flex>
  );
}
