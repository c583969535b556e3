import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { GraphQLResponse, SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { docxParts, paragraphs, tableRows } from './docx-parts';

const BULLETIN = `id scopeUnitCode scopeUnitName status number sha256 size asOf period periodLabel title rowVersion
  downloadPath intro publishedBy publishedAt
  summary { tasks verified submitted overdue completionRate elapsedFraction unitsBehind }
  goodPractices { taskId unitName comment }
  document { title number issuingBody issueDate blocks { kind text columns rows numeric } }`;
const GENERATE = `mutation($input: GenerateBulletinInput!) { generateBulletin(input: $input) { ${BULLETIN} } }`;
const UPDATE = `mutation($input: UpdateBulletinDraftInput!) { updateBulletinDraft(input: $input) { ${BULLETIN} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishBulletin(id: $id, expectedRowVersion: $v) { ${BULLETIN} } }`;
const DELETE = `mutation($id: ID!, $v: Int!) { deleteBulletinDraft(id: $id, expectedRowVersion: $v) }`;
const GET = `query($id: ID!) { bulletin(id: $id) { ${BULLETIN} } }`;
const LIST = `query($f: BulletinFilterInput) { bulletins(filter: $f) { id status scopeUnitCode } }`;
const CANDIDATES = `query($c: ID!, $s: String) { bulletinGoodPracticeCandidates(cycleId: $c, scopeUnitCode: $s) { taskId unitName } }`;

interface Block {
  kind: string;
  text: string | null;
  columns: string[] | null;
  rows: string[][] | null;
}
interface Bulletin {
  id: string;
  scopeUnitCode: string;
  status: string;
  number: string | null;
  sha256: string | null;
  size: number | null;
  asOf: string;
  title: string;
  rowVersion: number;
  downloadPath: string;
  intro: string;
  summary: {
    tasks: number;
    verified: number;
    submitted: number;
    overdue: number;
    completionRate: number;
    elapsedFraction: number;
    unitsBehind: number;
  };
  goodPractices: Array<{ taskId: string; unitName: string; comment: string }>;
  document: { title: string; number: string; blocks: Block[] };
}

const PROVINCE = '420000';
const ENSHI_ZHOU = '422800';
const ENSHI_SHI = '422801';
const LICHUAN = '422802';
const WUHAN = '420100';
const JIANGAN = '420102';

type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED';

/**
 * One fixture task's story: status changes at Shanghai wall-clock times, its state today, and
 * (what the bulletin must report) its state at the end of 2026-11-30.
 */
interface Story {
  unit: string;
  events: Array<[from: Status, to: Status, at: string]>;
  current: Status;
  nov30: Status;
  /** Due date today; `overdueNov30` says whether it was overdue at the end of November. */
  due?: string;
  extension?: { from: string; to: string; at: string };
  overdueNov30?: number;
  retiredAt?: string;
}

const STORIES: Record<string, Story> = {
  // 恩施州本级
  P1: {
    unit: ENSHI_ZHOU,
    events: [['NOT_STARTED', 'VERIFIED', '2026-10-10 10:00']],
    current: 'VERIFIED',
    nov30: 'VERIFIED',
  },
  P2: { unit: ENSHI_ZHOU, events: [], current: 'NOT_STARTED', nov30: 'NOT_STARTED' },
  // 恩施市: verified in November; verified only in December (submitted on 11-30); overdue; extended after the month.
  E1: {
    unit: ENSHI_SHI,
    events: [
      ['NOT_STARTED', 'SUBMITTED', '2026-11-02 09:00'],
      ['SUBMITTED', 'VERIFIED', '2026-11-05 16:00'],
    ],
    current: 'VERIFIED',
    nov30: 'VERIFIED',
  },
  E2: {
    unit: ENSHI_SHI,
    events: [
      ['NOT_STARTED', 'SUBMITTED', '2026-11-20 09:00'],
      ['SUBMITTED', 'VERIFIED', '2026-12-02 09:00'],
    ],
    current: 'VERIFIED',
    nov30: 'SUBMITTED',
  },
  E3: {
    unit: ENSHI_SHI,
    events: [['NOT_STARTED', 'IN_PROGRESS', '2026-10-01 09:00']],
    current: 'IN_PROGRESS',
    nov30: 'IN_PROGRESS',
    due: '2026-11-10',
    overdueNov30: 20,
  },
  E4: {
    unit: ENSHI_SHI,
    events: [['NOT_STARTED', 'IN_PROGRESS', '2026-10-01 09:00']],
    current: 'IN_PROGRESS',
    nov30: 'IN_PROGRESS',
    due: '2026-12-20',
    extension: { from: '2026-11-15', to: '2026-12-20', at: '2026-12-02 11:00' },
    overdueNov30: 15,
  },
  // Changed only in December: on 30 November it was what its first later change started from.
  E5: {
    unit: ENSHI_SHI,
    events: [['IN_PROGRESS', 'SUBMITTED', '2026-12-01 09:00']],
    current: 'SUBMITTED',
    nov30: 'IN_PROGRESS',
  },
  // 利川市: verified; verified then reopened within November; verified then retired in December.
  L1: {
    unit: LICHUAN,
    events: [['NOT_STARTED', 'VERIFIED', '2026-11-28 10:00']],
    current: 'VERIFIED',
    nov30: 'VERIFIED',
  },
  L2: {
    unit: LICHUAN,
    events: [
      ['NOT_STARTED', 'VERIFIED', '2026-11-01 10:00'],
      ['VERIFIED', 'IN_PROGRESS', '2026-11-15 10:00'],
    ],
    current: 'IN_PROGRESS',
    nov30: 'IN_PROGRESS',
  },
  L3: {
    unit: LICHUAN,
    events: [['NOT_STARTED', 'VERIFIED', '2026-11-10 10:00']],
    current: 'VERIFIED',
    nov30: 'VERIFIED',
    retiredAt: '2026-12-01 10:00',
  },
  // 武汉市江岸区 (outside 恩施州).
  J1: {
    unit: JIANGAN,
    events: [['NOT_STARTED', 'VERIFIED', '2026-11-03 10:00']],
    current: 'VERIFIED',
    nov30: 'VERIFIED',
  },
};

/** What the bulletin must say about a set of stories, computed from the stories alone. */
function expected(letters: string[]) {
  const s = letters.map((l) => STORIES[l]);
  const tasks = s.length;
  const verified = s.filter((x) => x.nov30 === 'VERIFIED').length;
  return {
    tasks,
    verified,
    submitted: s.filter((x) => x.nov30 === 'SUBMITTED').length,
    inProgress: s.filter((x) => x.nov30 === 'IN_PROGRESS' || x.nov30 === 'RETURNED').length,
    notStarted: s.filter((x) => x.nov30 === 'NOT_STARTED').length,
    overdue: s.filter((x) => x.overdueNov30 !== undefined).length,
    rate: `${(Math.round((verified / tasks) * 1000) / 10).toFixed(1)}%`,
  };
}
const lettersOf = (units: string[]) =>
  Object.keys(STORIES).filter((l) => units.includes(STORIES[l].unit));

describe('bulletins 情况通报 (GraphQL and download over HTTP, real database, least-privilege role)', () => {
  // 2026-12-03 10:00 in Asia/Shanghai: November is over, December has begun.
  const clock = new ManualClock(new Date('2026-12-03T02:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let enshiOperator: SignedInClient;
  let jianganOperator: SignedInClient;
  let auditor: SignedInClient;
  let cycleId: string;
  const task: Record<string, string> = {};
  const names: Record<string, string> = {};

  const data = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };
  const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
  const generate = (client: SignedInClient, input: Record<string, unknown>) =>
    client.graphql<{ generateBulletin: Bulletin }>(GENERATE, {
      input: { cycleId, periodKind: 'MONTH', period: '2026-11', ...input },
    });
  const download = (client: SignedInClient, path: string) =>
    fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  const table = (b: Bulletin, firstColumn: string) =>
    b.document.blocks.find((x) => x.kind === 'TABLE' && x.columns![0] === firstColumn)!;
  const text = (b: Bulletin) => b.document.blocks.map((x) => x.text ?? '').join('\n');

  beforeAll(async () => {
    api = await startTestApi({}, { clock, leastPrivilege: true });
    db = api.server.app.get(DataSource);
    [province, enshiZhou, enshiOperator, jianganOperator, auditor] = await Promise.all(
      ['province', 'enshi-zhou', 'enshi-scjg', 'jiangan-scjg', 'auditor'].map((u) => api.signIn(u)),
    );
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
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
    cycleId = data(created).createCycle.cycle.id;
    for (const row of await db.query(`SELECT code, name FROM admin_unit`))
      names[row.code] = row.name;

    // Pick the fixture tasks (operators' own department's where it matters), retire every other
    // task of the cycle before the year began: only the stories count.
    for (const [letter, story] of Object.entries(STORIES)) {
      const [row] = await db.query(
        `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
          WHERE t.cycle_id = $1 AND t.unit_code = $2 AND NOT (t.id = ANY ($3::uuid[]))
          ORDER BY (d.kind_code = 'market_regulation') DESC, t.id LIMIT 1`,
        [cycleId, story.unit, Object.values(task)],
      );
      expect(row).toBeDefined();
      task[letter] = row.id;
    }
    await db.query(
      `UPDATE task SET retired_at = '2026-01-01T00:00:00+08' WHERE cycle_id = $1 AND NOT (id = ANY ($2::uuid[]))`,
      [cycleId, Object.values(task)],
    );
    for (const [letter, story] of Object.entries(STORIES)) {
      for (const [from, to, at] of story.events) {
        await db.query(
          `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after)
           SELECT t.id, t.unit_code, t.cycle_id, $2::timestamptz, 'fixture', 'status',
                  jsonb_build_object('status', $3::text), jsonb_build_object('status', $4::text)
             FROM task t WHERE t.id = $1`,
          [task[letter], `${at}+08`, from, to],
        );
      }
      if (story.extension) {
        await db.query(
          `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after)
           SELECT t.id, t.unit_code, t.cycle_id, $2::timestamptz, 'fixture', 'extension_decided',
                  jsonb_build_object('dueDate', $3::text), jsonb_build_object('decision', 'approved', 'dueDate', $4::text)
             FROM task t WHERE t.id = $1`,
          [task[letter], `${story.extension.at}+08`, story.extension.from, story.extension.to],
        );
      }
      await db.query(
        `UPDATE task SET status = $2::text, due_date = COALESCE($3::date, due_date),
                completed_at = CASE WHEN $2::text = 'VERIFIED' THEN now() END,
                retired_at = $4::timestamptz WHERE id = $1`,
        [
          task[letter],
          story.current,
          story.due ?? null,
          story.retiredAt ? `${story.retiredAt}+08` : null,
        ],
      );
    }
    // Urging notices to 恩施市: a blue one answered and an orange one unanswered in November, a
    // red one in December (another period).
    const notice = (n: number, colour: string, issuedAt: string, answeredAt: string | null) =>
      db.query(
        `INSERT INTO urging_notice (number, year, seq, task_id, unit_code, cycle_id, colour, origin, reason_code,
                text, issued_on, answer_due, issued_by, issued_at, acknowledged_at, acknowledged_by,
                answered_at, answered_by, answer)
         SELECT $2, 2026, $3, t.id, t.unit_code, t.cycle_id, $4, 'MANUAL', 'ORDERED', '请加快办理',
                ($5::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, '2026-12-31', 'enshi-zhou', $5::timestamptz,
                $6::timestamptz, CASE WHEN $6::text IS NOT NULL THEN 'enshi-scjg' END,
                $6::timestamptz, CASE WHEN $6::text IS NOT NULL THEN 'enshi-scjg' END,
                CASE WHEN $6::text IS NOT NULL THEN '已部署' END
           FROM task t WHERE t.id = $1`,
        [task.E3, `鄂质督〔2026〕${n}号`, n, colour, issuedAt, answeredAt],
      );
    await notice(901, 'BLUE', '2026-11-03 09:00+08', '2026-11-05 09:00+08');
    await notice(902, 'ORANGE', '2026-11-20 09:00+08', null);
    await notice(903, 'RED', '2026-12-02 09:00+08', null);
  });

  afterAll(() => api?.close());

  let zhouDraft: Bulletin;

  it('a prefecture supervisor generates November’s bulletin of their counties, as of 30 November', async () => {
    const res = await generate(enshiZhou, {
      goodPractices: [{ taskId: task.E1, comment: '措施具体，成效明显。' }],
    });
    zhouDraft = data(res).generateBulletin;
    expect(zhouDraft).toMatchObject({
      scopeUnitCode: ENSHI_ZHOU,
      status: 'DRAFT',
      asOf: '2026-11-30',
      number: null,
      sha256: null,
    });
    expect(zhouDraft.title).toBe(
      `关于2026年11月份《${(await db.query(`SELECT r.title FROM regulation r JOIN regulation_version v ON v.regulation_id = r.id LIMIT 1`))[0].title.replace(/（草案）$/, '')}》履职工作推进情况的通报`,
    );
    const all = expected(lettersOf([ENSHI_ZHOU, ENSHI_SHI, LICHUAN]));
    expect(zhouDraft.summary).toMatchObject({
      tasks: all.tasks,
      verified: all.verified,
      submitted: all.submitted,
      overdue: all.overdue,
      unitsBehind: 1,
    });
    // 333 of 364 days of the cycle had passed on 30 November.
    expect(zhouDraft.summary.elapsedFraction).toBeCloseTo(333 / 364, 4);

    const ranking = table(zhouDraft, '排名');
    const row = (units: string[]) => {
      const e = expected(lettersOf(units));
      return [
        String(e.tasks),
        String(e.verified),
        String(e.submitted),
        String(e.inProgress),
        String(e.notStarted),
        String(e.overdue),
        e.rate,
      ];
    };
    // 利川市 2/3 ahead of 恩施市 1/4, which is behind 0.7 × 333/364 = 64.0%.
    expect(ranking.rows![0]).toEqual(['1', names[LICHUAN], ...row([LICHUAN])]);
    expect(ranking.rows![1]).toEqual(['2', `${names[ENSHI_SHI]}（滞后）`, ...row([ENSHI_SHI])]);
    const self = ranking.rows!.find((r) => r[1] === `${names[ENSHI_ZHOU]}本级`)!;
    expect(self).toEqual(['—', `${names[ENSHI_ZHOU]}本级`, ...row([ENSHI_ZHOU])]);
    // Only the prefecture and its counties.
    const counties: Array<{ name: string }> = await db.query(
      `SELECT name FROM admin_unit WHERE parent_code = $1`,
      [ENSHI_ZHOU],
    );
    expect(ranking.rows!.map((r) => r[1].replace('（滞后）', '')).sort()).toEqual(
      [`${names[ENSHI_ZHOU]}本级`, ...counties.map((c) => c.name)].sort(),
    );
    expect(JSON.stringify(zhouDraft.document)).not.toContain(names[JIANGAN]);

    // Overdue on 30 November: E3 (due 11-10) and E4 (due 11-15 then; extended on 12-02).
    const overdueTable = zhouDraft.document.blocks
      .filter((b) => b.kind === 'TABLE')
      .find((b) => b.columns!.includes('逾期天数'))!;
    expect(overdueTable.rows!.map((r) => [r[0], r[5]])).toEqual([
      [names[ENSHI_SHI], '20'],
      [names[ENSHI_SHI], '15'],
    ]);
    const behind = table(zhouDraft, '单位');
    expect(behind.columns).toEqual(['单位', '完成率', '应达进度', '差距']);
    expect(behind.rows!.map((r) => r[0])).toEqual([names[ENSHI_SHI]]);
    // Urging notices of November by colour; the December one is not in it.
    const urging = zhouDraft.document.blocks.find(
      (b) => b.kind === 'TABLE' && b.columns!.includes('蓝色'),
    )!;
    expect(urging.rows).toEqual([[names[ENSHI_SHI], '1', '1', '0', '2', '1']]);
    expect(text(zhouDraft)).toContain(
      '共发出督办单2份，其中蓝色1份、橙色1份、红色0份；截至2026年11月30日尚有1份未反馈',
    );
    expect(zhouDraft.goodPractices).toEqual([
      { taskId: task.E1, unitName: names[ENSHI_SHI], comment: '措施具体，成效明显。' },
    ]);
    expect(text(zhouDraft)).toContain('措施具体，成效明显。');
  });

  it('the provincial bulletin rolls counties up into their prefecture', async () => {
    const res = await generate(province, {});
    const b = data(res).generateBulletin;
    expect(b.scopeUnitCode).toBe(PROVINCE);
    const all = expected(Object.keys(STORIES));
    expect(b.summary).toMatchObject({
      tasks: all.tasks,
      verified: all.verified,
      overdue: all.overdue,
    });
    const ranking = table(b, '排名');
    const zhou = expected(lettersOf([ENSHI_ZHOU, ENSHI_SHI, LICHUAN]));
    expect(ranking.rows![0]).toEqual(['1', names[WUHAN], '1', '1', '0', '0', '0', '0', '100.0%']);
    expect(ranking.rows![1].slice(0, 4)).toEqual([
      '2',
      `${names[ENSHI_ZHOU]}（滞后）`,
      String(zhou.tasks),
      String(zhou.verified),
    ]);
    expect(ranking.rows!.some((r) => r[1].startsWith(names[ENSHI_SHI]))).toBe(false);
    const overdueTable = b.document.blocks.find(
      (x) => x.kind === 'TABLE' && x.columns!.includes('逾期天数'),
    )!;
    expect(overdueTable.rows!.map((r) => r[0])).toEqual([
      `${names[ENSHI_ZHOU]}${names[ENSHI_SHI]}`,
      `${names[ENSHI_ZHOU]}${names[ENSHI_SHI]}`,
    ]);
  });

  it.each([
    ['a county operator cannot generate', () => generate(enshiOperator, {}), 'FORBIDDEN'],
    ['an auditor cannot generate', () => generate(auditor, {}), 'FORBIDDEN'],
    [
      'a prefecture supervisor cannot generate the province’s',
      () => generate(enshiZhou, { scopeUnitCode: PROVINCE }),
      'NOT_FOUND',
    ],
    ['nor another prefecture’s', () => generate(enshiZhou, { scopeUnitCode: WUHAN }), 'NOT_FOUND'],
    [
      'a county is no scope',
      () => generate(province, { scopeUnitCode: JIANGAN }),
      'VALIDATION_FAILED',
    ],
    ['a malformed month', () => generate(province, { period: '2026-13' }), 'VALIDATION_FAILED'],
    ['a month not begun', () => generate(province, { period: '2027-01' }), 'VALIDATION_FAILED'],
    [
      'a quarter written as a month',
      () => generate(province, { periodKind: 'QUARTER', period: '2026-11' }),
      'VALIDATION_FAILED',
    ],
    [
      'good practice from outside the scope',
      () => generate(enshiZhou, { goodPractices: [{ taskId: task.J1, comment: '好' }] }),
      'VALIDATION_FAILED',
    ],
    [
      'good practice not verified',
      () => generate(enshiZhou, { goodPractices: [{ taskId: task.E3, comment: '好' }] }),
      'VALIDATION_FAILED',
    ],
    [
      'good practice without a comment',
      () => generate(enshiZhou, { goodPractices: [{ taskId: task.E1, comment: '  ' }] }),
      'VALIDATION_FAILED',
    ],
  ])('%s', async (_name, call, expectedCode) => {
    const res = await call();
    expect(code(res)).toBe(expectedCode);
    expect(res.errors![0].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('offers the verified tasks of the scope as good practice', async () => {
    const res = await enshiZhou.graphql<{
      bulletinGoodPracticeCandidates: Array<{ taskId: string }>;
    }>(CANDIDATES, { c: cycleId });
    const ids = data(res)
      .bulletinGoodPracticeCandidates.map((c) => c.taskId)
      .sort();
    // Verified today in 恩施州, not retired: P1, E1, E2, L1 (L3 is retired, J1 outside).
    expect(ids).toEqual([task.P1, task.E1, task.E2, task.L1].sort());
  });

  it('edits a draft; regenerating keeps the texts; stale versions conflict', async () => {
    const edited = data(
      await enshiZhou.graphql<{ updateBulletinDraft: Bulletin }>(UPDATE, {
        input: {
          id: zhouDraft.id,
          expectedRowVersion: zhouDraft.rowVersion,
          intro: '现将11月份全州履职情况通报如下。',
        },
      }),
    ).updateBulletinDraft;
    expect(edited.document.blocks[0]).toMatchObject({
      kind: 'PARAGRAPH',
      text: '现将11月份全州履职情况通报如下。',
    });
    const stale = await enshiZhou.graphql(UPDATE, {
      input: { id: zhouDraft.id, expectedRowVersion: zhouDraft.rowVersion, intro: 'x' },
    });
    expect(code(stale)).toBe('CONFLICT');
    const again = data(await generate(enshiZhou, {})).generateBulletin;
    expect(again.id).toBe(zhouDraft.id);
    expect(again.intro).toBe('现将11月份全州履职情况通报如下。');
    expect(again.goodPractices.map((g) => g.taskId)).toEqual([task.E1]);
    zhouDraft = again;
  });

  it('drafts are the supervisors’: others do not see them', async () => {
    const provincial = data(
      await province.graphql<{ bulletins: Array<{ id: string; scopeUnitCode: string }> }>(LIST, {}),
    ).bulletins;
    const provinceDraft = provincial.find((b) => b.scopeUnitCode === PROVINCE)!;
    expect(provincial.map((b) => b.id)).toContain(zhouDraft.id);
    expect(code(await enshiZhou.graphql(GET, { id: provinceDraft.id }))).toBe('NOT_FOUND');
    for (const client of [auditor, enshiOperator]) {
      expect(code(await client.graphql(GET, { id: zhouDraft.id }))).toBe('NOT_FOUND');
      expect(data(await client.graphql<{ bulletins: unknown[] }>(LIST, {})).bulletins).toEqual([]);
    }
    expect((await download(enshiOperator, zhouDraft.downloadPath)).status).toBe(404);
    // The supervisor may check a draft in Word: rendered now, marked as a draft.
    const draftFile = await download(enshiZhou, zhouDraft.downloadPath);
    expect(draftFile.status).toBe(200);
    const parts = await docxParts(Buffer.from(await draftFile.arrayBuffer()));
    expect(paragraphs(parts.get('word/document.xml')!)).toContain('（草稿，未发布，仅供核对）');
  });

  let published: Bulletin;
  let publishedBytes: Buffer;

  it('publishing freezes the DOCX and its SHA-256, numbers it and notifies the units in scope', async () => {
    published = data(
      await enshiZhou.graphql<{ publishBulletin: Bulletin }>(PUBLISH, {
        id: zhouDraft.id,
        v: zhouDraft.rowVersion,
      }),
    ).publishBulletin;
    expect(published).toMatchObject({ status: 'PUBLISHED', number: '2026年第1期' });
    expect(published.document.number).toBe('2026年第1期');
    expect(published.sha256).toMatch(/^[0-9a-f]{64}$/);

    const res = await download(enshiZhou, published.downloadPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
    publishedBytes = Buffer.from(await res.arrayBuffer());
    expect(publishedBytes.length).toBe(published.size);
    expect(createHash('sha256').update(publishedBytes).digest('hex')).toBe(published.sha256);
    expect(res.headers.get('x-content-sha256')).toBe(published.sha256);

    const xml = (await docxParts(publishedBytes)).get('word/document.xml')!;
    const texts = paragraphs(xml);
    expect(texts).toContain(published.title);
    expect(texts).toContain('2026年第1期');
    const rows = tableRows(xml);
    const lichuan = expected(lettersOf([LICHUAN]));
    expect(rows).toContain('排名|单位|任务数|已核验|已提交|推进中|未开始|逾期|完成率');
    expect(rows).toContain(
      `1|${names[LICHUAN]}|${lichuan.tasks}|${lichuan.verified}|${lichuan.submitted}|${lichuan.inProgress}|${lichuan.notStarted}|${lichuan.overdue}|${lichuan.rate}`,
    );
    expect(rows.some((r) => r.startsWith(`2|${names[ENSHI_SHI]}（滞后）|`))).toBe(true);
    expect(rows).toContain(`${names[ENSHI_SHI]}|1|1|0|2|1`);
    expect(xml).not.toContain(names[JIANGAN]);

    const notified = async (username: string) =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM notification WHERE kind = 'BULLETIN_PUBLISHED' AND recipient_username = $1 AND link = $2`,
            [username, `/bulletins/${published.id}`],
          )
        )[0].n,
      );
    expect(await notified('enshi-scjg')).toBe(1);
    expect(await notified('jiangan-scjg')).toBe(0);
  });

  it('a published bulletin never changes, even when the tasks do', async () => {
    for (const res of [
      await enshiZhou.graphql(UPDATE, {
        input: { id: published.id, expectedRowVersion: published.rowVersion, intro: 'x' },
      }),
      await enshiZhou.graphql(PUBLISH, { id: published.id, v: published.rowVersion }),
      await enshiZhou.graphql(DELETE, { id: published.id, v: published.rowVersion }),
      await generate(enshiZhou, {}),
    ]) {
      expect(code(res)).toBe('CONFLICT');
    }
    await expect(
      db.query(`UPDATE bulletin SET title = 'x' WHERE id = $1`, [published.id]),
    ).rejects.toThrow(/published/);
    await expect(db.query(`DELETE FROM bulletin WHERE id = $1`, [published.id])).rejects.toThrow(
      /published/,
    );
    await db.query(`UPDATE task SET status = 'VERIFIED' WHERE id = $1`, [task.E3]);
    clock.advance(5 * 60_000);
    const again = await download(enshiZhou, published.downloadPath);
    expect(Buffer.from(await again.arrayBuffer()).equals(publishedBytes)).toBe(true);
    const read = data(
      await enshiZhou.graphql<{ bulletin: Bulletin }>(GET, { id: published.id }),
    ).bulletin;
    expect(read.summary).toEqual(published.summary);
  });

  it('the units in scope read and download it; others cannot', async () => {
    for (const client of [enshiOperator, auditor, province]) {
      expect(
        data(await client.graphql<{ bulletin: Bulletin }>(GET, { id: published.id })).bulletin
          .sha256,
      ).toBe(published.sha256);
      const res = await download(client, published.downloadPath);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(publishedBytes)).toBe(true);
    }
    expect(code(await jianganOperator.graphql(GET, { id: published.id }))).toBe('NOT_FOUND');
    expect((await download(jianganOperator, published.downloadPath)).status).toBe(404);
    expect((await fetch(`${api.url}${published.downloadPath}`)).status).toBe(401);
    expect((await download(enshiOperator, '/api/bulletins/not-a-uuid.docx')).status).toBe(404);
  });

  it('deletes a draft', async () => {
    const provincial = data(
      await province.graphql<{
        bulletins: Array<{ id: string; status: string; scopeUnitCode: string }>;
      }>(LIST, { f: { scopeUnitCode: PROVINCE, status: 'DRAFT' } }),
    ).bulletins;
    expect(provincial).toHaveLength(1);
    const draft = data(
      await province.graphql<{ bulletin: Bulletin }>(GET, { id: provincial[0].id }),
    ).bulletin;
    expect(code(await enshiZhou.graphql(DELETE, { id: draft.id, v: draft.rowVersion }))).toBe(
      'NOT_FOUND',
    );
    expect(
      data(
        await province.graphql<{ deleteBulletinDraft: boolean }>(DELETE, {
          id: draft.id,
          v: draft.rowVersion,
        }),
      ).deleteBulletinDraft,
    ).toBe(true);
    expect(code(await province.graphql(GET, { id: draft.id }))).toBe('NOT_FOUND');
  });
});
