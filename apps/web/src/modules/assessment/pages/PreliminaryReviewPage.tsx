import { StageReviewWorkspace } from '../components/StageReviewWorkspace';

/**
 * 考核初审 for a prefecture supervisor: the units under the prefecture with their
 * self-assessment state; for the chosen unit, each indicator's self-score, narrative and evidence
 * with a review score and comment, and a return to the unit with a reason.
 */
export function PreliminaryReviewPage() {
  return <StageReviewWorkspace level="prefecture" />;
}
