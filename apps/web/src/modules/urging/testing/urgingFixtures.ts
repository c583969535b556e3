import type { GraphQLRequest } from '../../../test/graphqlFetch';
import type { UrgingNotice } from '../utils/notice';

/**
 * Answers for the urging operations of the panels mounted on the task, unit and overview pages:
 * no notices at all. Page specs that are not about urging spread these into their stubs.
 */
export const noUrgingAnswers = {
  UrgingTask: (request: GraphQLRequest) => ({
    data: {
      taskUrging: {
        __typename: 'TaskUrging',
        taskId: request.variables.taskId,
        canIssue: false,
        openColour: null,
        notices: [],
      },
    },
  }),
  UrgingNotices: {
    data: { urgingNotices: { __typename: 'UrgingNoticePage', total: 0, items: [] } },
  },
  UrgingCountsByUnit: { data: { urgingCountsByUnit: [] } },
};

/** A notice as the API sends it; `overrides` change any field. */
export function urgingNotice(overrides: Partial<UrgingNotice> = {}): UrgingNotice {
  return {
    __typename: 'UrgingNotice',
    id: 'n-1',
    number: '鄂质督〔2026〕12号',
    colour: 'ORANGE',
    origin: 'AUTO',
    reasonCode: 'OVERDUE',
    text: '该任务已于 2026-05-31 到期，尚未提交办结材料。',
    issuedOn: '2026-06-01',
    answerDue: '2026-06-06',
    issuedBy: 'system',
    issuer: { __typename: 'Person', username: 'system', label: '系统（自动）' },
    issuedAt: '2026-06-01T00:00:00.000Z',
    supersedesId: null,
    escalatedTo: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledger: null,
    answeredAt: null,
    answeredBy: null,
    answerer: null,
    answer: null,
    closedAt: null,
    closeReason: null,
    deduction: 0.5,
    canAcknowledge: false,
    canAnswer: false,
    answerOverdue: false,
    taskId: 't-1',
    dutySubject: '县级以上人民政府',
    taskDueDate: '2026-05-31',
    taskStatus: 'NOT_STARTED',
    unitCode: '422801',
    unitName: '恩施市',
    ...overrides,
  };
}
