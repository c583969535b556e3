// The module's names for the generated GraphQL types (`npm run codegen` from bulletins.graphql).
import type {
  BulletinFieldsFragment,
  BulletinGoodPracticeCandidatesQuery,
  BulletinListFieldsFragment,
} from '../../../graphql/generated/graphql';

export type BulletinListItem = BulletinListFieldsFragment;
export type BulletinDetail = BulletinFieldsFragment;
export type BulletinBlock = BulletinDetail['document']['blocks'][number];
export type GoodPracticeCandidate =
  BulletinGoodPracticeCandidatesQuery['bulletinGoodPracticeCandidates'][number];

/** A good practice pick as the form holds it. */
export interface GoodPracticePick {
  taskId: string;
  comment: string;
}

/** At most this many good practices per bulletin (the API's limit). */
export const MAX_GOOD_PRACTICES = 10;
