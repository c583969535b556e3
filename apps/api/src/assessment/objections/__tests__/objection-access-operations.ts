import { Role } from '../../../auth/role';

/**
 * The publication and objection (公示与异议) operations for the access matrix
 * (access/__tests__/access-matrix.int-spec.ts), in its Operation shape: spread into its
 * OPERATIONS list. The fixture cycle is not published, so filing on one's own unit answers
 * VALIDATION_FAILED (NOT_PUBLISHED, a business answer: allowed) and on a foreign unit NOT_FOUND
 * (hidden); unknown ids answer NOT_FOUND, which the matrix counts as allowed.
 */
const NIL = '00000000-0000-4000-8000-000000000000';
type Who = Role | 'ANONYMOUS';
type Outcome = 'allowed' | 'forbidden' | 'hidden';

interface MatrixOperation {
  name: string;
  query: string;
  variables?: (f: { cycleId: string }, who: Who) => Record<string, unknown>;
  expect: Partial<Record<Who, Outcome>>;
}

/** The matrix's own/foreign unit of a caller. */
type UnitOf = (who: Who, which: 'own' | 'foreign') => string;

const READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
];
const allowed = (list: readonly Role[]): Partial<Record<Who, Outcome>> =>
  Object.fromEntries(list.map((r) => [r, 'allowed' as const]));
const FILE = `mutation($c: ID!, $u: String!) { fileAssessmentObjection(input: { cycleId: $c, unitCode: $u, indicatorId: "I1", reason: "矩阵" }) { id } }`;

export function objectionAccessOperations(unitOf: UnitOf): MatrixOperation[] {
  return [
    {
      name: 'Query.assessmentPublication',
      query: `query($c: ID!) { assessmentPublication(cycleId: $c) { id } }`,
      variables: (f) => ({ c: f.cycleId }),
      expect: allowed(READERS),
    },
    {
      // VALIDATION_FAILED (the window closes in the past) is the business answer.
      name: 'Mutation.publishAssessmentResults',
      query: `mutation($c: ID!) { publishAssessmentResults(cycleId: $c, objectionClosesAt: "2000-01-01T00:00:00Z") { id } }`,
      variables: (f) => ({ c: f.cycleId }),
      expect: allowed([Role.PROVINCIAL_SUPERVISOR]),
    },
    {
      name: 'Mutation.fileAssessmentObjection (own)',
      query: FILE,
      variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
      expect: allowed([Role.COUNTY_OPERATOR]),
    },
    {
      name: 'Mutation.fileAssessmentObjection (foreign)',
      query: FILE,
      variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
      expect: { COUNTY_OPERATOR: 'hidden' },
    },
    {
      name: 'Mutation.decideAssessmentObjection',
      query: `mutation { decideAssessmentObjection(input: { objectionId: "${NIL}", decision: "REJECTED", reason: "矩阵" }) { id } }`,
      expect: allowed([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND: unknown objection
    },
    {
      name: 'Query.assessmentObjections',
      query: `query($c: ID!) { assessmentObjections(cycleId: $c) { id } }`,
      variables: (f) => ({ c: f.cycleId }),
      expect: allowed(READERS),
    },
    {
      name: 'Query.assessmentObjection',
      query: `{ assessmentObjection(id: "${NIL}") { id } }`,
      expect: allowed(READERS), // NOT_FOUND: unknown id
    },
  ];
}
