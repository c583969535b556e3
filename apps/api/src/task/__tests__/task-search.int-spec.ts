import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { articleNumberOf, searchTerms } from '../task-query.service';

type Node = {
  id: string;
  status: string;
  dueDate: string;
  unit: { code: string };
  article: { number: number };
};
type Page = {
  tasks: {
    totalCount: number;
    nodes: Node[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const TASKS = `query($filter: TaskFilterInput, $first: Int!, $after: String, $offset: Int, $sort: TaskSort!, $direction: SortDirection!) {
  tasks(filter: $filter, first: $first, after: $after, offset: $offset, sort: $sort, direction: $direction) {
    totalCount nodes { id status dueDate unit { code } article { number } } pageInfo { hasNextPage endCursor } } }`;

describe('task list search, page numbers and sorting (GraphQL over HTTP, real database)', () => {
  const clock = new ManualClock(new Date('2026-03-01T02:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let jiangan: SignedInClient;
  let enshiOperator: SignedInClient;
  let enshiZhou: SignedInClient;
  let auditor: SignedInClient;
  let cycleId: string;

  const list = (
    client: SignedInClient,
    variables: {
      filter?: Record<string, unknown>;
      first?: number;
      after?: string | null;
      offset?: number;
      sort?: string;
      direction?: string;
    },
  ) =>
    client.graphql<Page>(TASKS, {
      first: 100,
      sort: 'DUE_DATE',
      direction: 'ASC',
      ...variables,
      filter: { cycleId, ...variables.filter },
    });

  /** Every id the search returns, following cursors. */
  const allIds = async (client: SignedInClient, search: string) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await list(client, { filter: { search }, after });
      expect(res.errors).toBeUndefined();
      ids.push(...res.data!.tasks.nodes.map((n) => n.id));
      if (!res.data!.tasks.pageInfo.hasNextPage) return ids.sort();
      after = res.data!.tasks.pageInfo.endCursor;
    }
  };

  /**
   * An independent oracle: the tasks of the cycle where every term occurs (strpos) in the duty
   * text or subject, the unit name, the lead department's name or kind code, or names the article.
   */
  const expectedIds = async (search: string, unitCodes?: string[]) => {
    const params: unknown[] = [cycleId];
    const conditions = searchTerms(search).map((term) => {
      params.push(term.toLowerCase());
      const p = `$${params.length}`;
      const alternatives = [
        `strpos(lower(d.text || ' ' || d.subject), ${p}) > 0`,
        `strpos(lower(u.name), ${p}) > 0`,
        `strpos(lower(dep.name || ' ' || dep.kind_code), ${p}) > 0`,
      ];
      const article = articleNumberOf(term);
      if (article !== undefined) alternatives.push(`a.number = ${article}`);
      return `(${alternatives.join(' OR ')})`;
    });
    if (unitCodes) {
      params.push(unitCodes);
      conditions.push(`t.unit_code = ANY($${params.length})`);
    }
    const rows: Array<{ id: string }> = await db.query(
      `SELECT t.id FROM task t JOIN duty d ON d.id = t.duty_id
         JOIN regulation_article a ON a.id = d.article_id
         JOIN admin_unit u ON u.code = t.unit_code
         JOIN department dep ON dep.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.retired_at IS NULL AND ${conditions.join(' AND ')}`,
      params,
    );
    return rows.map((r) => r.id).sort();
  };

  /**
   * The search returns exactly the oracle's tasks: the whole set when it is small, else the
   * count and a first page drawn from the set (walking thousands of rows is slow on a busy CI).
   */
  const expectSearch = async (client: SignedInClient, search: string, unitCodes?: string[]) => {
    const expected = await expectedIds(search, unitCodes);
    if (expected.length <= 300) {
      expect(await allIds(client, search)).toEqual(expected);
    } else {
      const res = await list(client, { filter: { search } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.tasks.totalCount).toBe(expected.length);
      const all = new Set(expected);
      expect(res.data!.tasks.nodes).toHaveLength(100);
      expect(res.data!.tasks.nodes.every((n) => all.has(n.id))).toBe(true);
    }
    return expected;
  };

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    [province, jiangan, enshiOperator, enshiZhou, auditor] = await Promise.all(
      ['province', 'jiangan-scjg', 'enshi-scjg', 'enshi-zhou', 'auditor'].map((u) => api.signIn(u)),
    );
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { cycle { id } } }`,
      {
        input: {
          year: 2026,
          regulationVersionId: versionId,
          startDate: '2026-01-01',
          dueDate: '2026-12-31',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    cycleId = res.data!.createCycle.cycle.id;
    // Some variety for the status and due-date sorts.
    await db.query(
      `UPDATE task SET status = (ARRAY['NOT_STARTED','IN_PROGRESS','SUBMITTED','RETURNED','VERIFIED'])[1 + abs(hashtext(id::text)) % 5],
              due_date = DATE '2026-06-01' + (abs(hashtext(id::text || 'd')) % 200)
        WHERE cycle_id = $1`,
      [cycleId],
    );
  });
  afterAll(() => api?.close());

  it('parses article labels and splits terms', () => {
    expect(articleNumberOf('第十二条')).toBe(12);
    expect(articleNumberOf('第12条')).toBe(12);
    expect(articleNumberOf('12')).toBe(12);
    expect(articleNumberOf('１２')).toBe(12);
    expect(articleNumberOf('十二条')).toBe(12);
    expect(articleNumberOf('第一百零一条')).toBe(101);
    expect(articleNumberOf('十二')).toBeUndefined(); // a bare Chinese numeral is a word
    expect(articleNumberOf('第十二章')).toBeUndefined();
    expect(articleNumberOf('检查')).toBeUndefined();
    expect(searchTerms('  恩施   第十二条 恩施 ')).toEqual(['恩施', '第十二条']);
  });

  it('finds tasks by a two-character word of the duty text', async () => {
    // Two-character Chinese words taken from the texts of tracked duties.
    const texts: Array<{ text: string }> = await db.query(
      `SELECT DISTINCT d.text, d.id FROM duty d JOIN task t ON t.duty_id = d.id WHERE t.cycle_id = $1
        ORDER BY d.id LIMIT 3`,
      [cycleId],
    );
    const words = texts.map(({ text }) => {
      const chars = [...text];
      const at = chars.findIndex((_, i) =>
        /^\p{Script=Han}{2}$/u.test(chars.slice(i + 2, i + 4).join('')),
      );
      return chars.slice(at + 2, at + 4).join('');
    });
    for (const search of [...words, '监督管理']) {
      expect(search).toMatch(/^\p{Script=Han}{2,}$/u);
      expect((await expectSearch(province, search)).length).toBeGreaterThan(0);
    }
  });

  it('finds tasks by article label in every written form', async () => {
    const expected = await expectedIds('第十二条');
    const article12 = await db.query(
      `SELECT t.id FROM task t JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
        WHERE t.cycle_id = $1 AND a.number = 12`,
      [cycleId],
    );
    expect(article12.length).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThanOrEqual(article12.length);
    const res = await list(enshiZhou, { filter: { search: '第12条' }, sort: 'ARTICLE' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.tasks.nodes.length).toBeGreaterThan(0);
    expect(res.data!.tasks.nodes.every((n) => n.article.number === 12)).toBe(true);
    for (const search of ['第十二条', '第12条', '12']) {
      const ids = await allIds(province, search);
      expect(ids).toEqual(await expectedIds(search));
      expect(ids).toEqual(expect.arrayContaining(article12.map((r: { id: string }) => r.id)));
    }
  });

  it('finds tasks by unit name and by lead department name or code, and combines terms', async () => {
    const byUnit = await expectSearch(province, '恩施');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM task t JOIN admin_unit u ON u.code = t.unit_code
        WHERE t.cycle_id = $1 AND t.retired_at IS NULL AND u.name LIKE '%恩施%'`,
      [cycleId],
    );
    expect(byUnit.length).toBeGreaterThanOrEqual(count);

    for (const search of ['卫生健康', 'MARKET_REGULATION', '江岸 市场监督', '恩施 第十二条']) {
      expect((await expectSearch(province, search)).length).toBeGreaterThan(0);
    }
    const combined = await list(province, { filter: { search: '恩施 第十二条' } });
    expect(combined.data!.tasks.totalCount).toBeLessThan(byUnit.length);
    // No term matches: nothing.
    const none = await list(province, { filter: { search: '恩施 不存在的词语' } });
    expect(none.data!.tasks.totalCount).toBe(0);
    // %, _ and \ are literal.
    const literal = await list(province, { filter: { search: '%_\\' } });
    expect(literal.data!.tasks.totalCount).toBe(0);
  });

  it('never returns another unit’s tasks to an operator, whatever the search', async () => {
    const foreign = await list(jiangan, { filter: { search: '恩施' } });
    expect(foreign.errors).toBeUndefined();
    // 江岸区's own tasks may mention 恩施 nowhere: only its own unit is ever returned.
    expect(foreign.data!.tasks.nodes.every((n) => n.unit.code === '420102')).toBe(true);
    expect(foreign.data!.tasks.totalCount).toBe((await expectedIds('恩施', ['420102'])).length);

    const own = await list(enshiOperator, { filter: { search: '恩施' } });
    expect(own.data!.tasks.totalCount).toBeGreaterThan(0);
    expect(own.data!.tasks.nodes.every((n) => n.unit.code === '422801')).toBe(true);
    const expectedOwn = await db.query(
      `SELECT t.id FROM task t JOIN department dep ON dep.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND dep.kind_code = 'market_regulation'
          AND t.retired_at IS NULL`,
      [cycleId],
    );
    expect(own.data!.tasks.totalCount).toBe(expectedOwn.length);
    const auditorView = await list(auditor, { filter: { search: '恩施' } });
    expect(auditorView.data!.tasks.totalCount).toBe((await expectedIds('恩施')).length);
  });

  it('refuses a search over 100 characters, a bad offset and an offset with a cursor', async () => {
    const long = await list(province, { filter: { search: '检'.repeat(101) } });
    expect(long.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(long.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    // Surrounding blanks are trimmed before the length is checked.
    const padded = await list(province, { filter: { search: `  ${'检'.repeat(100)}  ` } });
    expect(padded.errors).toBeUndefined();
    for (const offset of [-1, 100_001]) {
      const res = await list(province, { offset });
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/页码/);
    }
    const first = await list(province, {});
    const both = await list(province, { offset: 100, after: first.data!.tasks.pageInfo.endCursor });
    expect(both.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const badCursor = await list(province, { after: 'bm90IGEgY3Vyc29y' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('serves page numbers: disjoint pages that cover the whole filtered set, in every sort', async () => {
    for (const [sort, direction] of [
      ['ARTICLE', 'ASC'],
      ['STATUS', 'DESC'],
      ['UPDATED_AT', 'DESC'],
    ]) {
      const seen: string[] = [];
      let total = 0;
      for (let offset = 0; ; offset += 50) {
        const res = await list(enshiZhou, { first: 50, offset, sort, direction });
        expect(res.errors).toBeUndefined();
        total = res.data!.tasks.totalCount;
        seen.push(...res.data!.tasks.nodes.map((n) => n.id));
        if (!res.data!.tasks.pageInfo.hasNextPage) break;
        expect(res.data!.tasks.nodes).toHaveLength(50);
      }
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM task t JOIN admin_unit u ON u.code = t.unit_code
          WHERE t.cycle_id = $1 AND t.retired_at IS NULL AND (u.code = '422800' OR u.parent_code = '422800')`,
        [cycleId],
      );
      expect(total).toBe(count);
      expect(total).toBeGreaterThan(100);
      expect(new Set(seen).size).toBe(total);
      expect(seen).toHaveLength(total);
    }
    // Past the end: an empty page, the count still there.
    const beyond = await list(enshiZhou, { offset: 100_000 });
    expect(beyond.data!.tasks).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false } });
    expect(beyond.data!.tasks.totalCount).toBeGreaterThan(0);
  });

  it('sorts both ways with a stable tiebreak, the same by offset and by cursor', async () => {
    const RANK: Record<string, number> = {
      RETURNED: 0,
      NOT_STARTED: 1,
      IN_PROGRESS: 2,
      SUBMITTED: 3,
      VERIFIED: 4,
    };
    const walk = async (sort: string, direction: string, by: 'offset' | 'cursor') => {
      const nodes: Node[] = [];
      let after: string | null = null;
      for (let offset = 0; ; offset += 100) {
        const res: { data?: Page } = await list(enshiZhou, {
          sort,
          direction,
          ...(by === 'offset' ? { offset } : { after }),
        });
        nodes.push(...res.data!.tasks.nodes);
        if (!res.data!.tasks.pageInfo.hasNextPage) return nodes;
        after = res.data!.tasks.pageInfo.endCursor;
      }
    };
    const keyOf: Record<string, (n: Node) => number | string> = {
      DUE_DATE: (n) => n.dueDate,
      STATUS: (n) => RANK[n.status],
      ARTICLE: (n) => n.article.number,
      UNIT: (n) => n.unit.code,
    };
    for (const sort of Object.keys(keyOf)) {
      const asc = await walk(sort, 'ASC', 'offset');
      const desc = await walk(sort, 'DESC', 'cursor');
      expect(desc.map((n) => n.id)).toEqual(asc.map((n) => n.id).reverse());
      expect((await walk(sort, 'ASC', 'cursor')).map((n) => n.id)).toEqual(asc.map((n) => n.id));
      const keys = asc.map(keyOf[sort]);
      for (let i = 1; i < keys.length; i++) expect(keys[i - 1] <= keys[i]).toBe(true);
    }
  });

  it('orders the task log by the time of each event, then id, across pages', async () => {
    const [task] = await db.query(
      `SELECT id, unit_code, cycle_id FROM task WHERE cycle_id = $1 AND unit_code = '422801' LIMIT 1`,
      [cycleId],
    );
    // Entries inserted out of time order (as an import or the demo seed may write them).
    for (const at of ['2026-02-10T08:00:00Z', '2026-01-05T08:00:00Z', '2026-02-01T08:00:00Z']) {
      await db.query(
        `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, after)
         VALUES ($1, $2, $3, $4, 'province', 'updated', '{"progressNote":"x"}')`,
        [task.id, task.unit_code, task.cycle_id, at],
      );
    }
    const LOG = `query($filter: TaskEventFilterInput, $after: String) { taskEvents(filter: $filter, first: 2, after: $after) {
      totalCount nodes { id occurredAt } pageInfo { hasNextPage endCursor } } }`;
    type Log = {
      taskEvents: {
        totalCount: number;
        nodes: Array<{ id: string; occurredAt: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const events: Array<{ id: string; occurredAt: string }> = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: Log; errors?: unknown } = await auditor.graphql<Log>(LOG, {
        filter: { taskId: task.id },
        after,
      });
      expect(res.errors).toBeUndefined();
      events.push(...res.data!.taskEvents.nodes);
      if (!res.data!.taskEvents.pageInfo.hasNextPage) break;
      after = res.data!.taskEvents.pageInfo.endCursor;
    }
    expect(events.length).toBeGreaterThanOrEqual(3);
    const times = events.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.slice(-2).map((e) => e.occurredAt)).toEqual([
      '2026-02-01T08:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
    ]);
  });
});
