import { EvidenceStore } from '@duty/api/evidence-store';
import { DataSource } from 'typeorm';
import { computeScores } from '../../assessment/assessment-scores';
import { ManualClock } from '../../auth/clock';
import { EVIDENCE_STORE } from '../../evidence/evidence.constants';
import { startTestApi, TestApi } from '../../testing/test-api';
import { chinesePdfText } from '../demo-pdf';

interface Figures {
  start: string;
  due: string;
  grades: Record<string, number>;
  countyGrades: Record<string, number>;
  behind: number;
  units: number;
  trend: Array<{ date: string; verified: number }>;
}

/**
 * The demo data seeded on three different days (each server on its own database, its clock on
 * that day): the cycle is placed around the day, the dashboard shows units in every grade band
 * (the real scoring), a minority behind schedule and a rising trend, and the history agrees
 * with every task (generation first, nothing in the future, due dates as logged).
 */
describe.each(['2026-03-15', '2026-12-06', '2027-07-01'])('the demo data seeded on %s', (day) => {
  const now = new Date(`${day}T02:30:00Z`); // 10:30 in Hubei
  let api: TestApi;
  let db: DataSource;
  let cycleId: string;
  let figures: Figures;

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO_CYCLE: 'true' }, { clock: new ManualClock(now) });
    db = api.server.app.get(DataSource);
    const province = await api.signIn('province');
    const [cycle] = await db.query(
      `SELECT id, start_date::text AS start, due_date::text AS due FROM assessment_cycle`,
    );
    cycleId = cycle.id;
    const res = await province.graphql<{
      assessmentScores: Array<{ unitCode: string; grade: string; level: string }>;
      behindSchedule: Array<{ unit: { code: string } }>;
      unitAnalytics: Array<{ tasks: number }>;
      completionTrend: Array<{ date: string; verified: number }>;
    }>(
      `query($c: ID!) {
         assessmentScores(cycleId: $c) { unitCode grade level }
         behindSchedule(cycleId: $c) { unit { code } }
         unitAnalytics(cycleId: $c) { tasks }
         completionTrend(cycleId: $c) { date verified }
       }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    const count = (list: Array<{ grade: string }>) =>
      list.reduce<Record<string, number>>(
        (acc, s) => ({ ...acc, [s.grade]: (acc[s.grade] ?? 0) + 1 }),
        {},
      );
    const data = res.data!;
    figures = {
      start: cycle.start,
      due: cycle.due,
      grades: count(data.assessmentScores),
      countyGrades: count(data.assessmentScores.filter((s) => s.level === 'county')),
      behind: data.behindSchedule.length,
      units: data.unitAnalytics.filter((u) => u.tasks > 0).length,
      trend: data.completionTrend,
    };
  }, 300_000);
  afterAll(() => api?.close());

  it('places the cycle so that the day sits about two thirds through it', () => {
    const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const share = (t(day) - t(figures.start)) / (t(figures.due) - t(figures.start));
    expect(share).toBeGreaterThan(0.63);
    expect(share).toBeLessThan(0.7);
    expect(t(figures.due) - t(figures.start)).toBeGreaterThan(360 * 86_400_000);
  });

  it('scores units in every grade band, counties included (the real scoring)', async () => {
    for (const grades of [figures.grades, figures.countyGrades]) {
      expect(Object.keys(grades).sort()).toEqual(['不合格', '优秀', '合格', '良好'].sort());
    }
    // Most units pass; 优秀 and 不合格 are the few at either end.
    const total = Object.values(figures.grades).reduce((a, b) => a + b, 0);
    expect(figures.grades['合格'] + figures.grades['良好']).toBeGreaterThan(total / 2);
    expect(figures.grades['优秀']).toBeLessThan(total / 4);
    expect(figures.grades['不合格']).toBeLessThan(total / 3);
    // The same scores the assessment service computes, as of the day.
    const direct = await computeScores(db.manager, cycleId, day);
    expect(direct.scores.length).toBe(total);
  });

  it('has a minority of units behind schedule, and some', () => {
    expect(figures.behind).toBeGreaterThan(0);
    expect(figures.behind).toBeLessThan(figures.units * 0.4);
  });

  it('shows a completion trend that rises over the elapsed months', () => {
    const trend = figures.trend;
    expect(trend[0].date).toBe(figures.start);
    expect(trend[trend.length - 1].date).toBe(day);
    // Month ends: each later one higher than the one before, from the third month on (the
    // first verifications come in the seventh week); today at least as high as the last.
    const monthEnds = trend
      .filter((_, i) => i < trend.length - 1 && trend[i + 1].date.slice(8) === '01')
      .map((p) => p.verified);
    expect(monthEnds.length).toBeGreaterThanOrEqual(7);
    for (let i = 3; i < monthEnds.length; i++) {
      expect(monthEnds[i]).toBeGreaterThan(monthEnds[i - 1]);
    }
    expect(trend[trend.length - 1].verified).toBeGreaterThanOrEqual(
      monthEnds[monthEnds.length - 1],
    );
    expect(monthEnds[monthEnds.length - 1]).toBeGreaterThan(monthEnds[2]);
  });

  it('has a history that agrees with every task', async () => {
    const [row] = await db.query(
      `WITH ev AS (
         SELECT e.*, row_number() OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id) AS n,
                row_number() OVER (PARTITION BY e.task_id ORDER BY e.occurred_at DESC, e.id DESC) AS back
           FROM task_event e WHERE e.cycle_id = $1),
       due AS (
         SELECT DISTINCT ON (e.task_id) e.task_id, e.after->>'dueDate' AS due
           FROM task_event e WHERE e.cycle_id = $1 AND e.after ? 'dueDate'
            AND (e.kind IN ('created', 'due_date') OR (e.kind = 'extension_decided' AND e.after->>'decision' = 'approved'))
          ORDER BY e.task_id, e.occurred_at DESC, e.id DESC),
       st AS (
         SELECT DISTINCT ON (e.task_id) e.task_id, e.after->>'status' AS status
           FROM task_event e WHERE e.cycle_id = $1 AND e.kind = 'status'
          ORDER BY e.task_id, e.occurred_at DESC, e.id DESC)
       SELECT
         (SELECT count(*) FROM task WHERE cycle_id = $1)::int AS tasks,
         (SELECT count(*) FROM ev WHERE n = 1 AND kind <> 'created')::int AS not_created_first,
         (SELECT count(*) FROM ev WHERE kind = 'created' AND occurred_at::date <> (SELECT start_date FROM assessment_cycle WHERE id = $1))::int AS created_off_start,
         (SELECT count(*) FROM ev WHERE occurred_at > $2)::int AS future_events,
         (SELECT count(*) FROM task t LEFT JOIN due ON due.task_id = t.id
           WHERE t.cycle_id = $1 AND due.due IS DISTINCT FROM t.due_date::text)::int AS due_mismatch,
         (SELECT count(*) FROM task t LEFT JOIN st ON st.task_id = t.id
           WHERE t.cycle_id = $1 AND coalesce(st.status, 'NOT_STARTED') <> t.status)::int AS status_mismatch,
         (SELECT count(*) FROM task WHERE cycle_id = $1 AND (acknowledged_at > $2 OR completed_at > $2))::int AS future_state,
         (SELECT count(*) FROM evidence WHERE cycle_id = $1 AND uploaded_at > $2)::int AS future_evidence,
         (SELECT count(*) FROM task_extension_request x JOIN task t ON t.id = x.task_id
           WHERE t.cycle_id = $1 AND (x.requested_at > $2 OR x.decided_at > $2))::int AS future_requests,
         (SELECT count(*) FROM task_event WHERE cycle_id = $1 AND kind = 'due_date')::int AS due_changes,
         (SELECT count(*) FROM task WHERE cycle_id = $1 AND due_date < $3::date
            AND status NOT IN ('SUBMITTED', 'VERIFIED'))::int AS overdue,
         (SELECT count(*) FROM task WHERE cycle_id = $1 AND extension_count = 1)::int AS extended,
         (SELECT count(*) FROM task_extension_request x JOIN task t ON t.id = x.task_id
           WHERE t.cycle_id = $1 AND x.state = 'pending')::int AS pending_requests`,
      [cycleId, now, day],
    );
    expect(row.tasks).toBeGreaterThan(1000);
    expect(row).toMatchObject({
      not_created_first: 0,
      created_off_start: 0,
      future_events: 0,
      due_mismatch: 0,
      status_mismatch: 0,
      future_state: 0,
      future_evidence: 0,
      future_requests: 0,
    });
    // Overdue tasks are overdue through a logged change of their due date.
    expect(row.due_changes).toBeGreaterThan(0);
    expect(row.overdue).toBeGreaterThan(0);
    expect(row.extended).toBeGreaterThan(0);
    expect(row.pending_requests).toBeGreaterThan(0);
    // Each task's history is in time order in the order it was appended.
    const [{ unordered }] = await db.query(
      `SELECT count(*)::int AS unordered FROM (
         SELECT occurred_at < lag(occurred_at) OVER (PARTITION BY task_id ORDER BY id) AS back
           FROM task_event WHERE cycle_id = $1) x WHERE back`,
      [cycleId],
    );
    expect(unordered).toBe(0);
  });

  it('leaves the demo operators’ units work in every state (the journeys start from it)', async () => {
    const rows: Array<{ unit_code: string; status: string; n: number }> = await db.query(
      `SELECT t.unit_code, t.status, count(*)::int AS n FROM task t
         JOIN department d ON d.id = t.lead_department_id AND d.kind_code = 'market_regulation'
        WHERE t.cycle_id = $1 AND t.unit_code IN ('420102', '422801')
        GROUP BY 1, 2`,
      [cycleId],
    );
    for (const unit of ['420102', '422801']) {
      const mine = rows.filter((r) => r.unit_code === unit).map((r) => r.status);
      expect(mine).toEqual(expect.arrayContaining(['IN_PROGRESS', 'SUBMITTED', 'VERIFIED']));
    }
  });

  it('attributes each step to the demo account that would have taken it (issue 17)', async () => {
    // Two Enshi counties (one with an operator account, one without) and a Wuhan district with
    // one: the lead department's operator works, the supervisor over the unit decides, the
    // provincial supervisor opens the cycle; the seed's own name only where no account exists.
    const rows: Array<{
      unit: string;
      kind: string;
      to: string | null;
      mine: boolean;
      actor: string;
    }> = await db.query(
      `SELECT DISTINCT t.unit_code AS unit, e.kind, e.after->>'status' AS "to",
                d.kind_code = 'market_regulation' AS mine, e.actor_username AS actor
           FROM task_event e JOIN task t ON t.id = e.task_id
           JOIN department d ON d.id = t.lead_department_id
          WHERE e.cycle_id = $1 AND t.unit_code IN ('420102', '422801', '422802')`,
      [cycleId],
    );
    const operators: Record<string, string> = { '420102': 'jiangan-scjg', '422801': 'enshi-scjg' };
    const expected = (r: (typeof rows)[number]) => {
      if (
        ['acknowledged', 'evidence_added', 'extension_requested'].includes(r.kind) ||
        (r.kind === 'status' && ['IN_PROGRESS', 'SUBMITTED'].includes(r.to ?? ''))
      ) {
        return (r.mine && operators[r.unit]) || 'demo-seed';
      }
      if (r.kind === 'extension_decided' || r.kind === 'status') {
        return r.unit === '420102' ? 'province' : 'enshi-zhou';
      }
      return 'province'; // created, due_date: the cycle's own steps
    };
    expect(rows.map((r) => ({ ...r, actor: expected(r) }))).toEqual(rows);
    const steps = (unit: string, actor: string) =>
      rows.filter((r) => r.unit === unit && r.actor === actor).map((r) => r.to ?? r.kind);
    expect(steps('422801', 'enshi-scjg')).toEqual(
      expect.arrayContaining(['acknowledged', 'IN_PROGRESS', 'evidence_added', 'SUBMITTED']),
    );
    expect(steps('422801', 'enshi-zhou')).toContain('VERIFIED');
    expect(steps('420102', 'jiangan-scjg')).toContain('SUBMITTED');
    expect(steps('422802', 'demo-seed')).toContain('SUBMITTED');

    // The task, evidence and request columns say who the history says.
    const [row] = await db.query(
      `WITH ordered AS (
         SELECT e.*, row_number() OVER (PARTITION BY e.task_id ORDER BY e.occurred_at DESC, e.id DESC) AS back,
                row_number() OVER (PARTITION BY e.task_id, e.kind ORDER BY e.occurred_at DESC, e.id DESC) AS back_of_kind
           FROM task_event e WHERE e.cycle_id = $1)
       SELECT
         (SELECT count(*) FROM task t JOIN ordered o ON o.task_id = t.id AND o.back = 1
           WHERE t.cycle_id = $1 AND t.updated_by <> o.actor_username)::int AS updater,
         (SELECT count(*) FROM task t LEFT JOIN ordered o
             ON o.task_id = t.id AND o.kind = 'acknowledged' AND o.back_of_kind = 1
           WHERE t.cycle_id = $1 AND t.acknowledged_by IS DISTINCT FROM o.actor_username)::int AS acknowledger,
         (SELECT count(*) FROM evidence v JOIN ordered o
             ON o.task_id = v.task_id AND o.kind = 'evidence_added' AND o.after->>'evidenceId' = v.id::text
           WHERE v.cycle_id = $1 AND v.uploaded_by <> o.actor_username)::int AS uploader,
         (SELECT count(*) FROM task_extension_request x JOIN ordered o
             ON o.task_id = x.task_id AND o.kind = 'extension_requested' AND o.after->>'requestId' = x.id::text
           WHERE x.requested_by <> o.actor_username)::int AS requester,
         (SELECT count(*) FROM task_extension_request x JOIN ordered o
             ON o.task_id = x.task_id AND o.kind = 'extension_decided'
           WHERE x.decided_by IS DISTINCT FROM o.actor_username)::int AS decider,
         (SELECT count(*) FROM assessment_cycle WHERE id = $1 AND created_by <> 'province')::int AS opener`,
      [cycleId],
    );
    expect(row).toEqual({
      updater: 0,
      acknowledger: 0,
      uploader: 0,
      requester: 0,
      decider: 0,
      opener: 0,
    });

    // Read through the API, as the prefecture's supervisor sees the queue: by name and office.
    const [task] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND d.kind_code = 'market_regulation'
          AND t.status = 'SUBMITTED' ORDER BY t.id LIMIT 1`,
      [cycleId],
    );
    const zhou = await api.signIn('enshi-zhou');
    const res = await zhou.graphql<{
      task: { submittedBy: string; submitter: { label: string; human: boolean } };
    }>(`query($id: ID!) { task(id: $id) { submittedBy submitter { label human } } }`, {
      id: task.id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.task).toEqual({
      submittedBy: 'enshi-scjg',
      submitter: { label: '向春梅（恩施市市场监督管理局质量股）', human: true },
    });
  });

  it('stores demo evidence PDFs with legible Chinese text', async () => {
    const evidence: Array<{ sha256: string; unit: string; article: number }> = await db.query(
      `SELECT e.sha256, u.name AS unit, a.number AS article FROM evidence e
         JOIN admin_unit u ON u.code = e.unit_code JOIN task t ON t.id = e.task_id
         JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
        WHERE e.cycle_id = $1 ORDER BY e.id LIMIT 3`,
      [cycleId],
    );
    expect(evidence.length).toBe(3);
    const store = api.server.app.get<EvidenceStore>(EVIDENCE_STORE);
    for (const e of evidence) {
      const chunks: Buffer[] = [];
      for await (const chunk of await store.open(e.sha256)) chunks.push(chunk as Buffer);
      const pdf = Buffer.concat(chunks);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
      const text = chinesePdfText(pdf).join('\n');
      expect(text).toContain(e.unit);
      expect(text).toContain(`第${e.article}条`);
      expect(text).toContain('佐证材料（演示数据）');
      expect(text).not.toContain('?');
    }
  });
});
