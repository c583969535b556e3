import { Role } from '../../auth/role';

/**
 * The bulletin operations for the access matrix (access/__tests__/access-matrix.int-spec.ts),
 * in its Operation shape: spread into its OPERATIONS list. Unknown ids answer NOT_FOUND, which
 * the matrix counts as allowed (the role got past the declaration; the service decides the rest).
 */
const NIL = '00000000-0000-4000-8000-000000000000';
const READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
  Role.COUNTY_OPERATOR,
];
const EDITORS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR];
const allowed = (list: readonly Role[]) =>
  Object.fromEntries(list.map((r) => [r, 'allowed' as const])) as Partial<
    Record<Role | 'ANONYMOUS', 'allowed'>
  >;

export const BULLETIN_ACCESS_OPERATIONS = [
  { name: 'Query.bulletins', query: `{ bulletins { id } }`, expect: allowed(READERS) },
  {
    name: 'Query.bulletin',
    query: `{ bulletin(id: "${NIL}") { id } }`,
    expect: allowed(READERS),
  },
  {
    name: 'Query.bulletinGoodPracticeCandidates',
    query: `query($c: ID!) { bulletinGoodPracticeCandidates(cycleId: $c) { taskId } }`,
    variables: (f: { cycleId: string }) => ({ c: f.cycleId }),
    expect: allowed(EDITORS),
  },
  {
    name: 'Mutation.generateBulletin',
    query: `mutation($c: ID!) { generateBulletin(input: { cycleId: $c, periodKind: MONTH, period: "2026-01" }) { id } }`,
    variables: (f: { cycleId: string }) => ({ c: f.cycleId }),
    expect: allowed(EDITORS),
  },
  {
    name: 'Mutation.updateBulletinDraft',
    query: `mutation { updateBulletinDraft(input: { id: "${NIL}", expectedRowVersion: 1, intro: "矩阵" }) { id } }`,
    expect: allowed(EDITORS),
  },
  {
    name: 'Mutation.publishBulletin',
    query: `mutation { publishBulletin(id: "${NIL}", expectedRowVersion: 1) { id } }`,
    expect: allowed(EDITORS),
  },
  {
    name: 'Mutation.deleteBulletinDraft',
    query: `mutation { deleteBulletinDraft(id: "${NIL}", expectedRowVersion: 1) }`,
    expect: allowed(EDITORS),
  },
];
