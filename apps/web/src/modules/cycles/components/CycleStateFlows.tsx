import { useState } from 'react';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { CloseCycleDialog } from '../../assessment/components/CloseCycleDialog';
import { ReopenCycleDialog } from '../../assessment/components/ReopenCycleDialog';
import { useAssessmentPlan } from '../../assessment/hooks/useAssessmentPlan';
import { useCycleActions } from '../../assessment/hooks/useResultSets';

interface FlowProps {
  cycle: { id: string; title: string };
  /** After the cycle changed state. */
  onDone: () => void;
  onClose: () => void;
}

/**
 * Closing a cycle from the cycle list: the assessment page's confirmation (what closing does:
 * tasks read-only, scores frozen with the plan version in force) and its mutation.
 */
export function CloseCycleFlow({ cycle, onDone, onClose }: FlowProps) {
  const errorText = useErrorText();
  const { plan } = useAssessmentPlan(cycle.id);
  const actions = useCycleActions(cycle.id);
  const [error, setError] = useState<string>();
  const confirm = async () => {
    setError(undefined);
    try {
      await actions.closeCycle();
      onDone();
      onClose();
    } catch (thrown) {
      setError(errorText(toAppError(thrown)));
    }
  };
  return (
    <CloseCycleDialog
      open
      cycleTitle={cycle.title}
      planVersion={plan?.version}
      submitting={actions.closing}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    />
  );
}

/** Reopening a closed cycle from the cycle list: the assessment page's dialog (reason required). */
export function ReopenCycleFlow({ cycle, onDone, onClose }: FlowProps) {
  const actions = useCycleActions(cycle.id);
  return (
    <ReopenCycleDialog
      open
      submitting={actions.reopening}
      onReopen={async (reason) => {
        await actions.reopenCycle(reason);
        onDone();
      }}
      onClose={onClose}
    />
  );
}
