import { appendFileSync } from 'node:fs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Jurisdiction } from '../../access/jurisdiction';
import { createDataSource } from '../../database/data-source';
import { buildAnalyticsDataset, AnalyticsDataset } from '../../bench/analytics-dataset';
import { startTestApi, SignedInClient, TestApi } from '../../testing/test-api';
import { verifyChains } from '../../integrity/chain-verify';
import { verifyRollups } from '../rollup-verify';
import {
  behindScheduleSql,
  breakdownSql,
  DEFAULT_THRESHOLD,
  Dimension,
  matrixSql,
  shanghaiDate,
  Statement,
  summarySql,
  trendSql,
  unitRowsSql,
} from '../analytics-sql';

/**
 * The hot statements' plans on a large data set (issue 20, point 3): five cycles of every Hubei
 * unit × tracked duty (≈ 23,000 tasks, ≈ 200,000 history rows, ≈ 40,000 evidence rows) built
 * by the benchmark's set-based builder and ANALYZEd, then EXPLAIN (FORMAT JSON) of
 * - every dashboard statement (analytics-sql.ts) as a provincial supervisor, a prefecture
 *   supervisor and a county operator;
 * - every statement the task list page runs (first page, a filtered page) and the county page
 *   (its task list), captured from the real API while it answers the web app's operations.
 * A sequential scan of task, task_event or evidence (or a partition of one) reads a whole cycle
 * or more: the test fails naming the statement and the plan node.
 */

const PREFECTURE = '422800';
const COUNTY = '422801';
const WATCHED = ['task', 'task_event', 'evidence'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  Filter?: string;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}

/** Sequential scans of a watched table (or one of its partitions) anywhere in the plan. */
export function seqScansOf(plan: PlanNode, watched: ReadonlySet<string>, path = ''): string[] {
  const here = `${path}${path ? ' → ' : ''}${plan['Node Type']}`;
  const found: string[] = [];
  const relation = plan['Relation Name'];
  if (plan['Node Type'] === 'Seq Scan' && relation && watched.has(relation)) {
    found.push(
      `Seq Scan on ${relation}${plan.Alias && plan.Alias !== relation ? ` ${plan.Alias}` : ''}` +
        ` (≈ ${plan['Plan Rows']} rows${plan.Filter ? `, filter ${plan.Filter}` : ''}) at ${here}`,
    );
  }
  for (const child of plan.Plans ?? []) found.push(...seqScansOf(child, watched, here));
  return found;
}

interface Captured {
  label: string;
  sql: string;
  params: unknown[];
}

describe('hot statements: no sequential scan of a whole cycle (EXPLAIN, large data set)', () => {
  let api: TestApi;
  let db: DataSource;
  let explainer: pg.Client;
  let dataset: AnalyticsDataset;
  let watched: Set<string>;
  let operatorDepartment: string;
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    // No scheduled chain check: its walk (a minute after start) would fall into the captured
    // statements of a slow run.
    api = await startTestApi({ AUDIT_VERIFY_INTERVAL_HOURS: '0' });
    db = createDataSource({ url: api.database.url, poolMax: 2 });
    await db.initialize();
    dataset = await buildAnalyticsDataset(db, { cycles: 5 });
    // As a database in use would be: statistics and visibility map current (autovacuum).
    await db.query('VACUUM ANALYZE');
    explainer = new pg.Client({ connectionString: api.database.url });
    await explainer.connect();
    // Partitions count as their table.
    const partitions: Array<{ child: string }> = await db.query(
      `SELECT c.relname AS child FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = ANY ($1)`,
      [WATCHED],
    );
    watched = new Set([...WATCHED, ...partitions.map((p) => p.child)]);
    const [operator] = await db.query(
      `SELECT department_id FROM app_user WHERE username = 'enshi-scjg'`,
    );
    operatorDepartment = operator.department_id;
  }, 300_000);

  afterAll(async () => {
    await explainer?.end();
    await db?.destroy();
    await api?.close();
  });

  let prepared = 0;
  /**
   * The sequential scans of the statement's plan; with `generic`, of the plan PostgreSQL keeps
   * for it as a prepared statement once it judges a generic plan good enough (the dashboard's
   * statements are prepared: database/prepared-query.ts), forced here.
   */
  async function seqScans(
    statement: { sql: string; params: unknown[] },
    generic = false,
  ): Promise<string[]> {
    let rows: Array<Record<string, unknown>>;
    if (generic) {
      const name = `hot_plans_${++prepared}`;
      await explainer.query({ name, text: statement.sql, values: [...statement.params] });
      const literal = (v: unknown) =>
        v === null || v === undefined
          ? 'NULL'
          : explainer.escapeLiteral(Array.isArray(v) ? `{${v.join(',')}}` : String(v));
      await explainer.query('SET plan_cache_mode = force_generic_plan');
      try {
        ({ rows } = await explainer.query(
          `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${statement.params.map(literal).join(', ')})`,
        ));
      } finally {
        await explainer.query('RESET plan_cache_mode');
        await explainer.query(`DEALLOCATE ${name}`);
      }
    } else {
      ({ rows } = await explainer.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, [
        ...statement.params,
      ]));
    }
    const [{ Plan }] = rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>;
    return seqScansOf(Plan, watched);
  }

  /** `label: scan` for each sequential scan; with HOT_PLANS_DUMP=<file>, the failing statements go there. */
  async function failures(statements: Captured[], generic = false): Promise<string[]> {
    const out: string[] = [];
    const failing: Captured[] = [];
    for (const s of statements) {
      const scans = await seqScans(s, generic);
      for (const scan of scans) out.push(`${s.label}${generic ? ' [generic plan]' : ''}: ${scan}`);
      if (scans.length) failing.push(s);
    }
    if (failing.length && process.env.HOT_PLANS_DUMP) {
      appendFileSync(process.env.HOT_PLANS_DUMP, `${JSON.stringify(failing, null, 1)}\n`);
    }
    return out;
  }

  it('the data set is large and consistent, and the check sees a sequential scan when there is one', async () => {
    expect(dataset.cycles).toHaveLength(5);
    expect(dataset.tasks).toBeGreaterThan(20_000);
    expect(dataset.taskEvents).toBeGreaterThan(150_000);
    expect(dataset.evidence).toBeGreaterThan(30_000);
    // Built set-based with the triggers off: the rollups equal their recomputation and the hash
    // chains the builder linked verify.
    for (const cycle of dataset.cycles) expect(await verifyRollups(db, cycle.id)).toEqual([]);
    const chains = await verifyChains(db);
    expect(chains.chains.filter((c) => !c.ok)).toEqual([]);
    // The API's sessions run without JIT (DATABASE_JIT, default off).
    expect(await db.query('SHOW jit')).toEqual([{ jit: 'off' }]);
    // A statement that can only scan: the check must report it (else it could never fail).
    const scans = await seqScans({
      sql: `SELECT max(progress_note) FROM task WHERE cycle_id = $1`,
      params: [dataset.openCycle.id],
    });
    expect(scans.join('\n')).toMatch(/^Seq Scan on task/);
  }, 120_000);

  it('dashboard statements as a provincial, prefecture and county caller', async () => {
    const callers: Array<[string, Jurisdiction, { unit: string; parent: string }]> = [
      ['provincial supervisor', { kind: 'all' }, { unit: COUNTY, parent: PREFECTURE }],
      [
        'prefecture supervisor',
        { kind: 'prefecture', prefectureCode: PREFECTURE },
        { unit: COUNTY, parent: PREFECTURE },
      ],
      [
        'county operator',
        { kind: 'unit', unitCode: COUNTY, departmentId: operatorDepartment },
        { unit: COUNTY, parent: COUNTY },
      ],
    ];
    const statements: Captured[] = [];
    for (const cycle of [dataset.openCycle, dataset.cycles[0]]) {
      for (const [caller, jurisdiction, codes] of callers) {
        const base = { cycleId: cycle.id, today, jurisdiction };
        const add = (name: string, s: Statement) =>
          statements.push({ label: `${name} as ${caller} (${cycle.year})`, ...s });
        add('analyticsSummary', summarySql(base));
        add('analyticsSummary(unitCode)', summarySql({ ...base, unitCode: codes.unit }));
        add('unitAnalytics', unitRowsSql(base));
        add('unitAnalytics(parentCode)', unitRowsSql({ ...base, parentCode: codes.parent }));
        add(
          'analyticsRanking(county)',
          unitRowsSql({ ...base, level: 'county', rank: { top: 10 } }),
        );
        for (const by of ['CHAPTER', 'ARTICLE', 'DEPARTMENT_KIND'] as Dimension[]) {
          add(`analyticsBreakdown(${by})`, breakdownSql({ ...base, by }));
          add(
            `analyticsBreakdown(${by}, unitCode)`,
            breakdownSql({ ...base, by, unitCode: codes.unit }),
          );
        }
        add('chapterUnitMatrix', matrixSql(base));
        add('chapterUnitMatrix(parentCode)', matrixSql({ ...base, parentCode: codes.parent }));
        add('completionTrend', trendSql(base));
        add('completionTrend(unitCode)', trendSql({ ...base, unitCode: codes.unit }));
        add(
          'behindSchedule',
          behindScheduleSql({ ...base, threshold: DEFAULT_THRESHOLD, asOf: today }),
        );
      }
    }
    expect(statements).toHaveLength(2 * 3 * 16);
    expect(await failures(statements)).toEqual([]);
    // As the API runs them: prepared, with the generic plan PostgreSQL may settle on.
    expect(await failures(statements, true)).toEqual([]);
  }, 120_000);

  it('the task list page (first and filtered page) and the county page', async () => {
    const province = await api.signIn('province');
    const prefecture = await api.signIn('enshi-zhou');
    const operator = await api.signIn('enshi-scjg');
    const cycleId = dataset.openCycle.id;
    const ROW = `id status overdue dueDate evidenceCount updatedAt updatedBy returnCount retiredAt acknowledgedAt
      notApplicableStatus article { id number title } duty { id subject text } unit { code name }
      leadDepartment { id name }`;
    const LIST = `query($filter: TaskFilterInput, $first: Int!, $offset: Int!, $sort: TaskSort!, $direction: SortDirection!) {
      tasks(filter: $filter, first: $first, offset: $offset, sort: $sort, direction: $direction) {
        cycleId totalCount pageInfo { endCursor hasNextPage } nodes { ${ROW} } } }`;
    const RETURNED = `query($filter: TaskFilterInput) {
      tasks(filter: $filter, first: 20, sort: UPDATED_AT, direction: DESC) {
        totalCount nodes { ${ROW} latestReturn { id occurredAt actorUsername reason } } } }`;
    const UNIT_TASKS = `query($filter: TaskFilterInput!, $first: Int!, $after: String) {
      tasks(filter: $filter, first: $first, after: $after, sort: DUE_DATE) {
        totalCount pageInfo { endCursor hasNextPage }
        nodes { id status overdue dueDate evidenceCount notApplicableStatus
          article { id number title chapter { id number title } } duty { id subject } leadDepartment { id name } } } }`;
    const page = { first: 50, offset: 0, sort: 'DUE_DATE', direction: 'ASC' };
    const operations: Array<[string, SignedInClient, string, Record<string, unknown>]> = [
      ['task list, first page, provincial', province, LIST, { ...page, filter: { cycleId } }],
      [
        'task list, first page (current cycle, by update), provincial',
        province,
        LIST,
        { ...page, sort: 'UPDATED_AT', direction: 'DESC', filter: { currentCycle: true } },
      ],
      [
        'task list, filtered page (prefecture, submitted + overdue), provincial',
        province,
        LIST,
        {
          ...page,
          offset: 50,
          filter: { cycleId, prefectureCode: PREFECTURE, statuses: ['SUBMITTED', 'IN_PROGRESS'] },
        },
      ],
      [
        'task list, filtered page (overdue, chapter 2), prefecture supervisor',
        prefecture,
        LIST,
        { ...page, sort: 'STATUS', filter: { cycleId, overdue: true, chapterNumber: 2 } },
      ],
      ['task list, first page, county operator', operator, LIST, { ...page, filter: { cycleId } }],
      [
        'returned tasks, provincial',
        province,
        RETURNED,
        { filter: { cycleId, statuses: ['RETURNED'] } },
      ],
      [
        'county page tasks, provincial',
        province,
        UNIT_TASKS,
        { filter: { cycleId, unitCode: COUNTY }, first: 50 },
      ],
      [
        'county page tasks, prefecture supervisor',
        prefecture,
        UNIT_TASKS,
        { filter: { cycleId, unitCode: COUNTY }, first: 50 },
      ],
    ];
    const captured: Captured[] = [];
    for (const [label, client, query, variables] of operations) {
      const statements = await capture(async () => {
        const res = await client.graphql(query, variables);
        expect(res.errors).toBeUndefined();
        const tasks = (res.data as { tasks: { totalCount: number; nodes: unknown[] } }).tasks;
        expect(tasks.nodes.length).toBeGreaterThan(0);
      });
      const hot = statements.filter(
        (s) => /^\s*(WITH|SELECT)/i.test(s.sql) && /\b(task|task_event|evidence)\b/i.test(s.sql),
      );
      expect(hot.length).toBeGreaterThan(0);
      hot.forEach((s, i) => captured.push({ label: `${label} #${i + 1}`, ...s }));
    }
    expect(await failures(captured)).toEqual([]);
  }, 120_000);
});

/**
 * The statements (text and parameters) that this process sends to PostgreSQL while `work`
 * runs: the API under test runs in-process, so this is what it asked the database.
 */
async function capture(
  work: () => Promise<void>,
): Promise<Array<{ sql: string; params: unknown[] }>> {
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    if (typeof config === 'string') {
      seen.push({ sql: config, params: Array.isArray(values) ? values : [] });
    } else if (config && typeof (config as { text?: unknown }).text === 'string') {
      const c = config as { text: string; values?: unknown[] };
      seen.push({ sql: c.text, params: c.values ?? (Array.isArray(values) ? values : []) });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}
