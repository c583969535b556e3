import type { TaskStatus } from '../../../graphql/generated/graphql';
import type { UnitTask } from '../graphql/types';

export interface ArticleTaskRow {
  task: UnitTask;
  /** Rows the article cell spans: the group's size on its first row, 0 on the others. */
  articleSpan: number;
}

/** Tasks ordered by article, then duty, with the article cell spanning each article's tasks. */
export function tasksByArticle(tasks: readonly UnitTask[]): ArticleTaskRow[] {
  const sorted = [...tasks].sort(
    (a, b) =>
      a.article.number - b.article.number ||
      a.duty.subject.localeCompare(b.duty.subject, 'zh-CN') ||
      a.id.localeCompare(b.id),
  );
  return sorted.map((task, i) => {
    if (i > 0 && sorted[i - 1].article.number === task.article.number) {
      return { task, articleSpan: 0 };
    }
    let span = 1;
    while (sorted[i + span]?.article.number === task.article.number) span += 1;
    return { task, articleSpan: span };
  });
}

export const STATUS_ORDER: readonly TaskStatus[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'RETURNED',
  'SUBMITTED',
  'VERIFIED',
];

/** How many of the tasks have each status. */
export function statusCounts(tasks: readonly UnitTask[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of tasks) counts[task.status] += 1;
  return counts;
}

/** Chapter titles by number, from the tasks' articles. */
export function chapterTitles(tasks: readonly UnitTask[]): Map<number, string> {
  return new Map(tasks.map((t) => [t.article.chapter.number, t.article.chapter.title]));
}
