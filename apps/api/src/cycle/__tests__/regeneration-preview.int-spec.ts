import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

type Change = {
  dutyId: string;
  lineageId: string;
  articleNumber: number;
  text: string;
  tasks: number;
  reason: string | null;
};
type Preview = {
  cycleId: string;
  followed: number;
  created: number;
  retired: number;
  restored: number;
  total: number;
  added: Change[];
  retiring: Change[];
  restoring: Change[];
};

const CHANGE = `dutyId lineageId articleNumber text tasks reason`;
const PREVIEW = `query($id: ID!) { cycleRegenerationPreview(cycleId: $id) {
  cycleId followed created retired restored total
  added { ${CHANGE} } retiring { ${CHANGE} } restoring { ${CHANGE} } } }`;
const REGENERATE = `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { created retired restored total } }`;
const CREATE = `mutation($input: CreateCycleInput!, $dates: [CycleDutyDueDateInput!]) {
  createCycle(input: $input, dutyDueDates: $dates) { cycle { id } generation { created total } } }`;
const REVIEW = `mutation($input: ReviewDutyInput!) { reviewDuty(input: $input) { rowVersion } }`;

describe('cycle administration: per-duty due dates at opening and the regeneration preview', () => {
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let versionId: string;
  let cycleId: string;
  /** A tracked duty with tasks in every unit level it applies to, untracked later. */
  let untracked: { id: string; lineage_id: string; row_version: number; lead: string | null };
  /** A government duty untracked before the cycle opens, tracked later. */
  let tracked: { id: string; lineage_id: string; row_version: number; lead: string | null };
  /** The duty given its own due date at opening. */
  let dated: { lineage_id: string };

  /** Everything a preview must leave as it was. */
  const fingerprint = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM task) AS tasks,
                (SELECT count(*) FROM task WHERE retired_at IS NOT NULL) AS retired,
                (SELECT coalesce(sum(row_version), 0) FROM task) AS versions,
                (SELECT count(*) FROM task_event) AS events,
                (SELECT count(*) FROM task_assist) AS assists,
                (SELECT count(*) FROM notification) AS notifications,
                (SELECT count(*) FROM cycle_duty_due_date) AS due_dates`,
      )
    )[0];

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    [province, enshiZhou] = await Promise.all(['province', 'enshi-zhou'].map((u) => api.signIn(u)));
    [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const duties: Array<typeof untracked> = await db.query(
      `SELECT d.id, d.lineage_id, d.row_version,
              (SELECT department_code FROM duty_department WHERE duty_id = d.id AND role = 'lead') AS lead
         FROM duty d
        WHERE d.version_id = $1 AND d.tracked AND d.government_duty
          AND d.levels @> ARRAY['province', 'prefecture', 'county']::text[]
        ORDER BY d.id LIMIT 3`,
      [versionId],
    );
    [untracked, tracked, dated] = duties;
    // Not tracked when the cycle opens: its tasks are the ones a later review adds.
    await db.query(`UPDATE duty SET tracked = false WHERE id = $1`, [tracked.id]);
  });
  afterAll(() => api?.close());

  const input = {
    year: 2027,
    startDate: '2027-01-01',
    dueDate: '2027-12-31',
  };

  it('refuses bad per-duty due dates with a field each and creates nothing', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM assessment_cycle`);
    const bad = await province.graphql(CREATE, {
      input: { ...input, regulationVersionId: versionId },
      dates: [
        { dutyLineageId: dated.lineage_id, dueDate: '2026-06-30' },
        { dutyLineageId: untracked.lineage_id, dueDate: '2027-13-40' },
        { dutyLineageId: dated.lineage_id, dueDate: '2027-06-30' },
      ],
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: {
          'dutyDueDates.0': '职责的截止日期不得早于考核年度的开始日期。',
          'dutyDueDates.1': '截止日期无效。',
          'dutyDueDates.2': '同一职责只能设置一个截止日期。',
        },
      },
    });
    // A lineage that is not one of the version's tracked duties (the untracked one).
    const unknown = await province.graphql(CREATE, {
      input: { ...input, regulationVersionId: versionId },
      dates: [{ dutyLineageId: tracked.lineage_id, dueDate: '2027-06-30' }],
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { 'dutyDueDates.0': expect.stringContaining('纳入跟踪') } },
    });
    expect(await db.query(`SELECT count(*)::int AS n FROM assessment_cycle`)).toEqual(before);
  });

  it('opens a cycle whose tasks of one duty carry that duty’s own due date', async () => {
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(CREATE, {
      input: { ...input, regulationVersionId: versionId },
      dates: [{ dutyLineageId: dated.lineage_id, dueDate: '2027-06-30' }],
    });
    expect(res.errors).toBeUndefined();
    cycleId = res.data!.createCycle.cycle.id;
    const dates: Array<{ own: boolean; due: string; n: number; logged: string }> = await db.query(
      `SELECT t.duty_lineage_id = $2 AS own, t.due_date::text AS due, count(*)::int AS n,
              min(e.after ->> 'dueDate') AS logged
         FROM task t JOIN task_event e ON e.task_id = t.id AND e.kind = 'created'
        WHERE t.cycle_id = $1 GROUP BY 1, 2 ORDER BY 1`,
      [cycleId, dated.lineage_id],
    );
    expect(dates).toEqual([
      { own: false, due: '2027-12-31', n: expect.any(Number), logged: '2027-12-31' },
      { own: true, due: '2027-06-30', n: 117, logged: '2027-06-30' },
    ]);
  });

  it('previews nothing to do right after opening', async () => {
    const res = await province.graphql<{ cycleRegenerationPreview: Preview }>(PREVIEW, {
      id: cycleId,
    });
    expect(res.errors).toBeUndefined();
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM task WHERE cycle_id = $1 AND retired_at IS NULL`,
      [cycleId],
    );
    expect(res.data!.cycleRegenerationPreview).toMatchObject({
      created: 0,
      retired: 0,
      restored: 0,
      followed: 0,
      total: n,
      added: [],
      retiring: [],
      restoring: [],
    });
  });

  it('previews, by duty and without writing, exactly what the regeneration then does', async () => {
    const review = (duty: typeof untracked, trackedNow: boolean) =>
      province.graphql<{ reviewDuty: { rowVersion: number } }>(REVIEW, {
        input: {
          dutyId: duty.id,
          expectedRowVersion: duty.row_version,
          tracked: trackedNow,
          ...(trackedNow ? { leadDepartmentCode: duty.lead ?? 'market_regulation' } : {}),
        },
      });
    const [off] = await db.query(`SELECT row_version FROM duty WHERE id = $1`, [untracked.id]);
    const [on] = await db.query(`SELECT row_version FROM duty WHERE id = $1`, [tracked.id]);
    expect((await review({ ...untracked, row_version: off.row_version }, false)).errors).toBe(
      undefined,
    );
    expect((await review({ ...tracked, row_version: on.row_version }, true)).errors).toBe(
      undefined,
    );

    const before = await fingerprint();
    const res = await province.graphql<{ cycleRegenerationPreview: Preview }>(PREVIEW, {
      id: cycleId,
    });
    expect(res.errors).toBeUndefined();
    const preview = res.data!.cycleRegenerationPreview;
    // Twice, to be sure the first one left nothing behind.
    await province.graphql(PREVIEW, { id: cycleId });
    expect(await fingerprint()).toEqual(before);

    const article = async (dutyId: string) =>
      (
        await db.query(
          `SELECT a.number, d.text FROM duty d JOIN regulation_article a ON a.id = d.article_id WHERE d.id = $1`,
          [dutyId],
        )
      )[0];
    const addedArticle = await article(tracked.id);
    const retiredArticle = await article(untracked.id);
    expect(preview).toMatchObject({
      created: 117,
      retired: 117,
      restored: 0,
      added: [
        {
          dutyId: tracked.id,
          lineageId: tracked.lineage_id,
          articleNumber: addedArticle.number,
          text: addedArticle.text,
          tasks: 117,
          reason: null,
        },
      ],
      retiring: [
        {
          dutyId: untracked.id,
          lineageId: untracked.lineage_id,
          articleNumber: retiredArticle.number,
          text: retiredArticle.text,
          tasks: 117,
          reason: '职责已不再纳入跟踪',
        },
      ],
      restoring: [],
    });

    const done = await province.graphql<{ regenerateCycleTasks: Record<string, number> }>(
      REGENERATE,
      { id: cycleId },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.regenerateCycleTasks).toEqual({
      created: preview.created,
      retired: preview.retired,
      restored: preview.restored,
      total: preview.total,
    });
    // The tasks the database now holds for each previewed duty.
    const byLineage: Array<{ lineage: string; active: number; retired: number }> = await db.query(
      `SELECT duty_lineage_id AS lineage, count(*) FILTER (WHERE retired_at IS NULL)::int AS active,
              count(*) FILTER (WHERE retired_at IS NOT NULL)::int AS retired
         FROM task WHERE cycle_id = $1 AND duty_lineage_id = ANY ($2::uuid[]) GROUP BY 1`,
      [cycleId, [tracked.lineage_id, untracked.lineage_id]],
    );
    expect(byLineage).toEqual(
      expect.arrayContaining([
        { lineage: tracked.lineage_id, active: 117, retired: 0 },
        { lineage: untracked.lineage_id, active: 0, retired: 117 },
      ]),
    );

    // Tracking the duty again: the preview lists its tasks as restored, as the regeneration does.
    const [again] = await db.query(`SELECT row_version FROM duty WHERE id = $1`, [untracked.id]);
    expect((await review({ ...untracked, row_version: again.row_version }, true)).errors).toBe(
      undefined,
    );
    const restore = (
      await province.graphql<{ cycleRegenerationPreview: Preview }>(PREVIEW, { id: cycleId })
    ).data!.cycleRegenerationPreview;
    expect(restore).toMatchObject({
      created: 0,
      retired: 0,
      restored: 117,
      restoring: [{ dutyId: untracked.id, tasks: 117 }],
    });
    const redone = await province.graphql<{ regenerateCycleTasks: Record<string, number> }>(
      REGENERATE,
      { id: cycleId },
    );
    expect(redone.data!.regenerateCycleTasks).toEqual({
      created: 0,
      retired: 0,
      restored: 117,
      total: restore.total,
    });
  });

  it('is for those who regenerate, and refused on a closed cycle as the regeneration is', async () => {
    const denied = await enshiZhou.graphql(PREVIEW, { id: cycleId });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await province.graphql(PREVIEW, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (
        await province.graphql(`mutation($id: ID!) { closeCycle(cycleId: $id) { state } }`, {
          id: cycleId,
        })
      ).errors,
    ).toBeUndefined();
    const closed = await province.graphql(PREVIEW, { id: cycleId });
    expect(closed.errors?.[0]).toMatchObject({
      message: '该考核年度已关闭，任务只读。',
      extensions: { code: 'CONFLICT' },
    });
  });
});
