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
type LeadChange = {
  dutyId: string;
  lineageId: string;
  articleNumber: number;
  text: string;
  fromDepartment: string;
  toDepartment: string;
  tasks: number;
};
type Preview = {
  cycleId: string;
  followed: number;
  leadsFollowed: number;
  leadChanges: LeadChange[];
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
  cycleId followed leadsFollowed created retired restored total
  added { ${CHANGE} } retiring { ${CHANGE} } restoring { ${CHANGE} }
  leadChanges { dutyId lineageId articleNumber text fromDepartment toDepartment tasks } } }`;
const REGENERATE = `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { created retired restored total } }`;
const REGENERATE_LEADS = `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { leadsFollowed created retired restored total } }`;
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
  /** The duty given its own due date at opening; its lead is reviewed while the cycle is closed. */
  let dated: {
    id: string;
    lineage_id: string;
    row_version: number;
    lead: string | null;
    assisting: string[];
  };

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
    const duties: Array<typeof dated> = await db.query(
      `SELECT d.id, d.lineage_id, d.row_version,
              (SELECT department_code FROM duty_department WHERE duty_id = d.id AND role = 'lead') AS lead,
              ARRAY(SELECT department_code FROM duty_department
                     WHERE duty_id = d.id AND role <> 'lead') AS assisting
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
        { dutyLineageId: tracked.lineage_id, dueDate: '2028-01-31' },
      ],
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: {
          'dutyDueDates.0': '职责的截止日期不得早于考核年度的开始日期。',
          'dutyDueDates.1': '截止日期无效。',
          'dutyDueDates.2': '同一职责只能设置一个截止日期。',
          'dutyDueDates.3': '职责的截止日期不得晚于考核年度的截止日期。',
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

  it('lists, changes and restores per-duty due dates within the cycle, logging each task', async () => {
    const LIST = `query($id: ID!) { cycleDutyDueDates(cycleId: $id) {
      dutyLineageId dueDate dutyId articleNumber text tasks extended } }`;
    const SET = `mutation($c: ID!, $l: ID!, $d: String!) { setCycleDutyDueDate(cycleId: $c, dutyLineageId: $l, dueDate: $d) }`;
    const REMOVE = `mutation($c: ID!, $l: ID!) { removeCycleDutyDueDate(cycleId: $c, dutyLineageId: $l) }`;
    const [duty] = await db.query(
      `SELECT d.id, a.number, d.text FROM duty d JOIN regulation_article a ON a.id = d.article_id
        WHERE d.version_id = $1 AND d.lineage_id = $2`,
      [versionId, dated.lineage_id],
    );
    const listed = await province.graphql<{ cycleDutyDueDates: unknown[] }>(LIST, { id: cycleId });
    expect(listed.data!.cycleDutyDueDates).toEqual([
      {
        dutyLineageId: dated.lineage_id,
        dueDate: '2027-06-30',
        dutyId: duty.id,
        articleNumber: duty.number,
        text: duty.text,
        tasks: 117,
        extended: 0,
      },
    ]);

    // Refused with the field and a Chinese message; nothing changes.
    const before = await fingerprint();
    const refusal = async (lineage: string, date: string) =>
      (await province.graphql(SET, { c: cycleId, l: lineage, d: date })).errors?.[0];
    expect(await refusal(dated.lineage_id, '2028-01-01')).toMatchObject({
      message: '职责的截止日期不得晚于考核年度的截止日期。',
      extensions: {
        code: 'VALIDATION_FAILED',
        details: { fields: { dueDate: expect.any(String) } },
      },
    });
    expect(await refusal(dated.lineage_id, '2026-12-31')).toMatchObject({
      message: '职责的截止日期不得早于考核年度的开始日期。',
    });
    expect(await refusal(dated.lineage_id, '2027-02-30')).toMatchObject({
      extensions: { code: 'VALIDATION_FAILED' },
    });
    // Not tracked (yet): it has no tasks to date.
    expect(await refusal(tracked.lineage_id, '2027-06-30')).toMatchObject({
      extensions: {
        code: 'VALIDATION_FAILED',
        details: { fields: { dutyLineageId: expect.stringContaining('纳入跟踪') } },
      },
    });
    expect((await enshiZhou.graphql(LIST, { id: cycleId })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await fingerprint()).toEqual(before);

    // Changed: every task of the duty moves, each with a history entry saying why.
    const moved = await province.graphql<{ setCycleDutyDueDate: number }>(SET, {
      c: cycleId,
      l: dated.lineage_id,
      d: '2027-09-30',
    });
    expect(moved.data).toEqual({ setCycleDutyDueDate: 117 });
    const logged = async (date: string) =>
      db.query(
        `SELECT t.due_date::text AS due, count(*)::int AS n, min(e.reason) AS reason
           FROM task t JOIN task_event e ON e.task_id = t.id AND e.kind = 'due_date' AND e.after ->> 'dueDate' = $3
          WHERE t.cycle_id = $1 AND t.duty_lineage_id = $2 GROUP BY 1`,
        [cycleId, dated.lineage_id, date],
      );
    expect(await logged('2027-09-30')).toEqual([
      { due: '2027-09-30', n: 117, reason: '考核年度调整该职责的截止日期' },
    ]);

    // Restored: back on the cycle's due date; the list is empty; a second removal is refused.
    const removed = await province.graphql<{ removeCycleDutyDueDate: number }>(REMOVE, {
      c: cycleId,
      l: dated.lineage_id,
    });
    expect(removed.data).toEqual({ removeCycleDutyDueDate: 117 });
    expect(await logged('2027-12-31')).toEqual([
      { due: '2027-12-31', n: 117, reason: expect.stringContaining('恢复为年度截止日期') },
    ]);
    expect((await province.graphql(LIST, { id: cycleId })).data).toEqual({ cycleDutyDueDates: [] });
    expect(
      (await province.graphql(REMOVE, { c: cycleId, l: dated.lineage_id })).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
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
      leadsFollowed: 0,
      leadChanges: [],
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

  it('previews the lead department changes a regeneration makes after a review changed a lead', async () => {
    // The cycle is closed (previous test): its due dates cannot change, and a review does not
    // move its tasks' leads then.
    const closedSet = await province.graphql(
      `mutation($c: ID!, $l: ID!) { setCycleDutyDueDate(cycleId: $c, dutyLineageId: $l, dueDate: "2027-06-30") }`,
      { c: cycleId, l: dated.lineage_id },
    );
    expect(closedSet.errors?.[0]).toMatchObject({
      message: '该考核年度已关闭，截止日期不能再调整。',
      extensions: { code: 'CONFLICT' },
    });
    const before = dated.lead ?? 'market_regulation';
    // A new lead that is not already one of the duty's departments (the duties are picked by
    // id, so which one this is varies from run to run).
    const after = ['development_reform', 'finance', 'education', 'public_security'].find(
      (code) => code !== before && !dated.assisting.includes(code),
    )!;
    const [{ row_version }] = await db.query(`SELECT row_version FROM duty WHERE id = $1`, [
      dated.id,
    ]);
    const reviewed = await province.graphql(REVIEW, {
      input: {
        dutyId: dated.id,
        expectedRowVersion: row_version,
        tracked: true,
        leadDepartmentCode: after,
      },
    });
    expect(reviewed.errors).toBeUndefined();
    const reopened = await province.graphql(
      `mutation($id: ID!) { reopenCycle(cycleId: $id, reason: "职责牵头部门调整") { state } }`,
      { id: cycleId },
    );
    expect(reopened.errors).toBeUndefined();
    // A verified task stays with the department that did the work, in the preview as in the run.
    const [verified] = await db.query(
      `UPDATE task SET status = 'VERIFIED' WHERE id = (SELECT id FROM task
        WHERE cycle_id = $1 AND duty_lineage_id = $2 ORDER BY unit_code LIMIT 1) RETURNING id`,
      [cycleId, dated.lineage_id],
    );
    const names: Array<{ code: string; name: string }> = await db.query(
      `SELECT code, name FROM department_kind WHERE code = ANY ($1::text[])`,
      [[before, after]],
    );
    const name = (code: string) => names.find((n) => n.code === code)!.name;

    const snapshot = await fingerprint();
    const res = await province.graphql<{ cycleRegenerationPreview: Preview }>(PREVIEW, {
      id: cycleId,
    });
    expect(res.errors).toBeUndefined();
    expect(await fingerprint()).toEqual(snapshot);
    const preview = res.data!.cycleRegenerationPreview;
    const [{ number, text }] = await db.query(
      `SELECT a.number, d.text FROM duty d JOIN regulation_article a ON a.id = d.article_id WHERE d.id = $1`,
      [dated.id],
    );
    expect(preview).toMatchObject({
      created: 0,
      retired: 0,
      restored: 0,
      leadsFollowed: 116,
      leadChanges: [
        {
          dutyId: dated.id,
          lineageId: dated.lineage_id,
          articleNumber: number,
          text,
          fromDepartment: name(before),
          toDepartment: name(after),
          tasks: 116,
        },
      ],
    });

    const done = await province.graphql<{ regenerateCycleTasks: Record<string, number> }>(
      REGENERATE_LEADS,
      { id: cycleId },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.regenerateCycleTasks).toMatchObject({ leadsFollowed: preview.leadsFollowed });
    const leads: Array<{ kind: string; n: number }> = await db.query(
      `SELECT dep.kind_code AS kind, count(*)::int AS n FROM task t
         JOIN department dep ON dep.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.duty_lineage_id = $2 AND t.id <> $3 GROUP BY 1`,
      [cycleId, dated.lineage_id, verified[0].id],
    );
    expect(leads).toEqual([{ kind: after, n: 116 }]);
    const again = await province.graphql<{ cycleRegenerationPreview: Preview }>(PREVIEW, {
      id: cycleId,
    });
    expect(again.data!.cycleRegenerationPreview).toMatchObject({
      leadsFollowed: 0,
      leadChanges: [],
    });
  });
});
