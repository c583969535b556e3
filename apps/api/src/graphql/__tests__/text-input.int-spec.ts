import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';

const UPDATE = `mutation($input: TaskChangeInput!) { updateTask(input: $input) { progressNote rowVersion } }`;
const BULK = `mutation($input: BulkTaskChangeInput!) { bulkUpdateTasks(input: $input) { id } }`;
const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

/**
 * Issue 15, finding 11: a NUL byte or a lone UTF-16 surrogate in any text reached PostgreSQL
 * and came back as INTERNAL_ERROR. Refused up front with VALIDATION_FAILED naming the field.
 */
describe('text input with a NUL or a lone surrogate (GraphQL, uploads, query strings)', () => {
  let api: TestApi;
  let db: DataSource;
  let operator: SignedInClient;
  let taskId: string;

  const taskRow = async () =>
    (await db.query(`SELECT progress_note, row_version FROM task WHERE id = $1`, [taskId]))[0] as {
      progress_note: string;
      row_version: number;
    };

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
    operator = await api.signIn('enshi-scjg');
  });
  afterAll(() => api?.close());

  it.each([
    {
      how: 'a NUL in a variable',
      query: UPDATE,
      input: (v: number) => ({ taskId, expectedRowVersion: v, progressNote: `已部署${NUL}落实` }),
      path: 'input.progressNote',
    },
    {
      how: 'a NUL written inline',
      query: `mutation($id: ID!, $v: Int!) { updateTask(input: { taskId: $id, expectedRowVersion: $v, progressNote: "已部署\\u0000落实" }) { rowVersion } }`,
      input: undefined,
      path: 'input.progressNote',
    },
    {
      how: 'a lone surrogate in a variable',
      query: UPDATE,
      input: (v: number) => ({ taskId, expectedRowVersion: v, measures: `措施${LONE_SURROGATE}` }),
      path: 'input.measures',
    },
    {
      how: 'a lone surrogate deep in a list of a bulk change',
      query: BULK,
      input: (v: number) => ({
        changes: [{ taskId, expectedRowVersion: v, progressNote: `进展${LONE_SURROGATE}` }],
      }),
      path: 'input.changes.0.progressNote',
    },
  ])('refuses $how with VALIDATION_FAILED naming $path, changing nothing', async (c) => {
    const before = await taskRow();
    const variables = c.input
      ? { input: c.input(before.row_version) }
      : { id: taskId, v: before.row_version };
    const res = await operator.graphql(c.query, variables);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: { [c.path]: [expect.stringContaining('空字符')] } },
    });
    expect(await taskRow()).toEqual(before);
  });

  it('leaves a lone surrogate written inline to the parser, which refuses the document (BAD_REQUEST)', async () => {
    const res = await operator.graphql(
      `mutation { updateTask(input: { taskId: "${taskId}", expectedRowVersion: 1, progressNote: "\\uD800" }) { rowVersion } }`,
    );
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('accepts characters outside the BMP, written as surrogate pairs', async () => {
    const before = await taskRow();
    const res = await operator.graphql<{ updateTask: { progressNote: string } }>(UPDATE, {
      input: { taskId, expectedRowVersion: before.row_version, progressNote: '已完成𠀋 😀' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTask.progressNote).toBe('已完成𠀋 😀');
  });

  it('refuses a NUL in an upload’s text field with VALIDATION_FAILED, storing nothing', async () => {
    const res = await uploadEvidence(
      api,
      operator,
      taskId,
      [{ name: '通知.pdf', content: samplePdf('text-input') }],
      { description: `会议纪要${NUL}`, documentNumber: '鄂质〔2026〕1号' },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { description: expect.stringContaining('空字符') } },
    });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM evidence WHERE task_id = $1`, [
      taskId,
    ]);
    expect(n).toBe(0);
  });

  it('refuses a NUL in a REST query string with VALIDATION_FAILED', async () => {
    const res = await fetch(`${api.url}/api/exports/duties?format=csv&code=%00`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { code: [expect.stringContaining('空字符')] } },
    });
  });
});
