import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskHistoryEvent } from '../graphql/types';
import { formatDay } from '../utils/format';
import { useReassignHistoryText } from './useReassignHistoryText';
import { useCommentHistoryText } from './useCommentHistoryText';
import {
  changedFields,
  eventValue,
  isHistoryKind,
  statusAfter,
  statusBefore,
} from '../utils/history';

/** `(event) => sentence`: what a history event did, in the UI language. */
export function useHistoryText() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const assignmentText = useReassignHistoryText();
  const collabText = useCommentHistoryText();
  return useCallback(
    (event: TaskHistoryEvent): string => {
      const day = (value: string | undefined) =>
        value ? formatDay(value, language) : t('common.unknown');
      const fileName = () =>
        eventValue(event, 'after', 'fileName') ?? eventValue(event, 'before', 'fileName') ?? '';
      const assignment = assignmentText(event);
      if (assignment) return assignment;
      const collab = collabText(event);
      if (collab) return collab;
      if (!isHistoryKind(event.kind)) return t('tasks.history.kinds.other', { kind: event.kind });
      switch (event.kind) {
        case 'created':
          return t('tasks.history.kinds.created', {
            dueDate: day(eventValue(event, 'after', 'dueDate')),
          });
        case 'updated': {
          const fields = changedFields(event).map((f) => t(`tasks.history.fields.${f}`));
          return fields.length
            ? t('tasks.history.kinds.updated', {
                fields: fields.join(t('tasks.history.separator')),
              })
            : t('tasks.history.kinds.updatedNothing');
        }
        case 'status': {
          const to = statusAfter(event);
          const from = statusBefore(event);
          const toText = to ? t(`tasks.status.${to}`) : t('common.unknown');
          return from
            ? t('tasks.history.kinds.status', { from: t(`tasks.status.${from}`), to: toText })
            : t('tasks.history.kinds.statusTo', { to: toText });
        }
        case 'extension_requested':
          return t('tasks.history.kinds.extension_requested', {
            date: day(eventValue(event, 'after', 'requestedDueDate')),
          });
        case 'extension_decided':
          return eventValue(event, 'after', 'decision') === 'approved'
            ? t('tasks.history.kinds.extension_approved', {
                date: day(eventValue(event, 'after', 'dueDate')),
              })
            : t('tasks.history.kinds.extension_refused');
        case 'contribution':
          return t('tasks.history.kinds.contribution');
        case 'evidence_added':
        case 'evidence_replaced':
        case 'evidence_withdrawn':
          return t(`tasks.history.kinds.${event.kind}`, { name: fileName() });
        case 'retired':
        case 'restored':
        case 'duty_followed':
          return t(`tasks.history.kinds.${event.kind}`);
        case 'urging_issued':
        case 'urging_acknowledged':
        case 'urging_answered': {
          const colour = eventValue(event, 'after', 'colour');
          return t(`tasks.history.kinds.${event.kind}`, {
            number: eventValue(event, 'after', 'number') ?? '',
            colour: colour ? t(`tasks.history.urgingColour.${colour}`, colour) : '',
          });
        }
        case 'due_date':
          return t('tasks.history.kinds.due_date', {
            from: day(eventValue(event, 'before', 'dueDate')),
            to: day(eventValue(event, 'after', 'dueDate')),
          });
      }
    },
    [t, language, assignmentText, collabText],
  );
}
