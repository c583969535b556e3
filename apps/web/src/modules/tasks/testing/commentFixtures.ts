import type { GraphQLRequest } from '../../../test/graphqlFetch';
import { person } from './taskFixtures';

/** A comment as TaskCommentsDiscussion returns it. */
export function taskComment(overrides: Record<string, unknown> & { id: string }) {
  return {
    __typename: 'TaskComment',
    taskId: 't-1',
    parentId: null,
    kind: 'COMMENT',
    pinned: false,
    body: '评论内容',
    authorUsername: 'enshi-zhou',
    authorDisplayName: '恩施州督导',
    authorRole: 'PREFECTURE_SUPERVISOR',
    authorUnitCode: '422800',
    createdAt: '2026-03-01T02:00:00.000Z',
    mentions: [],
    attachments: [],
    ...overrides,
    author: person((overrides.authorUsername as string | undefined) ?? 'enshi-zhou'),
  };
}

export function discussion(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'TaskDiscussion',
    taskId: 't-1',
    canComment: true,
    canInstruct: false,
    canAttachEvidence: true,
    mentionableUnits: [
      { __typename: 'MentionableUnit', code: '420102', name: '江岸区', level: 'county' },
      { __typename: 'MentionableUnit', code: '420100', name: '武汉市', level: 'prefecture' },
    ],
    comments: [],
    ...overrides,
  };
}

/** Answers for a task page whose test is not about comments or 不适用: nothing to show. */
export const noCommentAnswers = {
  TaskCommentsDiscussion: (request: GraphQLRequest) => ({
    data: { taskDiscussion: discussion({ taskId: request.variables.taskId }) },
  }),
  NotApplicableState: (request: GraphQLRequest) => ({
    data: {
      taskApplicability: {
        __typename: 'TaskApplicability',
        taskId: request.variables.taskId,
        status: null,
        canRequest: false,
        canDecide: false,
        canRevoke: false,
        requests: [],
      },
    },
  }),
};
