import { DataSource } from 'typeorm';
import { verifyRollups } from '../../analytics/rollup-verify';
import { verifyChains } from '../../integrity/chain-verify';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';

const UPDATE = `mutation($input: TaskChangeInput!) {
  updateTask(input: $input) { id status progressNote rowVersion returnCount } }`;

type Changed = {
  updateTask: {
    id: string;
    status: string;
    progressNote: string | null;
    rowVersion: number;
    returnCount: number;
  };
};

/**
 * A task change is one statement (issue 20): the UPDATE on the row version that was read and
 * checked, with its history row in the same statement; a start or a note without a transaction,
 * a submission under the row lock with its evidence counted by that statement, a return with its
 * notification in the same transaction. Whatever the path, a stale version is a CONFLICT and
 * another unit's task NOT_FOUND, and nothing is written then.
 */
describe('a task change in one statement: version, jurisdiction, evidence, history', () => {
  let api: TestApi;
  let db: DataSource;
  let operator: SignedInClient;
  let otherUnit: SignedInClient;
  let zhou: SignedInClient;
  let cycleId: string;
  let ids: string[];

  const row = async (id: string) =>
    (
      await db.query(
        `SELECT status, row_version, progress_note, return_count, submitted_at::text AS submitted_at
           FROM task WHERE id = $1`,
        [id],
      )
    )[0] as {
      status: string;
      row_version: number;
      progress_note: string | null;
      return_count: number;
      submitted_at: string | null;
    };
  const events = async (id: string) =>
    (await db.query(
      `SELECT kind, before, after, reason, actor_username, occurred_at::text AS at, content_hash
         FROM task_event WHERE task_id = $1 ORDER BY id`,
      [id],
    )) as Array<{
      kind: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      reason: string | null;
      actor_username: string;
      at: string;
      content_hash: string | null;
    }>;
  const notifications = async (id: string) =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM notification WHERE task_id = $1`, [id]))[0].n,
    );
  const change = (client: SignedInClient, input: Record<string, unknown>) =>
    client.graphql<Changed>(UPDATE, { input });

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    const province = await api.signIn('province');
    [operator, otherUnit, zhou] = await Promise.all(
      ['enshi-scjg', 'jiangan-scjg', 'enshi-zhou'].map((u) => api.signIn(u)),
    );
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(created.errors).toBeUndefined();
    cycleId = created.data!.createCycle.cycle.id;
    const own: Array<{ id: string }> = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND d.kind_code = 'market_regulation'
          AND t.status = 'NOT_STARTED' AND t.retired_at IS NULL
        ORDER BY t.id LIMIT 2`,
      [cycleId],
    );
    expect(own).toHaveLength(2);
    ids = own.map((r) => r.id);
  });
  afterAll(() => api?.close());

  it('starts a task and answers a stale version with CONFLICT and the current state, writing nothing', async () => {
    const id = ids[0];
    const start = await row(id);
    const history = (await events(id)).length;
    const started = await change(operator, {
      taskId: id,
      expectedRowVersion: start.row_version,
      status: 'IN_PROGRESS',
    });
    expect(started.errors).toBeUndefined();
    expect(started.data!.updateTask).toMatchObject({
      id,
      status: 'IN_PROGRESS',
      rowVersion: start.row_version + 1,
    });
    const written = await events(id);
    expect(written.slice(history)).toEqual([
      expect.objectContaining({
        kind: 'status',
        before: { status: 'NOT_STARTED' },
        after: { status: 'IN_PROGRESS' },
        actor_username: 'enshi-scjg',
        content_hash: expect.stringMatching(/^[0-9a-f]{64}$/), // linked at its commit
      }),
    ]);

    // The version the caller read is gone: a note and the measures are both refused.
    for (const input of [{ progressNote: '过期的版本' }, { measures: '过期的措施' }]) {
      const stale = await change(operator, {
        taskId: id,
        expectedRowVersion: start.row_version,
        ...input,
      });
      expect(stale.data).toBeNull();
      expect(stale.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        details: {
          current: {
            rowVersion: start.row_version + 1,
            status: 'IN_PROGRESS',
            updatedBy: 'enshi-scjg',
          },
        },
      });
    }
    expect(await row(id)).toMatchObject({
      row_version: start.row_version + 1,
      progress_note: start.progress_note,
    });
    expect(await events(id)).toEqual(written);
  });

  it('answers NOT_FOUND for another unit’s task, on every path, writing nothing', async () => {
    const id = ids[1];
    const before = await row(id);
    const history = await events(id);
    for (const input of [
      { status: 'IN_PROGRESS' },
      { progressNote: '越权' },
      { status: 'SUBMITTED' },
    ]) {
      const res = await change(otherUnit, {
        taskId: id,
        expectedRowVersion: before.row_version,
        ...input,
      });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // A supervisor of the jurisdiction sees the task, but may not start it.
    const forbidden = await change(zhou, {
      taskId: id,
      expectedRowVersion: before.row_version,
      status: 'IN_PROGRESS',
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await row(id)).toEqual(before);
    expect(await events(id)).toEqual(history);
  });

  it('submits only with current evidence, counted by the statement that submits', async () => {
    const id = ids[0];
    let current = await row(id);
    const noted = await change(operator, {
      taskId: id,
      expectedRowVersion: current.row_version,
      progressNote: '已部署落实',
    });
    expect(noted.errors).toBeUndefined();
    current = await row(id);
    const refused = await change(operator, {
      taskId: id,
      expectedRowVersion: current.row_version,
      status: 'SUBMITTED',
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { evidence: '提交前请至少上传一份佐证材料。' } },
    });
    expect(refused.errors?.[0]?.extensions?.details).not.toHaveProperty('fields.progressNote');
    expect(await row(id)).toEqual(current);

    const upload = await uploadEvidence(api, operator, id, [
      { name: '佐证.pdf', content: samplePdf(`one statement ${id}`) },
    ]);
    expect(upload.status).toBe(201);
    const history = (await events(id)).length;
    // Ready, but from a version read before the note: CONFLICT, nothing written.
    const stale = await change(operator, {
      taskId: id,
      expectedRowVersion: current.row_version - 1,
      status: 'SUBMITTED',
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { current: { rowVersion: current.row_version, progressNote: '已部署落实' } },
    });
    expect(await row(id)).toEqual(current);
    const submitted = await change(operator, {
      taskId: id,
      expectedRowVersion: current.row_version,
      status: 'SUBMITTED',
    });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.updateTask).toMatchObject({
      status: 'SUBMITTED',
      rowVersion: current.row_version + 1,
    });
    const after = await row(id);
    const all = await events(id);
    expect(all).toHaveLength(history + 1);
    const last = all[all.length - 1];
    expect(last).toMatchObject({
      kind: 'status',
      before: { status: 'IN_PROGRESS' },
      after: { status: 'SUBMITTED' },
    });
    // The review queue's stamp is the event's time: the same statement wrote both.
    expect(after.submitted_at).toBe(last.at);
  });

  it('returns with its notification in the same transaction; a stale return writes neither', async () => {
    const id = ids[0];
    const seen = await row(id);
    expect(seen.status).toBe('SUBMITTED');
    const stale = await change(zhou, {
      taskId: id,
      expectedRowVersion: seen.row_version - 1,
      status: 'RETURNED',
      reason: '材料不全',
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await notifications(id)).toBe(0);
    expect(await row(id)).toEqual(seen);

    const returned = await change(zhou, {
      taskId: id,
      expectedRowVersion: seen.row_version,
      status: 'RETURNED',
      reason: '材料不全',
    });
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.updateTask).toMatchObject({
      status: 'RETURNED',
      rowVersion: seen.row_version + 1,
      returnCount: seen.return_count + 1,
    });
    expect(await notifications(id)).toBeGreaterThan(0);
    const last = (await events(id)).at(-1)!;
    expect(last).toMatchObject({
      kind: 'status',
      reason: '材料不全',
      actor_username: 'enshi-zhou',
    });
  });

  it('leaves the rollups and the hash chains as a recomputation finds them', async () => {
    expect(await verifyRollups(db, cycleId)).toEqual([]);
    expect((await verifyChains(db)).ok).toBe(true);
  });
});
