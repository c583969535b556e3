import { useMutation } from '@apollo/client/react';
import {
  AssessmentObjectionsDocument,
  AssessmentPublicationDocument,
  DecideAssessmentObjectionDocument,
  FileAssessmentObjectionDocument,
  PublishAssessmentResultsDocument,
  type DecideAssessmentObjectionInput,
  type FileAssessmentObjectionInput,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';

/** The latest publication (公示) of a cycle with the results in the caller's jurisdiction. */
export function usePublication(cycleId: string | undefined) {
  return useAppQuery(AssessmentPublicationDocument, cycleId ? { cycleId } : null);
}

/** Objections of a cycle in the caller's jurisdiction (optionally one unit's, or pending ones). */
export function useObjections(
  cycleId: string | undefined,
  filter: { unitCode?: string; pendingOnly?: boolean } = {},
) {
  return useAppQuery(
    AssessmentObjectionsDocument,
    cycleId
      ? { cycleId, unitCode: filter.unitCode ?? null, pendingOnly: filter.pendingOnly ?? null }
      : null,
  );
}

// Publishing, filing and deciding change the publication, the objections and the scores.
const AFTER_CHANGE = [
  'AssessmentPublication',
  'AssessmentObjections',
  'AssessmentScores',
  'UnitsAssessment',
];

export function useObjectionActions() {
  const options = { refetchQueries: AFTER_CHANGE, awaitRefetchQueries: true };
  const [publish, publishing] = useMutation(PublishAssessmentResultsDocument, options);
  const [file, filing] = useMutation(FileAssessmentObjectionDocument, options);
  const [decide, deciding] = useMutation(DecideAssessmentObjectionDocument, options);
  return {
    publish: (cycleId: string, objectionClosesAt: string) =>
      publish({ variables: { cycleId, objectionClosesAt } }),
    file: (input: FileAssessmentObjectionInput) => file({ variables: { input } }),
    decide: (input: DecideAssessmentObjectionInput) => decide({ variables: { input } }),
    busy: publishing.loading || filing.loading || deciding.loading,
  };
}
