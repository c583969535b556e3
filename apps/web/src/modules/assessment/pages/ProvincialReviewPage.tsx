import { StageReviewWorkspace } from '../components/StageReviewWorkspace';

/**
 * 省级复核 for a provincial supervisor: every unit of the province (by prefecture, state and
 * search) with its self-assessment state, late flag and staged score; for the chosen unit, each
 * indicator's self-assessment and evidence, the prefecture's score and comment, and a provincial
 * score and comment; the stage schedule to set.
 */
export function ProvincialReviewPage() {
  return <StageReviewWorkspace level="province" />;
}
