import { person } from './taskFixtures';

/** The 签收/转办 state of task t-1 as ReassignTaskState returns it. */
export function reassignTaskState(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Task',
    id: 't-1',
    rowVersion: 7,
    status: 'IN_PROGRESS',
    retiredAt: null,
    acknowledgedAt: '2026-01-05T01:00:00.000Z',
    acknowledgedBy: 'jiangan-scjg',
    leadDepartment: { __typename: 'Department', id: 'dep-1', name: '江岸区市场监督管理局' },
    assignmentCapabilities: {
      __typename: 'TaskAssignmentCapabilities',
      acknowledge: false,
      requestReassignment: false,
      decideReassignment: false,
      reassign: false,
    },
    reassignments: [],
    ...overrides,
    acknowledger: person(
      (overrides.acknowledgedBy === undefined ? 'jiangan-scjg' : overrides.acknowledgedBy) as
        string | null,
    ),
  };
}

/** A 转办 record of t-1 (ReassignRecordFields). */
export function reassignRecord(overrides: Record<string, unknown> & { id: string }) {
  return {
    __typename: 'TaskReassignment',
    kind: 'REQUEST',
    status: 'PENDING',
    reason: '该事项由发展改革部门主管',
    requestedBy: 'jiangan-scjg',
    requestedAt: '2026-03-01T02:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    appliedAt: null,
    fromDepartment: { __typename: 'Department', id: 'dep-1', name: '江岸区市场监督管理局' },
    toDepartment: { __typename: 'Department', id: 'dep-2', name: '江岸区发展和改革局' },
    ...overrides,
    requester: person((overrides.requestedBy as string | undefined) ?? 'jiangan-scjg'),
    decider: person(overrides.decidedBy as string | null | undefined),
  };
}

/** Answers for pages that show the 签收/转办 panels without testing them. */
export const noReassignAnswers = {
  ReassignTaskState: { data: { task: reassignTaskState() } },
};
