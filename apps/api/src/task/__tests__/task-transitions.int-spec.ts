import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { TaskStatus } from '../task-workflow';

type Actor =
  'own operator' | 'other operator' | 'prefecture supervisor' | 'provincial supervisor' | 'auditor';

/**
 * Every transition × every kind of actor on a county task of 恩施市 (422801, under 恩施州):
 * only the listed actors may make each move; everybody else is refused and nothing changes.
 */
const CASES: Array<{ from: TaskStatus; to: TaskStatus; reason?: string; allowed: Actor[] }> = [
  { from: TaskStatus.NOT_STARTED, to: TaskStatus.IN_PROGRESS, allowed: ['own operator'] },
  { from: TaskStatus.NOT_STARTED, to: TaskStatus.SUBMITTED, allowed: ['own operator'] },
  { from: TaskStatus.IN_PROGRESS, to: TaskStatus.SUBMITTED, allowed: ['own operator'] },
  { from: TaskStatus.RETURNED, to: TaskStatus.IN_PROGRESS, allowed: ['own operator'] },
  {
    from: TaskStatus.SUBMITTED,
    to: TaskStatus.VERIFIED,
    allowed: ['prefecture supervisor', 'provincial supervisor'],
  },
  {
    from: TaskStatus.SUBMITTED,
    to: TaskStatus.RETURNED,
    reason: '材料不全',
    allowed: ['prefecture supervisor', 'provincial supervisor'],
  },
  {
    from: TaskStatus.VERIFIED,
    to: TaskStatus.IN_PROGRESS,
    reason: '复核发现问题',
    allowed: ['provincial supervisor'],
  },
  // Not in the workflow at all: refused for everyone.
  { from: TaskStatus.NOT_STARTED, to: TaskStatus.VERIFIED, allowed: [] },
  { from: TaskStatus.IN_PROGRESS, to: TaskStatus.RETURNED, reason: 'x', allowed: [] },
  { from: TaskStatus.RETURNED, to: TaskStatus.VERIFIED, allowed: [] },
];
const ACTORS: Actor[] = [
  'own operator',
  'other operator',
  'prefecture supervisor',
  'provincial supervisor',
  'auditor',
];

describe('task transitions: every move × every actor', () => {
  let api: TestApi;
  let db: DataSource;
  let taskId: string;
  const clients = {} as Record<Actor, SignedInClient>;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    const province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    await province.graphql(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    [{ id: taskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 1`,
    );
    clients['own operator'] = await api.signIn('enshi-scjg');
    clients['other operator'] = await api.signIn('jiangan-scjg');
    clients['prefecture supervisor'] = await api.signIn('enshi-zhou');
    clients['provincial supervisor'] = province;
    clients.auditor = await api.signIn('auditor');
    // Submitting needs current evidence (tested with the evidence itself).
    const upload = await uploadEvidence(api, clients['own operator'], taskId, [
      { name: '佐证.pdf', content: samplePdf('transitions') },
    ]);
    expect(upload.status).toBe(201);
  });
  afterAll(() => api?.close());

  const table = CASES.flatMap((c) =>
    ACTORS.map((actor) => [`${c.from} → ${c.to}`, actor, c] as const),
  );
  it.each(table)('%s by %s', async (_move, actor, c) => {
    // Test setup puts the task in the starting state (directly: this is not the behaviour under test).
    await db.query(
      `UPDATE task SET status = $2, progress_note = '已部署落实', row_version = row_version + 1 WHERE id = $1`,
      [taskId, c.from],
    );
    const [{ row_version: version }] = await db.query(
      `SELECT row_version FROM task WHERE id = $1`,
      [taskId],
    );
    const res = await clients[actor].graphql<{ updateTask: { status: string } }>(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
      { input: { taskId, expectedRowVersion: version, status: c.to, reason: c.reason } },
    );
    const [{ status }] = await db.query(`SELECT status FROM task WHERE id = $1`, [taskId]);
    if (c.allowed.includes(actor)) {
      expect(res.errors).toBeUndefined();
      expect(status).toBe(c.to);
    } else {
      // Another unit's operator does not see the task; a move outside the workflow is invalid
      // for whoever may write; everyone else is refused.
      const expectedCode =
        actor === 'other operator'
          ? 'NOT_FOUND'
          : c.allowed.length === 0 && actor !== 'auditor'
            ? 'VALIDATION_FAILED'
            : 'FORBIDDEN';
      expect(res.errors?.[0]?.extensions?.code).toEqual(expectedCode);
      expect(status).toBe(c.from);
    }
  });

  it('lets an assisting department record its own contribution, and nobody else', async () => {
    const [{ id: deptId }] = await db.query(
      `SELECT id FROM department WHERE unit_code = '422801' AND kind_code = 'market_regulation'`,
    );
    const [{ id: assisted }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND d.kind_code <> 'market_regulation'
          AND NOT EXISTS (SELECT 1 FROM task_assist a WHERE a.task_id = t.id AND a.department_id = $1)
        ORDER BY t.id LIMIT 1`,
      [deptId],
    );
    const contribute = `mutation($id: ID!, $note: String!) { setTaskContribution(taskId: $id, note: $note) { assists { department { name } contributionNote } } }`;
    expect(
      (await clients['own operator'].graphql(contribute, { id: assisted, note: '配合开展检查' }))
        .errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    await db.query(`INSERT INTO task_assist (task_id, department_id) VALUES ($1, $2)`, [
      assisted,
      deptId,
    ]);
    const ok = await clients['own operator'].graphql<{
      setTaskContribution: {
        assists: Array<{ department: { name: string }; contributionNote: string }>;
      };
    }>(contribute, { id: assisted, note: '配合开展检查' });
    expect(ok.data!.setTaskContribution.assists).toContainEqual({
      department: { name: '恩施市市场监督管理局' },
      contributionNote: '配合开展检查',
    });
    expect(
      (await clients['prefecture supervisor'].graphql(contribute, { id: assisted, note: 'x' }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const [event] = await db.query(
      `SELECT kind, after FROM task_event WHERE task_id = $1 AND kind = 'contribution'`,
      [assisted],
    );
    expect(event.after).toMatchObject({ contributionNote: '配合开展检查' });
  });
});
