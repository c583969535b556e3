import { Checkbox, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { personText } from '../../../components/PersonName';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { QueueTask } from '../hooks/useReviewQueue';
import { moveSelection } from '../utils/queue';
import { firstLine } from '../utils/queueParams';

/** Two lines of the duty's text, then an ellipsis (the full text is in the title and panel). */
const DUTY_STYLE: React.CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  fontSize: 13,
  marginBottom: 2,
};

const itemId = (taskId: string) => `review-task-${taskId}`;

/**
 * One page of waiting tasks. Each is told apart by unit, article and the duty's own text (one
 * article holds several duties) with its lead department; a checkbox picks it for a bulk
 * action, a click (or ↑/↓, Home/End) opens it. The open one is kept in view.
 */
export function ReviewQueueList({
  tasks,
  shownId,
  onShow,
  checkedIds,
  onCheck,
}: {
  tasks: QueueTask[];
  shownId: string | undefined;
  onShow: (taskId: string) => void;
  checkedIds: ReadonlySet<string>;
  onCheck: (taskId: string, checked: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = tasks.map((task) => task.id);

  useEffect(() => {
    if (!shownId) return;
    document.getElementById(itemId(shownId))?.scrollIntoView?.({ block: 'nearest' });
  }, [shownId]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, () => string | undefined> = {
      ArrowDown: () => moveSelection(ids, shownId, 1),
      ArrowUp: () => moveSelection(ids, shownId, -1),
      Home: () => ids[0],
      End: () => ids.at(-1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move();
    if (!next) return;
    onShow(next);
    document.getElementById(itemId(next))?.focus();
  };

  return (
    <ul
      aria-label={t('review.queue.label')}
      onKeyDown={onKeyDown}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {tasks.map((task) => {
        const shown = task.id === shownId;
        const duty = firstLine(task.duty.text) || task.duty.subject;
        const label = t('review.queue.itemLabel', {
          unit: task.unit.name,
          number: task.article.number,
          duty,
        });
        return (
          <li
            key={task.id}
            data-task-id={task.id}
            style={{
              display: 'flex',
              gap: 8,
              alignItems: 'flex-start',
              padding: '8px 8px 8px 10px',
              marginBottom: 2,
              borderRadius: 6,
              borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
              background: shown ? 'rgba(22, 119, 255, 0.1)' : undefined,
              borderInlineStart: shown ? '3px solid #1677ff' : '3px solid transparent',
            }}
          >
            <Checkbox
              checked={checkedIds.has(task.id)}
              onChange={(event) => onCheck(task.id, event.target.checked)}
              aria-label={t('review.bulk.select', { label })}
              style={{ marginTop: 2 }}
            />
            <button
              type="button"
              id={itemId(task.id)}
              aria-current={shown ? 'true' : undefined}
              onClick={() => onShow(task.id)}
              style={{
                all: 'unset',
                cursor: 'pointer',
                minWidth: 0,
                flex: 1,
                outlineOffset: 2,
              }}
            >
              <span style={{ display: 'block' }}>
                <Typography.Text strong>{task.unit.name}</Typography.Text>{' '}
                <Typography.Text>
                  {t('review.queue.article', { number: task.article.number })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' · '}
                  {task.leadDepartment.name}
                </Typography.Text>
              </span>
              <span title={duty} style={DUTY_STYLE}>
                {duty}
              </span>
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12 }}
                title={task.submitter?.username}
              >
                {t('review.queue.submitted', {
                  by: personText(task.submitter),
                  at: task.submittedAt ? formatDateTime(task.submittedAt, i18n.language) : '',
                })}
              </Typography.Text>
              {task.returnCount > 0 && (
                <Tag color="orange" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {t('review.queue.returnedBefore', { count: task.returnCount })}
                </Tag>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
