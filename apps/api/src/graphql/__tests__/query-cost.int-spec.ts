import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

// A full task row with its history and evidence: fifteen pages of 100 of these are what the
// probe of issue 15 sent (7.5 s and 927 KB per request when the page size was a variable).
const TASK_ROW = `id status dueDate progressNote measures unit { code name } leadDepartment { name }
  history { id kind actorUsername occurredAt reason before after ip }
  evidence { id fileName fileType sha256 size version current uploadedAt uploadedBy description documentNumber }`;

function fifteenTaskPages(args: string, variables = ''): string {
  const aliases = Array.from(
    { length: 15 },
    (_, i) => `t${i}: tasks${args} { nodes { ${TASK_ROW} } }`,
  );
  return `query${variables} { ${aliases.join(' ')} }`;
}

type CostError = { extensions?: { code?: string; details?: { cost?: number } } };

describe('GraphQL query cost counts page sizes however they are given (issue 15, finding 2)', () => {
  let api: TestApi;
  let province: SignedInClient;

  beforeAll(async () => {
    api = await startTestApi();
    province = await api.signIn('province');
  });
  afterAll(() => api?.close());

  async function refusal(query: string, variables?: Record<string, unknown>) {
    const res = await province.graphql(query, variables);
    expect(res.data).toBeUndefined();
    const error = res.errors?.[0] as CostError | undefined;
    return {
      status: res.status,
      code: error?.extensions?.code,
      cost: error?.extensions?.details?.cost,
    };
  }

  it('refuses fifteen aliased pages of 100 tasks with history and evidence written as literals', async () => {
    const literal = await refusal(fifteenTaskPages('(first: 100)'));
    expect(literal).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', cost: expect.any(Number) });
    expect(literal.cost).toBeGreaterThan(api.config.graphql.maxCost);
  });

  it.each([
    ['a variable', 100],
    ['a variable beyond the server’s clamp (counted as the 100 rows served)', 1_000_000],
  ])('refuses the same query with the page size as %s, as the literal one', async (_how, n) => {
    const literal = await refusal(fifteenTaskPages('(first: 100)'));
    const variable = await refusal(fifteenTaskPages('(first: $n)', '($n: Int!)'), { n });
    expect(variable).toEqual(literal);
  });

  it('counts the argument’s default (50 rows) when no page size is given', async () => {
    const literal = await refusal(fifteenTaskPages('(first: 100)'));
    const omitted = await refusal(fifteenTaskPages(''));
    expect(omitted).toEqual({ ...literal, cost: literal.cost! / 2 });
  });

  it('counts the page size inside a PageInput variable', async () => {
    const auditAdmin = await api.signIn('auditadmin');
    const aliases = Array.from(
      { length: 15 },
      (_, i) =>
        `a${i}: securityAuditLog(page: $page) { nodes { id occurredAt action result actorUsername target ip detail } }`,
    );
    const query = `query($page: PageInput) { ${aliases.join(' ')} }`;
    const big = await auditAdmin.graphql(query, { page: { first: 500 } });
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await auditAdmin.graphql(query, { page: { first: 10 } });
    expect(small.errors).toBeUndefined();
  });

  it('serves the same aliased query with small pages, and an ordinary task list', async () => {
    const aliased = await province.graphql(fifteenTaskPages('(first: $n)', '($n: Int!)'), {
      n: 5,
    });
    expect(aliased.status).toBe(200);
    expect(aliased.errors).toBeUndefined();
    expect(Object.keys(aliased.data ?? {})).toHaveLength(15);

    const list = await province.graphql<{ tasks: { nodes: unknown[] } }>(
      `query($first: Int!) { tasks(first: $first) { totalCount nodes { ${TASK_ROW} } } }`,
      { first: 20 },
    );
    expect(list.status).toBe(200);
    expect(list.errors).toBeUndefined();
    expect(list.data?.tasks.nodes).toEqual(expect.any(Array));
  });
});

describe('heavy operations run within a per-user budget (issue 15, finding 2)', () => {
  let api: TestApi;
  let province: SignedInClient;
  let auditor: SignedInClient;
  // One heavy operation at a time per user, no waiting: a page of 100 tasks is heavy here.
  const HEAVY = `query { tasks(first: 100) { nodes { id status dueDate unit { code name } } } }`;
  const LIGHT = `query { me { username } }`;

  beforeAll(async () => {
    api = await startTestApi({
      GRAPHQL_HEAVY_COST: '1000',
      GRAPHQL_HEAVY_CONCURRENCY_PER_USER: '1',
      GRAPHQL_HEAVY_WAIT_MS: '1',
    });
    province = await api.signIn('province');
    auditor = await api.signIn('auditor');
    // A cycle with tasks, so that each heavy page takes real work and a burst overlaps (over an
    // empty list each request could end before the next arrives, and none would be refused).
    const { data } = await province.graphql<{
      regulations: Array<{ latestVersion: { id: string } }>;
    }>(`{ regulations { latestVersion { id } } }`);
    const created = await province.graphql(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: data!.regulations[0].latestVersion.id },
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('refuses one user’s burst of heavy queries with 429 and Retry-After, not another user’s', async () => {
    const burst = await Promise.all(
      Array.from({ length: 6 }, () => province.graphql<{ tasks: unknown }>(HEAVY)),
    );
    const refused = burst.filter((r) => r.status === 429);
    const served = burst.filter((r) => r.status === 200 && r.data?.tasks);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(served.length + refused.length).toBe(6);
    for (const r of refused) {
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    // Another user's heavy query, and the same user's light ones, are not held up by it.
    const [other, light] = await Promise.all([auditor.graphql(HEAVY), province.graphql(LIGHT)]);
    expect(other.status).toBe(200);
    expect(light.status).toBe(200);
    // Once the burst is over, the user's heavy queries run again.
    expect((await province.graphql(HEAVY)).status).toBe(200);
  });
});
