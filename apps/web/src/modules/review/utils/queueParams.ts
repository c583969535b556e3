/** Submission time, newest or oldest first. */
export type QueueOrder = 'newest' | 'oldest';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** What the queue shows, as kept in the address (a bookmark or reload keeps it). */
export interface QueueParams {
  search: string;
  order: QueueOrder;
  page: number;
  pageSize: number;
}

/** The queue's settings from the address; anything unknown falls back to the default. */
export function readQueueParams(search: URLSearchParams): QueueParams {
  const page = Number(search.get('page'));
  const size = Number(search.get('size'));
  return {
    search: (search.get('q') ?? '').slice(0, 100),
    order: search.get('order') === 'oldest' ? 'oldest' : 'newest',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The address of the queue with these settings (defaults left out). */
export function queueUrl(cycleId: string | undefined, params: QueueParams): string {
  const query = new URLSearchParams();
  if (cycleId) query.set('cycleId', cycleId);
  if (params.search.trim()) query.set('q', params.search.trim());
  if (params.order !== 'newest') query.set('order', params.order);
  if (params.page > 1) query.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) query.set('size', String(params.pageSize));
  const text = query.toString();
  return `/review${text ? `?${text}` : ''}`;
}

/** The first line of a duty's statement (the text that tells duties of one article apart). */
export function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((line) => line.trim()) ?? '').trim();
}
