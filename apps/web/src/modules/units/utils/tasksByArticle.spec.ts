import type { UnitTask } from '../graphql/types';
import { chapterTitles, statusCounts, tasksByArticle } from './tasksByArticle';

const task = (
  id: string,
  article: number,
  subject: string,
  status: UnitTask['status'],
): UnitTask => ({
  __typename: 'Task',
  id,
  status,
  overdue: false,
  dueDate: '2026-12-31',
  evidenceCount: 0,
  notApplicableStatus: null,
  article: {
    __typename: 'Article',
    id: `a-${article}`,
    number: article,
    title: null,
    chapter: {
      __typename: 'Chapter',
      id: `c-${article > 10 ? 2 : 1}`,
      number: article > 10 ? 2 : 1,
      title: article > 10 ? '质量发展' : '总则',
    },
  },
  duty: { __typename: 'Duty', id: `d-${id}`, subject },
  leadDepartment: { __typename: 'Department', id: 'dep', name: '市场监督管理局' },
});

describe('tasksByArticle', () => {
  it('orders by article and spans the article cell over its tasks', () => {
    const rows = tasksByArticle([
      task('t3', 12, 'b', 'VERIFIED'),
      task('t1', 4, '甲', 'NOT_STARTED'),
      task('t2', 12, 'a', 'SUBMITTED'),
      task('t4', 12, 'c', 'SUBMITTED'),
    ]);
    expect(rows.map((r) => [r.task.id, r.articleSpan])).toEqual([
      ['t1', 1],
      ['t2', 3],
      ['t3', 0],
      ['t4', 0],
    ]);
  });

  it('counts statuses and collects chapter titles', () => {
    const tasks = [task('t1', 4, '甲', 'SUBMITTED'), task('t2', 12, '乙', 'SUBMITTED')];
    expect(statusCounts(tasks)).toEqual({
      NOT_STARTED: 0,
      IN_PROGRESS: 0,
      RETURNED: 0,
      SUBMITTED: 2,
      VERIFIED: 0,
    });
    expect([...chapterTitles(tasks)]).toEqual([
      [1, '总则'],
      [2, '质量发展'],
    ]);
  });
});
