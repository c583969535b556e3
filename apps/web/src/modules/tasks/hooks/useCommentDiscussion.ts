import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  TaskCommentsAddDocument,
  TaskCommentsDiscussionDocument,
  type TaskCommentsDiscussionQuery,
} from '../../../graphql/generated/graphql';
import type { CommentMentionDraft } from '../utils/commentThreads';

export type CommentDiscussion = TaskCommentsDiscussionQuery['taskDiscussion'];
export type TaskCommentItem = CommentDiscussion['comments'][number];

export interface NewCommentInput {
  body: string;
  kind: 'COMMENT' | 'INSTRUCTION';
  parentId?: string;
  mentions: CommentMentionDraft[];
  attachmentIds: string[];
}

/** A task's comments and instructions, and posting a new one (reloads the list after). */
export function useCommentDiscussion(taskId: string) {
  const { data, loading, error, refetch } = useQuery(TaskCommentsDiscussionDocument, {
    variables: { taskId },
    fetchPolicy: 'cache-and-network',
  });
  const [addComment, adding] = useMutation(TaskCommentsAddDocument);
  const appError: AppError | undefined = useMemo(
    () => (error ? toAppError(error) : undefined),
    [error],
  );
  const post = useCallback(
    async (input: NewCommentInput) => {
      await addComment({
        variables: {
          input: {
            taskId,
            body: input.body,
            kind: input.kind,
            ...(input.parentId ? { parentId: input.parentId } : {}),
            ...(input.mentions.length ? { mentions: input.mentions } : {}),
            ...(input.attachmentIds.length ? { attachmentIds: input.attachmentIds } : {}),
          },
        },
      });
      await refetch().catch(() => undefined);
    },
    [addComment, refetch, taskId],
  );
  return {
    discussion: data?.taskDiscussion,
    loading: loading && !data,
    error: appError,
    retry: () => void refetch(),
    post,
    posting: adding.loading,
  };
}
