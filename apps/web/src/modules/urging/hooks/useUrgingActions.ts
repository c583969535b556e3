import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  UrgingAcknowledgeDocument,
  UrgingAnswerDocument,
  UrgingIssueDocument,
  UrgingRunNowDocument,
  type IssueUrgingNoticeInput,
} from '../../../graphql/generated/graphql';

/** The notice mutations; each rejects with the Apollo error. `onDone` refreshes the caller's lists. */
export function useUrgingActions(onDone?: () => unknown) {
  const [issueMutation, issuing] = useMutation(UrgingIssueDocument);
  const [acknowledgeMutation, acknowledging] = useMutation(UrgingAcknowledgeDocument);
  const [answerMutation, answering] = useMutation(UrgingAnswerDocument);
  const [runMutation, running] = useMutation(UrgingRunNowDocument);

  const issue = useCallback(
    async (input: IssueUrgingNoticeInput) => {
      const res = await issueMutation({ variables: { input } });
      await onDone?.();
      return res.data?.issueUrgingNotice;
    },
    [issueMutation, onDone],
  );
  const acknowledge = useCallback(
    async (id: string) => {
      const res = await acknowledgeMutation({ variables: { id } });
      await onDone?.();
      return res.data?.acknowledgeUrgingNotice;
    },
    [acknowledgeMutation, onDone],
  );
  const answer = useCallback(
    async (id: string, text: string) => {
      const res = await answerMutation({ variables: { input: { id, answer: text } } });
      await onDone?.();
      return res.data?.answerUrgingNotice;
    },
    [answerMutation, onDone],
  );
  const runNow = useCallback(async () => {
    const res = await runMutation();
    await onDone?.();
    return res.data?.runUrgingNow;
  }, [runMutation, onDone]);

  return {
    issue,
    acknowledge,
    answer,
    runNow,
    issuing: issuing.loading,
    acknowledging: acknowledging.loading,
    answering: answering.loading,
    running: running.loading,
  };
}
