import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { AppQueryResult } from '../hooks/useAppQuery';

export interface QueryBlockProps<TData> {
  query: AppQueryResult<TData>;
  /** Whether the loaded data has nothing to show. */
  isEmpty?: (data: TData) => boolean;
  emptyText: string;
  rows?: number;
  children: (data: TData) => ReactNode;
}

/** The loading, error and empty states of one block of a page, then its content. */
export function QueryBlock<TData>({
  query,
  isEmpty,
  emptyText,
  rows = 4,
  children,
}: QueryBlockProps<TData>) {
  const { data, loading, error, retry } = query;
  if (error && !loading) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!data) return <PageLoading rows={rows} />;
  if (isEmpty?.(data)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  }
  return <Spin spinning={loading}>{children(data)}</Spin>;
}
