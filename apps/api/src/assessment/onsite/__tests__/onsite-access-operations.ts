import { DataSource } from 'typeorm';
import { Role } from '../../../auth/role';

/**
 * The on-site verification (实地核查) operations for the access matrix
 * (access/__tests__/access-matrix.int-spec.ts), in its Operation shape: spread into its
 * OPERATIONS list. Unknown ids answer NOT_FOUND, which the matrix counts as allowed unless the
 * row is named own/foreign; the foreign rows use the open sample `insertOnsiteFixture` makes.
 */
const NIL = '00000000-0000-4000-8000-000000000000';
type Who = Role | 'ANONYMOUS';
type Outcome = 'allowed' | 'forbidden' | 'hidden';

export interface OnsiteFixture {
  sampleId: string;
  /** The sampled item on a unit, by unit code. */
  itemOf: Record<string, string>;
}

interface MatrixFixture {
  cycleId: string;
  onsite: OnsiteFixture;
}

/** The matrix's Operation shape. */
interface MatrixOperation {
  name: string;
  query: string;
  variables?: (f: MatrixFixture, who: Who) => Record<string, unknown>;
  expect: Partial<Record<Who, Outcome>>;
  emptyIsHidden?: (data: Record<string, unknown>) => boolean;
}

/** The matrix's own/foreign unit of a caller (420102 and 422801 hold the fixture's items). */
type UnitOf = (who: Who, which: 'own' | 'foreign') => string;

const READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
];
const allowed = (list: readonly Role[]): Partial<Record<Who, Outcome>> =>
  Object.fromEntries(list.map((r) => [r, 'allowed' as const]));

/**
 * An open sample of the fixture cycle with one sampled task on each given task's unit, inserted
 * directly (the draw itself is tested in onsite-verification.int-spec.ts).
 */
export async function insertOnsiteFixture(
  db: DataSource,
  cycleId: string,
  taskIds: string[],
): Promise<OnsiteFixture> {
  const [{ id: sampleId }] = await db.query(
    `INSERT INTO assessment_onsite_sample (cycle_id, version, status, scope, unit_count, tasks_per_unit,
       task_statuses, unit_levels, deduction_points, seed, seed_generated, population_units,
       population_tasks, drawn_by, drawn_at)
     VALUES ($1, 1, 'open', 'OVERALL', 2, 1, '{VERIFIED}', '{}', 1, 'matrix', false, 2, 2, 'province', now())
     RETURNING id`,
    [cycleId],
  );
  const itemOf: Record<string, string> = {};
  for (const [i, taskId] of taskIds.entries()) {
    const [{ id, unit_code }] = await db.query(
      `INSERT INTO assessment_onsite_item (sample_id, unit_code, group_code, task_id, unit_rank,
         task_rank, unit_draw_key, task_draw_key)
       SELECT $1, t.unit_code, coalesce(u.parent_code, u.code), t.id, $3, 1, repeat('0', 64), repeat('1', 64)
         FROM task t JOIN admin_unit u ON u.code = t.unit_code WHERE t.id = $2
       RETURNING id, unit_code`,
      [sampleId, taskId, i + 1],
    );
    itemOf[unit_code] = id;
  }
  return { sampleId, itemOf };
}

export function onsiteAccessOperations(unitOf: UnitOf): MatrixOperation[] {
  return [
    {
      name: 'Query.onsiteSamples',
      query: `query($c: ID!) { onsiteSamples(cycleId: $c) { id } }`,
      variables: (f: MatrixFixture) => ({ c: f.cycleId }),
      expect: allowed(READERS),
    },
    {
      name: 'Query.onsiteSample',
      query: `{ onsiteSample(id: "${NIL}") { id } }`,
      expect: allowed(READERS), // NOT_FOUND: unknown id
    },
    {
      // Not announced before close: an operator gets NOT_FOUND even for their own unit.
      name: 'Query.onsiteSample (foreign: open sample)',
      query: `query($id: ID!) { onsiteSample(id: $id) { id } }`,
      variables: (f: MatrixFixture) => ({ id: f.onsite.sampleId }),
      expect: { ...allowed(READERS), COUNTY_OPERATOR: 'hidden' },
    },
    {
      name: 'Query.onsiteSample items (foreign unit)',
      query: `query($id: ID!, $u: String) { onsiteSample(id: $id) { items(unitCode: $u) { id } } }`,
      variables: (f: MatrixFixture, who: Who) => ({
        id: f.onsite.sampleId,
        u: unitOf(who, 'foreign'),
      }),
      expect: { ...allowed(READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
      emptyIsHidden: (d: Record<string, unknown>) =>
        (d.onsiteSample as { items: unknown[] }).items.length === 0,
    },
    {
      name: 'Query.onsiteFindingHistory (foreign)',
      query: `query($i: ID!) { onsiteFindingHistory(itemId: $i) { id } }`,
      variables: (f: MatrixFixture, who: Who) => ({ i: f.onsite.itemOf[unitOf(who, 'foreign')] }),
      expect: { ...allowed(READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
    },
    {
      // VALIDATION_FAILED (tasksPerUnit 0) is the business answer: no sample is drawn.
      name: 'Mutation.drawOnsiteSample',
      query: `mutation($c: ID!) { drawOnsiteSample(input: { cycleId: $c, scope: "OVERALL", unitCount: 1, tasksPerUnit: 0, deductionPoints: 1 }) { id } }`,
      variables: (f: MatrixFixture) => ({ c: f.cycleId }),
      expect: allowed([Role.PROVINCIAL_SUPERVISOR]),
    },
    {
      name: 'Mutation.recordOnsiteFinding (own)',
      query: `mutation($i: ID!) { recordOnsiteFinding(input: { itemId: $i, outcome: "CONFIRMED" }) { id } }`,
      variables: (f: MatrixFixture, who: Who) => ({
        i: f.onsite.itemOf[unitOf(who, 'own')] ?? NIL,
      }),
      expect: allowed([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
    },
    {
      name: 'Mutation.recordOnsiteFinding (foreign)',
      query: `mutation($i: ID!) { recordOnsiteFinding(input: { itemId: $i, outcome: "CONFIRMED" }) { id } }`,
      variables: (f: MatrixFixture, who: Who) => ({
        i: f.onsite.itemOf[unitOf(who, 'foreign')] ?? NIL,
      }),
      expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
    },
    {
      name: 'Mutation.closeOnsiteVerification',
      query: `mutation { closeOnsiteVerification(sampleId: "${NIL}") { id } }`,
      expect: allowed([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND: unknown sample
    },
  ];
}
