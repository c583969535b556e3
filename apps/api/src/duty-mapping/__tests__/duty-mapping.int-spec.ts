import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { MAPPING_V1, MAPPING_V2 } from './mapping-texts';

const CODE = 'hubei-quality-demo';

const IMPORT = `mutation Import($input: ImportRegulationInput!) {
  importRegulationVersion(input: $input) {
    carriedOver mappingSuggestions
    version { id versionNumber }
    changes { kind from to sources }
  }
}`;

const DUTIES = `query Duties($filter: DutyFilterInput) {
  duties(filter: $filter, page: { first: 100 }) {
    nodes {
      id lineageId rowVersion text tracked reviewState carriedFromId
      article { number }
      leadDepartment { code }
      departments { role department { code } }
      history { kind actor note }
    }
  }
}`;

const REVIEW = `mutation($input: ReviewDutyInput!) { reviewDuty(input: $input) { id rowVersion } }`;

const SUGGESTIONS = `query($versionId: ID!, $status: DutyMappingStatus) {
  dutyMappingSuggestions(versionId: $versionId, status: $status) {
    id status similarity primary articleChange rowVersion decidedBy reason
    duty { id text article { number } }
    previousDuty { id text article { number } }
  }
}`;

const DECIDE = `mutation($input: DecideDutyMappingInput!) {
  decideDutyMapping(input: $input) { id status rowVersion decidedBy reason }
}`;

const MOVE = `mutation($cycleId: ID!, $versionId: ID!) {
  moveCycleToVersion(cycleId: $cycleId, versionId: $versionId) {
    followed
    cycle { id regulationVersionId }
    generation { created retired restored total }
  }
}`;

interface DutyNode {
  id: string;
  lineageId: string;
  rowVersion: number;
  text: string;
  tracked: boolean;
  reviewState: string;
  carriedFromId: string | null;
  article: { number: number };
  leadDepartment: { code: string } | null;
  departments: Array<{ role: string; department: { code: string } }>;
  history: Array<{ kind: string; actor: string; note: string | null }>;
}

interface Suggestion {
  id: string;
  status: string;
  similarity: number;
  primary: boolean;
  articleChange: string;
  rowVersion: number;
  decidedBy: string | null;
  reason: string | null;
  duty: { id: string; text: string; article: { number: number } };
  previousDuty: { id: string; text: string; article: { number: number } };
}

/**
 * A revision through the API against a real database: version 1 imported, reviewed and
 * assessed in a cycle with progress; version 2 deletes 第二条, rewords 第三条, merges 第四、五条
 * and renumbers 第六条. Renumbered duties carry over by themselves, reworded ones wait for a
 * supervisor's decision, and the cycle follows the lineages into version 2.
 */
describe('duty mappings between versions and cycles that follow them (GraphQL over HTTP)', () => {
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let jiangan: SignedInClient;
  let v1: { id: string };
  let v2: { id: string; carriedOver: number; mappingSuggestions: number };
  let before: Record<number, DutyNode>; // version 1 duties by article
  let cycleId: string;
  /** The 江岸区 task of 第三条 and of 第六条, moved on by the operator. */
  const worked: Record<number, { id: string; events: number }> = {};
  let suggestions: Suggestion[];

  const duties = async (versionId: string) => {
    const res = await province.graphql<{ duties: { nodes: DutyNode[] } }>(DUTIES, {
      filter: { versionId },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.duties.nodes;
  };
  const importText = async (text: string) => {
    const res = await province.graphql<{
      importRegulationVersion: {
        carriedOver: number;
        mappingSuggestions: number;
        version: { id: string };
        changes: Array<{ kind: string; from: number | null; to: number | null }>;
      };
    }>(IMPORT, { input: { code: CODE, text, status: 'ENACTED' } });
    expect(res.errors).toBeUndefined();
    return res.data!.importRegulationVersion;
  };
  const pending = async () =>
    (
      await province.graphql<{ dutyMappingSuggestions: Suggestion[] }>(SUGGESTIONS, {
        versionId: v2.id,
        status: 'PENDING',
      })
    ).data!.dutyMappingSuggestions;
  const taskOf = (dutyId: string, unit = '420102') =>
    db
      .query(
        `SELECT id, status, row_version FROM task WHERE cycle_id = $1 AND duty_id = $2 AND unit_code = $3`,
        [cycleId, dutyId, unit],
      )
      .then((rows: Array<{ id: string; status: string; row_version: number }>) => rows[0]);

  beforeAll(async () => {
    api = await startTestApi(); // demo seed: units, departments and accounts
    db = api.server.app.get(DataSource);
    [province, jiangan] = await Promise.all([api.signIn('province'), api.signIn('jiangan-scjg')]);

    v1 = (await importText(MAPPING_V1)).version;
    before = Object.fromEntries((await duties(v1.id)).map((d) => [d.article.number, d]));
    // Review two tracked duties: the one whose article is reworded, the one only renumbered.
    for (const article of [3, 6]) {
      const res = await province.graphql(REVIEW, {
        input: {
          dutyId: before[article].id,
          expectedRowVersion: before[article].rowVersion,
          tracked: true,
          leadDepartmentCode: 'market_regulation',
          assistingDepartmentCodes: ['finance'],
        },
      });
      expect(res.errors).toBeUndefined();
    }
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2027, regulationVersionId: $v, startDate: "2027-01-01", dueDate: "2027-12-31" }) { cycle { id } } }`,
      { v: v1.id },
    );
    expect(created.errors).toBeUndefined();
    cycleId = created.data!.createCycle.cycle.id;
    // The 江岸区 operator starts work on two tasks.
    for (const article of [3, 6]) {
      const task = await taskOf(before[article].id);
      const res = await jiangan.graphql(
        `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id status } }`,
        {
          input: {
            taskId: task.id,
            expectedRowVersion: task.row_version,
            status: 'IN_PROGRESS',
            progressNote: `第${article}条已部署`,
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task_event WHERE task_id = $1`,
        [task.id],
      );
      worked[article] = { id: task.id, events: n };
    }

    const imported = await importText(MAPPING_V2);
    v2 = { ...imported.version, ...imported };
    expect(imported.changes.map((c) => [c.kind, c.from, c.to])).toEqual([
      ['UNCHANGED', 1, 1],
      ['REMOVED', 2, null],
      ['CHANGED', 3, 2],
      ['MERGED', 4, 3],
      ['RENUMBERED', 6, 4],
      ['RENUMBERED', 7, 5],
    ]);
  });
  afterAll(() => api?.close());

  it('carries duties of unchanged and renumbered articles over by themselves', async () => {
    const after = await duties(v2.id);
    const renumbered = after.find((d) => d.article.number === 4)!;
    expect(renumbered).toMatchObject({
      lineageId: before[6].lineageId,
      carriedFromId: before[6].id,
      reviewState: 'REVIEWED',
      tracked: true,
      leadDepartment: { code: 'market_regulation' },
    });
    expect(renumbered.departments.map((d) => d.department.code).sort()).toEqual([
      'finance',
      'market_regulation',
    ]);
    expect(renumbered.history.map((h) => h.kind)).toEqual(['EXTRACTED', 'CARRIED_OVER']);
    // 第一条 (unchanged), 第六条 → 第四条 and 第七条 → 第五条 (renumbered).
    expect(v2.carriedOver).toBe(3);
    // The reworded articles' duties are not carried: they wait for a decision.
    for (const d of after.filter((x) => [2, 3].includes(x.article.number))) {
      expect(d.carriedFromId).toBeNull();
      expect(d.reviewState).toBe('EXTRACTED');
    }
  });

  it('suggests which old duty each duty of a changed or merged article continues', async () => {
    suggestions = await pending();
    expect(v2.mappingSuggestions).toBe(3);
    expect(
      suggestions.map((s) => [
        s.articleChange,
        s.previousDuty.article.number,
        s.duty.article.number,
        s.primary,
      ]),
    ).toEqual([
      ['CHANGED', 3, 2, true],
      ['MERGED', 4, 3, true],
      ['MERGED', 5, 3, true],
    ]);
    expect(suggestions[0].similarity).toBeGreaterThan(0.5);
    expect(suggestions[0].similarity).toBeLessThan(1);
    // The merged article repeats each source's words: the statements are the same.
    expect(suggestions.slice(1).map((s) => s.similarity)).toEqual([1, 1]);
    // The deleted 第二条 has no suggestion.
    expect(suggestions.some((s) => s.previousDuty.article.number === 2)).toBe(false);

    const library = await province.graphql<{
      regulations: Array<{ code: string; pendingMappings: number }>;
    }>(`{ regulations { code pendingMappings } }`);
    expect(library.data!.regulations.find((r) => r.code === CODE)?.pendingMappings).toBe(3);
  });

  it('refuses to move the cycle while suggestions are pending, saying how many', async () => {
    const res = await province.graphql(MOVE, { cycleId, versionId: v2.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'DUTY_MAPPINGS_PENDING', pending: 3 },
    });
    expect(res.errors?.[0]?.message).toContain('3 条职责映射建议待审核');
    const [{ version }] = await db.query(
      `SELECT regulation_version_id AS version FROM assessment_cycle WHERE id = $1`,
      [cycleId],
    );
    expect(version).toBe(v1.id);
  });

  it('refuses to open a cycle on the new version while suggestions are pending, creating nothing', async () => {
    const res = await province.graphql(
      `mutation($v: ID!) { createCycle(input: { year: 2031, regulationVersionId: $v, startDate: "2031-01-01", dueDate: "2031-12-31" }) { cycle { id } } }`,
      { v: v2.id },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'DUTY_MAPPINGS_PENDING', pending: 3 },
    });
    expect(res.errors?.[0]?.extensions?.details).toHaveProperty('fields.regulationVersionId');
    const [{ cycles }] = await db.query(
      `SELECT count(*)::int AS cycles FROM assessment_cycle WHERE regulation_version_id = $1`,
      [v2.id],
    );
    expect(cycles).toBe(0);
  });

  it.each([
    ['jiangan-scjg', 'decideDutyMapping'],
    ['enshi-zhou', 'decideDutyMapping'],
    ['sysadmin', 'decideDutyMapping'],
    ['enshi-zhou', 'moveCycleToVersion'],
    ['auditor', 'moveCycleToVersion'],
  ])('refuses %s calling %s (FORBIDDEN), changing nothing', async (username, operation) => {
    const client = await api.signIn(username);
    const [first] = suggestions;
    const res =
      operation === 'decideDutyMapping'
        ? await client.graphql(DECIDE, {
            input: {
              decision: 'CONFIRM',
              suggestions: [{ suggestionId: first.id, expectedRowVersion: first.rowVersion }],
            },
          })
        : await client.graphql(MOVE, { cycleId, versionId: v2.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await pending()).toHaveLength(3);
    // Reading the queue is open to every reader of the register.
    const read = await client.graphql(SUGGESTIONS, { versionId: v2.id });
    expect(read.errors).toBeUndefined();
  });

  it('decides all or nothing: a stale row version is a CONFLICT and nothing is saved', async () => {
    const [changed, merged4] = suggestions;
    const res = await province.graphql(DECIDE, {
      input: {
        decision: 'CONFIRM',
        suggestions: [
          { suggestionId: changed.id, expectedRowVersion: changed.rowVersion },
          { suggestionId: merged4.id, expectedRowVersion: merged4.rowVersion + 1 },
        ],
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { current: [{ id: merged4.id, status: 'pending', rowVersion: 1 }] },
    });
    expect(await pending()).toHaveLength(3);

    const noReason = await province.graphql(DECIDE, {
      input: {
        decision: 'REJECT',
        suggestions: [{ suggestionId: changed.id, expectedRowVersion: changed.rowVersion }],
        reason: '  ',
      },
    });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { reason: expect.any(String) } },
    });
  });

  it('confirms a mapping: the new duty takes over lineage, tracked flag, review and departments', async () => {
    const [changed] = suggestions;
    const res = await province.graphql<{ decideDutyMapping: Suggestion[] }>(DECIDE, {
      input: {
        decision: 'CONFIRM',
        suggestions: [{ suggestionId: changed.id, expectedRowVersion: changed.rowVersion }],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideDutyMapping).toEqual([
      expect.objectContaining({ status: 'CONFIRMED', decidedBy: 'province', rowVersion: 2 }),
    ]);
    const successor = (await duties(v2.id)).find((d) => d.id === changed.duty.id)!;
    expect(successor).toMatchObject({
      lineageId: before[3].lineageId,
      carriedFromId: before[3].id,
      tracked: true,
      reviewState: 'REVIEWED',
      leadDepartment: { code: 'market_regulation' },
    });
    expect(successor.departments.map((d) => d.department.code).sort()).toEqual([
      'finance',
      'market_regulation',
    ]);
    expect(successor.history.map((h) => [h.kind, h.actor])).toEqual([
      ['EXTRACTED', 'province'],
      ['MAPPING_CONFIRMED', 'province'],
    ]);

    // Decided once: deciding again is a CONFLICT.
    const again = await province.graphql(DECIDE, {
      input: {
        decision: 'REJECT',
        reason: '重复',
        suggestions: [{ suggestionId: changed.id, expectedRowVersion: 2 }],
      },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('rejects a mapping with a reason: the new duty stays a lineage of its own', async () => {
    const merged5 = suggestions[2];
    const res = await province.graphql<{ decideDutyMapping: Suggestion[] }>(DECIDE, {
      input: {
        decision: 'REJECT',
        reason: '品牌培育改由新条款另行部署',
        suggestions: [{ suggestionId: merged5.id, expectedRowVersion: merged5.rowVersion }],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideDutyMapping[0]).toMatchObject({
      status: 'REJECTED',
      reason: '品牌培育改由新条款另行部署',
    });
    const duty = (await duties(v2.id)).find((d) => d.id === merged5.duty.id)!;
    expect(duty.lineageId).toBe(duty.id);
    expect(duty.carriedFromId).toBeNull();
    expect(duty.history.at(-1)).toMatchObject({
      kind: 'MAPPING_REJECTED',
      note: '品牌培育改由新条款另行部署',
    });
    // One still pending: the move is still refused, with the new count.
    const move = await province.graphql(MOVE, { cycleId, versionId: v2.id });
    expect(move.errors?.[0]?.extensions?.details).toMatchObject({ pending: 1 });
  });

  it('moves the cycle: tasks follow the lineage with their status and history; the rest retire', async () => {
    const merged4 = suggestions[1];
    const confirmed = await province.graphql(DECIDE, {
      input: {
        decision: 'CONFIRM',
        suggestions: [{ suggestionId: merged4.id, expectedRowVersion: merged4.rowVersion }],
      },
    });
    expect(confirmed.errors).toBeUndefined();
    const [{ total: tasksBefore }] = await db.query(
      `SELECT count(*)::int AS total FROM task WHERE cycle_id = $1`,
      [cycleId],
    );
    expect(tasksBefore).toBe(5 * 117);

    const res = await province.graphql<{
      moveCycleToVersion: {
        followed: number;
        cycle: { regulationVersionId: string };
        generation: Record<string, number>;
      };
    }>(MOVE, { cycleId, versionId: v2.id });
    expect(res.errors).toBeUndefined();
    // 第三条 → 第二条 (confirmed), 第四条 → 第三条 (confirmed), 第六条 → 第四条 (carried).
    expect(res.data!.moveCycleToVersion).toEqual({
      followed: 3 * 117,
      cycle: { id: cycleId, regulationVersionId: v2.id },
      // 第二条 deleted and 第五条 not continued: retired; the rejected duty's new lineage: created.
      generation: { created: 117, retired: 2 * 117, restored: 0, total: 4 * 117 },
    });

    const after = await duties(v2.id);
    for (const [oldArticle, newArticle] of [
      [3, 2],
      [6, 4],
    ]) {
      const successor = after.find((d) => d.lineageId === before[oldArticle].lineageId)!;
      expect(successor.article.number).toBe(newArticle);
      const task = await taskOf(successor.id);
      expect(task).toMatchObject({ id: worked[oldArticle].id, status: 'IN_PROGRESS' });
      const events: Array<{ kind: string; after: Record<string, unknown> }> = await db.query(
        `SELECT kind, after FROM task_event WHERE task_id = $1 ORDER BY id`,
        [task.id],
      );
      expect(events).toHaveLength(worked[oldArticle].events + 1);
      expect(events.at(-1)).toMatchObject({
        kind: 'duty_followed',
        after: { dutyId: successor.id, versionNumber: 2 },
      });
      const [{ note }] = await db.query(`SELECT progress_note AS note FROM task WHERE id = $1`, [
        task.id,
      ]);
      expect(note).toBe(`第${oldArticle}条已部署`);
    }

    // The deleted article's tasks: retired with the reason, never deleted.
    const removed: Array<{ retired: boolean; reason: string | null }> = await db.query(
      `SELECT t.retired_at IS NOT NULL AS retired,
              (SELECT reason FROM task_event e WHERE e.task_id = t.id AND e.kind = 'retired') AS reason
         FROM task t WHERE t.cycle_id = $1 AND t.duty_id = $2`,
      [cycleId, before[2].id],
    );
    expect(removed).toHaveLength(117);
    expect(removed.every((t) => t.retired)).toBe(true);
    expect(removed[0].reason).toContain('没有延续');
    const [{ total: tasksAfter }] = await db.query(
      `SELECT count(*)::int AS total FROM task WHERE cycle_id = $1`,
      [cycleId],
    );
    expect(tasksAfter).toBe(tasksBefore + 117);

    // Moving again to the same version is refused.
    const again = await province.graphql(MOVE, { cycleId, versionId: v2.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
