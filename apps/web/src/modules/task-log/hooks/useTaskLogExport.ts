import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../../../graphql/errors';
import { TaskLogEventsDocument } from '../../../graphql/generated/graphql';
import { useHistoryText } from '../../tasks/hooks/useHistoryText';
import type { TaskEventFilterInput } from '../graphql/types';
import { collectPages, saveTextFile, shanghaiDate, taskLogCsv } from '../utils/taskLogExport';
import { useKindLabel } from './useKindLabel';

export type TaskLogExportState =
  | { kind: 'idle' }
  | { kind: 'running'; loaded: number; total: number }
  | { kind: 'done'; count: number; fileName: string; truncated: boolean; total: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppError };

/**
 * Exports every event matching `filter` (up to EXPORT_LIMIT, the newest) as a CSV file: pages
 * through the query with progress, then saves the file. One export at a time; cancelling or
 * leaving the page stops it between pages.
 */
export function useTaskLogExport(filter: TaskEventFilterInput): {
  state: TaskLogExportState;
  start: () => Promise<void>;
  cancel: () => void;
  /** Forgets the last export's outcome. */
  dismiss: () => void;
} {
  const client = useApolloClient();
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const describe = useHistoryText();
  const [state, setState] = useState<TaskLogExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ kind: 'running', loaded: 0, total: 0 });
    try {
      const collected = await collectPages(
        async (after, first) => {
          const { data, error } = await client.query({
            query: TaskLogEventsDocument,
            variables: { filter, first, after },
            // Thousands of rows read once: keep them out of the cache.
            fetchPolicy: 'no-cache',
          });
          if (!data) throw error ?? new Error('taskEvents: no data');
          return data.taskEvents;
        },
        {
          signal: current.signal,
          onProgress: (loaded, total) => setState({ kind: 'running', loaded, total }),
        },
      );
      if (!collected) return;
      const csv = taskLogCsv(collected.nodes, {
        header: (column) => t(`taskLog.csv.${column}`),
        kind: kindLabel,
        status: (status) => t(`tasks.status.${status}`),
        article: (number) => t('taskLog.articleNumber', { number }),
        describe,
      });
      const fileName = t('taskLog.export.fileName', { date: shanghaiDate() });
      saveTextFile(csv, fileName);
      setState({
        kind: 'done',
        count: collected.nodes.length,
        fileName,
        truncated: collected.truncated,
        total: collected.totalCount,
      });
    } catch (error) {
      if (!current.signal.aborted) setState({ kind: 'failed', error: toAppError(error) });
    } finally {
      if (controller.current === current) controller.current = null;
    }
  }, [client, filter, t, kindLabel, describe]);

  const cancel = useCallback(() => {
    if (!controller.current) return;
    controller.current.abort();
    controller.current = null;
    setState({ kind: 'cancelled' });
  }, []);

  const dismiss = useCallback(() => {
    if (!controller.current) setState({ kind: 'idle' });
  }, []);

  return { state, start, cancel, dismiss };
}
