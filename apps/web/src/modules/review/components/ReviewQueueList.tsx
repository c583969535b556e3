import { Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { QueueTask } from '../hooks/useReviewQueue';
import { moveSelection } from '../utils/queue';

const optionId = (taskId: string) => `review-task-${taskId}`;

/**
 * The waiting tasks as a listbox: click or ↑/↓ (Home/End) to choose; the chosen one is kept in
 * view.
 */
export function ReviewQueueList({
  tasks,
  selectedId,
  onSelect,
}: {
  tasks: QueueTask[];
  selectedId: string | undefined;
  onSelect: (taskId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const ids = tasks.map((task) => task.id);

  useEffect(() => {
    if (!selectedId) return;
    const element = document.getElementById(optionId(selectedId));
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, () => string | undefined> = {
      ArrowDown: () => moveSelection(ids, selectedId, 1),
      ArrowUp: () => moveSelection(ids, selectedId, -1),
      Home: () => ids[0],
      End: () => ids.at(-1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move();
    if (next) onSelect(next);
  };

  return (
    <div
      ref={listRef}
      role="listbox"
      tabIndex={0}
      aria-label={t('review.queue.label')}
      aria-activedescendant={selectedId ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
      style={{ outlineOffset: 2 }}
    >
      {tasks.map((task) => {
        const selected = task.id === selectedId;
        return (
          <div
            key={task.id}
            id={optionId(task.id)}
            role="option"
            aria-selected={selected}
            onClick={() => onSelect(task.id)}
            style={{
              cursor: 'pointer',
              padding: '8px 12px',
              marginBottom: 2,
              borderRadius: 6,
              borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
              background: selected ? 'rgba(22, 119, 255, 0.1)' : undefined,
              borderInlineStart: selected ? '3px solid #1677ff' : '3px solid transparent',
            }}
          >
            <div style={{ minWidth: 0, width: '100%' }}>
              <Typography.Text strong>{task.unit.name}</Typography.Text>{' '}
              <Typography.Text>
                {t('review.queue.article', { number: task.article.number })}
              </Typography.Text>
              <Typography.Paragraph
                ellipsis={{ rows: 2 }}
                style={{ marginBottom: 2, fontSize: 13 }}
                title={task.duty.subject}
              >
                {task.duty.subject}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('review.queue.submitted', {
                  by: task.updatedBy,
                  at: formatDateTime(task.updatedAt, i18n.language),
                })}
              </Typography.Text>
              {task.returnCount > 0 && (
                <Tag color="orange" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {t('review.queue.returnedBefore', { count: task.returnCount })}
                </Tag>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
