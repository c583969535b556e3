import type { TaskLogEvent, TaskLogUnit } from '../graphql/types';

// GraphQL answers as the API sends them (with __typename, which the Apollo cache needs).

const PEOPLE: Record<string, string> = {
  'enshi-scjg': '向春梅（恩施市市场监督管理局质量股）',
  'enshi-dd': '田丹丹（恩施州市场监督管理局）',
};

/** A task event of 恩施市's task t-1 (第12条), overridable field by field. */
export function taskEvent(
  overrides: Partial<Omit<TaskLogEvent, 'task'>> & {
    id: string;
    task?: Partial<TaskLogEvent['task']>;
  },
): TaskLogEvent {
  const { task, ...rest } = overrides;
  const actorUsername = rest.actorUsername ?? 'enshi-scjg';
  return {
    __typename: 'TaskEvent',
    occurredAt: '2026-03-01T02:00:05.000Z',
    actorUsername,
    // How the API names people: name and office (issue 17).
    actor: {
      __typename: 'Person',
      username: actorUsername,
      label: PEOPLE[actorUsername] ?? (actorUsername === 'system' ? '系统（自动）' : actorUsername),
      human: actorUsername !== 'system',
    },
    kind: 'status',
    reason: null,
    before: { status: 'IN_PROGRESS' },
    after: { status: 'SUBMITTED' },
    ip: '10.1.2.3',
    taskId: task?.id ?? 't-1',
    ...rest,
    task: {
      __typename: 'Task',
      id: 't-1',
      status: 'SUBMITTED',
      unit: { __typename: 'AdminUnit', code: '422801', name: '恩施市' },
      article: { __typename: 'Article', id: 'a-12', number: 12 },
      duty: { __typename: 'Duty', id: 'd-1', subject: '建立质量工作协调机制' },
      ...task,
    },
  };
}

/** A `taskEvents` answer. */
export function eventsPage(
  nodes: TaskLogEvent[],
  totalCount = nodes.length,
  endCursor: string | null = null,
) {
  return {
    data: {
      taskEvents: {
        __typename: 'TaskEventConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: endCursor !== null },
        nodes,
      },
    },
  };
}

export function unit(
  code: string,
  name: string,
  level: TaskLogUnit['level'],
  parentCode: string | null,
): TaskLogUnit {
  return { __typename: 'AdminUnit', code, name, level, parentCode };
}
