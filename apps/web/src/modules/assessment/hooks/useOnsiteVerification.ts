import { useMutation } from '@apollo/client/react';
import {
  CloseOnsiteVerificationDocument,
  DrawOnsiteSampleDocument,
  OnsiteSampleDocument,
  OnsiteSamplesDocument,
  RecordOnsiteFindingDocument,
  type DrawOnsiteSampleInput,
  type RecordOnsiteFindingInput,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';

/** The sample versions of a cycle, newest first. */
export function useOnsiteSamples(cycleId: string | undefined) {
  return useAppQuery(OnsiteSamplesDocument, cycleId ? { cycleId } : null);
}

/** One sample version with its sampled tasks (within the caller's jurisdiction). */
export function useOnsiteSample(id: string | undefined) {
  return useAppQuery(OnsiteSampleDocument, id ? { id } : null);
}

// A draw or a close changes the versions' states; a finding returns the item (cache update).
const AFTER_CHANGE = ['OnsiteSamples', 'OnsiteSample'];

export function useOnsiteActions() {
  const options = { refetchQueries: AFTER_CHANGE, awaitRefetchQueries: true };
  const [draw, drawing] = useMutation(DrawOnsiteSampleDocument, options);
  const [record, recording] = useMutation(RecordOnsiteFindingDocument);
  const [close, closing] = useMutation(CloseOnsiteVerificationDocument, options);
  return {
    draw: (input: DrawOnsiteSampleInput) => draw({ variables: { input } }),
    record: (input: RecordOnsiteFindingInput) => record({ variables: { input } }),
    close: (sampleId: string) => close({ variables: { sampleId } }),
    busy: drawing.loading || recording.loading || closing.loading,
  };
}
