import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import {
  GraphQLResponse,
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { shanghaiDate } from '../analytics-sql';
import { describeDifference, verifyFigures, verifyRollups } from '../rollup-verify';

/**
 * Property: after every workflow operation — single or several at once, through the API as the
 * dashboard sends them — the maintained rollups equal their recomputation from the base tables,
 * and every dashboard statement gives the same rows from the rollups as from the base tables.
 *
 * The operations are drawn at random from a seeded generator (ROLLUP_SEED to replay a run,
 * ROLLUP_STEPS for its length; the seed is printed): start, progress, evidence upload and
 * withdrawal, submit, verify, return, reopen, extension (approved or refused), not applicable
 * (requested, approved or rejected, revoked), retirement and restoration of a duty's tasks by
 * regeneration, and bursts of concurrent operations on the same and on different tasks.
 */

const COUNTY = '422801';
const PREFECTURE = '422800';
const SEED = Number(process.env.ROLLUP_SEED ?? Date.now() % 2 ** 31);
const STEPS = Number(process.env.ROLLUP_STEPS ?? 45);

/** An operation's kind: its name without the task id. */
const kindOf = (name: string) => name.replace(/ (of )?[0-9a-f-]{36}$/, '');

/** mulberry32: a small seeded generator (reproducible runs). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TaskState {
  id: string;
  status: string;
  row_version: number;
  due_date: string;
  duty_id: string;
  retired: boolean;
  na: string | null;
  evidence: number;
}

describe('maintained rollups: random workflow sequences (property, real database)', () => {
  const clock = new ManualClock(new Date('2031-03-02T02:00:00Z'));
  const random = generator(SEED);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  let api: TestApi;
  let db: DataSource;
  let cycleId: string;
  let operator: SignedInClient;
  let prefecture: SignedInClient;
  let province: SignedInClient;
  let pool: string[] = [];
  /** Duties retired by the test (their tasks), to be restored. */
  const untracked: Array<{ dutyId: string; lead: string | null }> = [];
  const log: string[] = [];

  const ok = <T>(res: GraphQLResponse<T>, what: string): T => {
    if (res.errors) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  };

  const states = async (): Promise<TaskState[]> =>
    db.query(
      `SELECT t.id, t.status, t.row_version, t.due_date::text AS due_date, t.duty_id,
              t.retired_at IS NOT NULL AS retired, t.not_applicable_status AS na,
              (SELECT count(*)::int FROM evidence e WHERE e.task_id = t.id
                  AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL) AS evidence
         FROM task t WHERE t.id = ANY ($1::uuid[]) ORDER BY t.id`,
      [pool],
    );

  const update = (client: SignedInClient, t: TaskState, input: Record<string, unknown>) =>
    client.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status rowVersion } }`,
      { input: { taskId: t.id, expectedRowVersion: t.row_version, ...input } },
    );

  const plusDays = (date: string, days: number) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  /** One operation, chosen among those the current state allows; returns its name. */
  async function operation(tasks: TaskState[]): Promise<string> {
    const live = tasks.filter((t) => !t.retired);
    const open = live.filter((t) => t.na !== 'APPROVED');
    const editable = open.filter((t) => t.status !== 'SUBMITTED' && t.status !== 'VERIFIED');
    const ops: Array<[string, () => Promise<unknown>]> = [];
    for (const t of editable.filter((x) => x.status !== 'IN_PROGRESS')) {
      ops.push([
        `start ${t.id}`,
        () => update(operator, t, { status: 'IN_PROGRESS', progressNote: '推进中' }),
      ]);
    }
    for (const t of editable) {
      ops.push([
        `upload ${t.id}`,
        () =>
          uploadEvidence(api, operator, t.id, [
            { name: '佐证.pdf', content: samplePdf(`${t.id}${random()}`) },
          ]),
      ]);
      ops.push([
        `progress ${t.id}`,
        () => update(operator, t, { progressNote: `进展 ${random()}` }),
      ]);
      if (t.evidence > 0) {
        ops.push([
          `submit ${t.id}`,
          () => update(operator, t, { status: 'SUBMITTED', progressNote: '已完成' }),
        ]);
        ops.push([
          `withdraw ${t.id}`,
          async () => {
            const [e] = await db.query(
              `SELECT id FROM evidence WHERE task_id = $1 AND withdrawn_at IS NULL AND superseded_by_id IS NULL LIMIT 1`,
              [t.id],
            );
            return operator.graphql(
              `mutation($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id } }`,
              { input: { evidenceId: e.id, reason: '上传有误' } },
            );
          },
        ]);
      }
      if (t.na !== 'REQUESTED') {
        ops.push([
          `not applicable ${t.id}`,
          async () => {
            const asked = await operator.graphql<{ requestNotApplicable: { id: string } }>(
              `mutation($t: ID!) { requestNotApplicable(input: { taskId: $t, reason: "本地无此类主体", documentReference: "恩政〔2031〕1号" }) { id } }`,
              { t: t.id },
            );
            if (asked.errors) return asked;
            const id = asked.data!.requestNotApplicable.id;
            return (random() < 0.7 ? prefecture : province).graphql(
              `mutation($id: ID!, $a: Boolean!) { decideNotApplicable(input: { requestId: $id, approve: $a, reason: "核实" }) { id } }`,
              { id, a: random() < 0.75 },
            );
          },
        ]);
      }
    }
    for (const t of open.filter((x) => x.status !== 'VERIFIED')) {
      ops.push([
        `extension ${t.id}`,
        async () => {
          const asked = await operator.graphql<{
            requestTaskExtension: { request: { id: string }; task: { rowVersion: number } };
          }>(
            `mutation($input: RequestExtensionInput!) { requestTaskExtension(input: $input) { request { id } task { rowVersion } } }`,
            {
              input: {
                taskId: t.id,
                expectedRowVersion: t.row_version,
                newDueDate: plusDays(t.due_date, 1 + Math.floor(random() * 40)),
                reason: '需协调多部门',
              },
            },
          );
          if (asked.errors) return asked;
          const r = asked.data!.requestTaskExtension;
          return prefecture.graphql(
            `mutation($input: DecideExtensionInput!) { decideTaskExtension(input: $input) { request { id } } }`,
            {
              input: {
                requestId: r.request.id,
                expectedRowVersion: r.task.rowVersion,
                approve: random() < 0.7,
              },
            },
          );
        },
      ]);
    }
    for (const t of open.filter((x) => x.status === 'SUBMITTED')) {
      ops.push([
        `verify ${t.id}`,
        () => update(pick([prefecture, province]), t, { status: 'VERIFIED' }),
      ]);
      ops.push([
        `return ${t.id}`,
        () => update(prefecture, t, { status: 'RETURNED', reason: '材料不全' }),
      ]);
    }
    for (const t of open.filter((x) => x.status === 'VERIFIED')) {
      ops.push([
        `reopen ${t.id}`,
        () => update(province, t, { status: 'IN_PROGRESS', reason: '复核发现问题' }),
      ]);
    }
    for (const t of live.filter((x) => x.na === 'APPROVED')) {
      ops.push([
        `revoke not applicable ${t.id}`,
        async () => {
          const [r] = await db.query(
            `SELECT id FROM task_not_applicable_request WHERE task_id = $1 AND status = 'APPROVED' LIMIT 1`,
            [t.id],
          );
          return province.graphql(
            `mutation($id: ID!) { revokeNotApplicable(input: { requestId: $id, reason: "重新核查" }) { id } }`,
            { id: r.id },
          );
        },
      ]);
    }
    for (const t of tasks) {
      // History written by other paths (an import, the demo seed): a status event on any day of
      // the cycle, possibly before events already recorded.
      ops.push([
        `imported history ${t.id}`,
        () =>
          db.query(
            `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after)
             SELECT t.id, t.unit_code, t.cycle_id, $2::timestamptz, 'import', 'status',
                    jsonb_build_object('status', t.status), jsonb_build_object('status', $3::text)
               FROM task t WHERE t.id = $1`,
            [
              t.id,
              new Date(
                Date.UTC(2031, 0, 1) + Math.floor(random() * 70 * 24) * 3600_000,
              ).toISOString(),
              pick(['IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'RETURNED']),
            ],
          ),
      ]);
    }
    if (untracked.length < 2 && live.length > 4) {
      const t = pick(live);
      ops.push([`retire duty of ${t.id}`, () => retire(t.duty_id)]);
    }
    if (untracked.length > 0) ops.push(['restore a duty', () => restore()]);
    // A kind of operation first (each as likely), then one of its tasks.
    const kinds = [...new Set(ops.map(([n]) => kindOf(n)))];
    const kind = pick(kinds);
    const [name, run] = pick(ops.filter(([n]) => kindOf(n) === kind));
    const res = (await run()) as GraphQLResponse | { status: number } | undefined;
    // Refusals are fine (a concurrent change, a rule of the workflow): the property is about
    // whatever the database ends up holding. They are logged to read a failing run.
    const error =
      res && 'errors' in res && res.errors ? ` → ${res.errors[0]?.extensions?.code}` : '';
    return `${name}${error}`;
  }

  const review = `mutation($input: ReviewDutyInput!) { reviewDuty(input: $input) { rowVersion } }`;
  const regenerate = () =>
    province.graphql(
      `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { retired restored } }`,
      {
        id: cycleId,
      },
    );

  async function retire(dutyId: string) {
    const [duty] = await db.query(
      `SELECT d.row_version,
              (SELECT department_code FROM duty_department WHERE duty_id = d.id AND role = 'lead') AS lead
         FROM duty d WHERE d.id = $1`,
      [dutyId],
    );
    const reviewed = await province.graphql(review, {
      input: { dutyId, expectedRowVersion: duty.row_version, tracked: false },
    });
    if (reviewed.errors) return reviewed; // e.g. retired by a concurrent operation
    untracked.push({ dutyId, lead: duty.lead });
    return regenerate();
  }

  async function restore() {
    const next = untracked.shift();
    if (!next) return undefined; // restored by a concurrent operation
    const { dutyId, lead } = next;
    const [duty] = await db.query(`SELECT row_version FROM duty WHERE id = $1`, [dutyId]);
    const reviewed = await province.graphql(review, {
      input: {
        dutyId,
        expectedRowVersion: duty.row_version,
        tracked: true,
        leadDepartmentCode: lead ?? 'market_regulation',
      },
    });
    if (reviewed.errors) {
      untracked.push(next);
      return reviewed;
    }
    return regenerate();
  }

  beforeAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`rollup property test: ROLLUP_SEED=${SEED} ROLLUP_STEPS=${STEPS}`);
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    [operator, prefecture, province] = await Promise.all(
      ['enshi-scjg', 'enshi-zhou', 'province'].map((u) => api.signIn(u)),
    );
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { cycle { id } } }`,
      {
        input: {
          year: 2031,
          regulationVersionId: versionId,
          startDate: '2031-01-01',
          dueDate: '2031-06-30',
        },
      },
    );
    cycleId = ok(created, 'createCycle').createCycle.cycle.id;
    pool = (
      await db.query(
        `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
          WHERE t.cycle_id = $1 AND t.unit_code = $2 AND d.kind_code = 'market_regulation'
          ORDER BY t.id LIMIT 10`,
        [cycleId, COUNTY],
      )
    ).map((r: { id: string }) => r.id);
    expect(pool.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(() => api?.close());

  const check = async (step: number, figures: boolean) => {
    const differences = await verifyRollups(db);
    if (differences.length) {
      throw new Error(
        `ROLLUP_SEED=${SEED}, after step ${step} (${log.slice(-5).join('; ')}):\n` +
          differences.map(describeDifference).join('\n'),
      );
    }
    if (figures) {
      const found = await verifyFigures(db, cycleId, shanghaiDate(clock.now()), PREFECTURE);
      expect({ seed: SEED, step, found }).toEqual({ seed: SEED, step, found: [] });
    }
  };

  it('keeps the rollups equal to their recomputation after every operation', async () => {
    await check(0, true);
    for (let step = 1; step <= STEPS; step++) {
      const tasks = await states();
      if (random() < 0.25) {
        // A burst: several operations at once (on the same task or on different ones).
        const names = await Promise.all([0, 1, 2].map(() => operation(tasks)));
        log.push(`[${names.join(' ‖ ')}]`);
      } else {
        log.push(await operation(tasks));
      }
      await check(step, step % 5 === 0 || step === STEPS);
    }
    // eslint-disable-next-line no-console
    console.log(`rollup property test, ROLLUP_SEED=${SEED}:\n${log.join('\n')}`);
    // The run did exercise the workflow (not only refusals).
    const [{ events }] = await db.query(
      `SELECT count(*)::int AS events FROM task_event WHERE task_id = ANY ($1::uuid[])`,
      [pool],
    );
    expect(events).toBeGreaterThan(STEPS / 3);
    // Each step recomputes four rollup tables and every fifth step runs every dashboard statement two
    // ways: about 55 s on a quiet 2-core machine, more beside other test files.
  }, 240_000);

  it('names a difference when a rollup row is wrong', async () => {
    // The owner (this test's connection) can write the rollup directly: verification must see it.
    await db.query(
      `UPDATE analytics_rollup SET verified = verified + 1
        WHERE ctid = (SELECT ctid FROM analytics_rollup WHERE cycle_id = $1
                        ORDER BY unit_code, duty_id, lead_department_id, due_date, not_applicable LIMIT 1)`,
      [cycleId],
    );
    await db.query(
      `INSERT INTO analytics_trend_day (cycle_id, unit_code, day, verified_change)
       VALUES ($1, $2, '2031-01-02', 5)
       ON CONFLICT (cycle_id, unit_code, day) DO UPDATE SET verified_change = analytics_trend_day.verified_change + 5`,
      [cycleId, COUNTY],
    );
    let differences = await verifyRollups(db, cycleId);
    // analytics_unit_rollup and analytics_area_rollup follow analytics_rollup (their triggers):
    // the wrong count shows in all three.
    expect(differences.map((d) => d.table).sort()).toEqual([
      'analytics_area_rollup',
      'analytics_rollup',
      'analytics_trend_day',
      'analytics_unit_rollup',
    ]);
    expect(describeDifference(differences[0])).toMatch(/stored .*verified=\d+.*recomputed/);
    // A wrong unit rollup row alone is named too.
    await db.query(
      `UPDATE analytics_rollup SET verified = verified - 1
        WHERE ctid = (SELECT ctid FROM analytics_rollup WHERE cycle_id = $1
                        ORDER BY unit_code, duty_id, lead_department_id, due_date, not_applicable LIMIT 1)`,
      [cycleId],
    );
    await db.query(
      `UPDATE analytics_unit_rollup SET evidence = evidence + 2
        WHERE ctid = (SELECT ctid FROM analytics_unit_rollup WHERE cycle_id = $1
                        ORDER BY unit_code, due_date, not_applicable LIMIT 1)`,
      [cycleId],
    );
    differences = await verifyRollups(db, cycleId);
    expect(differences.map((d) => d.table).sort()).toEqual([
      'analytics_trend_day',
      'analytics_unit_rollup',
    ]);
    expect(describeDifference(differences[0])).toMatch(
      /^analytics_unit_rollup .*stored .*evidence=\d+.*recomputed/,
    );
    // And a wrong area rollup row alone (the unit one put back).
    await db.query(
      `UPDATE analytics_unit_rollup SET evidence = evidence - 2
        WHERE ctid = (SELECT ctid FROM analytics_unit_rollup WHERE cycle_id = $1
                        ORDER BY unit_code, due_date, not_applicable LIMIT 1)`,
      [cycleId],
    );
    await db.query(
      `UPDATE analytics_area_rollup SET returned = returned + 1
        WHERE ctid = (SELECT ctid FROM analytics_area_rollup WHERE cycle_id = $1 LIMIT 1)`,
      [cycleId],
    );
    differences = await verifyRollups(db, cycleId);
    expect(differences.map((d) => d.table).sort()).toEqual([
      'analytics_area_rollup',
      'analytics_trend_day',
    ]);
    expect(describeDifference(differences[0])).toMatch(
      /^analytics_area_rollup .*area_code=\d+.*stored .*returned=\d+.*recomputed/,
    );
    const figures = await verifyFigures(db, cycleId, shanghaiDate(clock.now()));
    expect(figures.map((f) => f.statement)).toContain(
      'analyticsBreakdown(DEPARTMENT_KIND) [province]',
    );
  });
});
