import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { GraphQLResponse, SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { MAX_TOKEN_FAILURES_PER_ADDRESS } from '../machine-access';

/**
 * Machine API tokens (issue 19, item 4), through the real API over HTTP against PostgreSQL:
 * issued by the security administrator only, stored hashed, shown once, scoped, bound to a
 * unit's subtree, expiring, revocable, rate limited, every use in the security audit log.
 */
const TOKEN_FIELDS = `id name tokenPrefix scopes unit { code name } rateLimitPerMinute status createdBy createdAt expiresAt revokedBy revokedAt lastUsedAt useCount`;
const ISSUE = `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token apiToken { ${TOKEN_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { ${TOKEN_FIELDS} } }`;
const LIST = `{ apiTokens { ${TOKEN_FIELDS} } }`;
const FIGURES = `tasks verified submitted inProgress notStarted returned overdue evidenceCount completionRate submissionRate`;
const SUMMARY = `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { ${FIGURES} unitsBehindSchedule daysLeft elapsedFraction notApplicableTasks } }`;

interface TokenView {
  id: string;
  name: string;
  tokenPrefix: string;
  scopes: string[];
  unit: { code: string; name: string };
  rateLimitPerMinute: number;
  status: string;
  createdBy: string;
  revokedBy: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  useCount: number;
}
interface Issued {
  token: string;
  apiToken: TokenView;
}
interface UnitRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  tasks: number;
  verified: number;
  completionRate: number;
}

/** 恩施州, one of its counties (恩施市), and a county of another prefecture (江岸区, 武汉市). */
const ENSHI_ZHOU = '422800';
const ENSHI_SHI = '422801';
const JIANGAN = '420102';
const DAY = 86_400_000;

describe('machine API tokens (issue 19)', () => {
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let sec: SignedInClient;
  let sys: SignedInClient;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let auditAdmin: SignedInClient;
  let cycleId: string;

  const data = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };
  const errorOf = (res: GraphQLResponse) => ({
    code: res.errors?.[0]?.extensions?.code,
    reason: (res.errors?.[0]?.extensions?.details as { reason?: string } | undefined)?.reason,
  });
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const issue = async (input: Record<string, unknown>) =>
    data(
      await sec.graphql<{ issueApiToken: Issued }>(ISSUE, {
        input: { expiresAt: inDays(90), ...input },
      }),
    ).issueApiToken;
  const call = async (path: string, token?: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.url}${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      cacheControl: res.headers.get('cache-control'),
      body: (await res.json()) as Record<string, unknown> & {
        code?: string;
        message?: string;
        details?: { reason?: string };
      },
    };
  };
  const uses = (tokenId: string) =>
    db.query<
      Array<{ result: string; target: string; ip: string | null; detail: Record<string, unknown> }>
    >(
      `SELECT result, target, ip, detail FROM security_audit_log
        WHERE action = 'API_TOKEN_USED' AND detail->>'tokenId' = $1 ORDER BY id`,
      [tokenId],
    );

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    [sec, sys, province, enshiZhou, auditAdmin] = await Promise.all(
      ['secadmin', 'sysadmin', 'province', 'enshi-zhou', 'auditadmin'].map((u) => api.signIn(u)),
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
    // Some verified work and one evidence file in each of two prefectures.
    for (const unit of [ENSHI_SHI, JIANGAN, ENSHI_ZHOU]) {
      await db.query(
        `UPDATE task SET status = 'VERIFIED', completed_at = now()
          WHERE id IN (SELECT id FROM task WHERE cycle_id = $1 AND unit_code = $2 ORDER BY id LIMIT 3)`,
        [cycleId, unit],
      );
    }
    for (const [unit, name] of [
      [ENSHI_SHI, '恩施市实施方案.pdf'],
      [JIANGAN, '江岸区实施方案.pdf'],
    ]) {
      await db.query(
        `INSERT INTO evidence (task_id, unit_code, cycle_id, lineage_id, version, sha256, size, file_type,
                mime_type, original_name, uploaded_by, document_number)
         SELECT t.id, t.unit_code, t.cycle_id, gen_random_uuid(), 1, repeat('b', 64), 1234, 'pdf',
                'application/pdf', $3, 'fixture', '恩施发〔2026〕1号'
           FROM task t WHERE t.cycle_id = $1 AND t.unit_code = $2 ORDER BY t.id LIMIT 1`,
        [cycleId, unit, name],
      );
    }
  });
  afterAll(() => api?.close());

  it.each([
    ['sysadmin', () => sys],
    ['province', () => province],
    ['auditadmin', () => auditAdmin],
  ])('refuses %s: only the security administrator issues, lists and revokes', async (_n, who) => {
    const client = who();
    const issued = await client.graphql(ISSUE, {
      input: {
        name: '越权',
        scopes: ['ANALYTICS_READ'],
        unitId: ENSHI_ZHOU,
        expiresAt: inDays(30),
      },
    });
    expect(errorOf(issued).code).toBe('FORBIDDEN');
    expect(errorOf(await client.graphql(LIST)).code).toBe('FORBIDDEN');
    expect(
      errorOf(await client.graphql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' })).code,
    ).toBe('FORBIDDEN');
    expect(Number((await db.query(`SELECT count(*) AS n FROM api_token`))[0].n)).toBe(0);
  });

  it('validates the expiry, the scopes and the unit', async () => {
    const attempt = (input: Record<string, unknown>) =>
      sec.graphql(ISSUE, {
        input: { name: '校验', scopes: ['ANALYTICS_READ'], unitId: ENSHI_ZHOU, ...input },
      });
    const past = await attempt({ expiresAt: inDays(-1) });
    expect(errorOf(past).code).toBe('VALIDATION_FAILED');
    expect(past.errors?.[0]?.message).toContain('到期时间');
    expect(errorOf(await attempt({ expiresAt: inDays(367) })).code).toBe('VALIDATION_FAILED');
    expect(errorOf(await attempt({ expiresAt: inDays(30), scopes: [] })).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorOf(await attempt({ expiresAt: inDays(30), unitId: '999999' })).code).toBe(
      'VALIDATION_FAILED',
    );
    // No expiry at all is not a choice: the schema requires one.
    expect((await attempt({})).errors?.length).toBeGreaterThan(0);
  });

  it('issues a token once, stores only its hash, lists it, and refuses a second active token of the same name', async () => {
    const issued = await issue({
      name: '省大数据中心-统计',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    expect(issued.token).toMatch(/^dtk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.apiToken).toMatchObject({
      name: '省大数据中心-统计',
      scopes: ['ANALYTICS_READ'],
      unit: { code: ENSHI_ZHOU },
      status: 'ACTIVE',
      createdBy: 'secadmin',
      rateLimitPerMinute: 60,
      useCount: 0,
      lastUsedAt: null,
    });
    expect(issued.token.startsWith(issued.apiToken.tokenPrefix + '_')).toBe(true);
    const [row] = await db.query(`SELECT * FROM api_token WHERE id = $1`, [issued.apiToken.id]);
    expect(row.secret_hash).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(issued.token.slice(17));

    const listed = data(await sec.graphql<{ apiTokens: TokenView[] }>(LIST)).apiTokens;
    expect(listed.map((t) => t.id)).toContain(issued.apiToken.id);
    expect(JSON.stringify(listed)).not.toContain(issued.token.slice(17));

    const again = await sec.graphql(ISSUE, {
      input: {
        name: '省大数据中心-统计',
        scopes: ['EVIDENCE_METADATA_READ'],
        unitId: ENSHI_ZHOU,
        expiresAt: inDays(30),
      },
    });
    expect(errorOf(again)).toEqual({ code: 'CONFLICT', reason: 'NAME_TAKEN' });

    const [audit] = await db.query(
      `SELECT actor_username, result, target, detail FROM security_audit_log
        WHERE action = 'API_TOKEN_ISSUED' AND detail->>'tokenId' = $1`,
      [issued.apiToken.id],
    );
    expect(audit).toMatchObject({
      actor_username: 'secadmin',
      result: 'success',
      target: `api-token:${issued.apiToken.tokenPrefix.slice(4)}`,
      detail: expect.objectContaining({ unitCode: ENSHI_ZHOU, scopes: ['ANALYTICS_READ'] }),
    });
    expect(JSON.stringify(audit)).not.toContain(issued.token.slice(17));
  });

  it('reads the analytics summary of the bound prefecture only, equal to its supervisor’s figures', async () => {
    const { token, apiToken } = await issue({
      name: '恩施州统计',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    const res = await call('/api/v1/analytics/summary', token);
    expect(res.status).toBe(200);
    expect(res.cacheControl).toBe('no-store');
    const body = res.body as unknown as {
      cycle: { id: string };
      unit: { code: string };
      summary: Record<string, number>;
      units: UnitRow[];
    };
    expect(body.cycle.id).toBe(cycleId); // the current cycle by default
    expect(body.unit.code).toBe(ENSHI_ZHOU);
    const supervisor = data(
      await enshiZhou.graphql<{ analyticsSummary: Record<string, number> }>(SUMMARY, {
        c: cycleId,
      }),
    ).analyticsSummary;
    expect(body.summary).toEqual(supervisor);
    expect(body.summary.verified).toBe(6);
    const codes = body.units.map((u) => u.code);
    expect(codes).toContain(ENSHI_ZHOU);
    expect(codes).toContain(ENSHI_SHI);
    expect(codes).not.toContain(JIANGAN);
    expect(body.units.every((u) => u.code === ENSHI_ZHOU || u.parentCode === ENSHI_ZHOU)).toBe(
      true,
    );
    expect(body.units.find((u) => u.code === ENSHI_SHI)).toMatchObject({ verified: 3 });

    const units = await call(`/api/v1/analytics/units?cycleId=${cycleId}&level=county`, token);
    expect(units.status).toBe(200);
    const countyRows = (units.body as unknown as { units: UnitRow[] }).units;
    expect(countyRows.length).toBeGreaterThan(1);
    expect(countyRows.every((u) => u.parentCode === ENSHI_ZHOU && u.level === 'county')).toBe(true);
    // Asking for another prefecture's units is NOT_FOUND, never data.
    const foreign = await call('/api/v1/analytics/units?parentCode=420100', token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const unknownCycle = await call(
      '/api/v1/analytics/summary?cycleId=00000000-0000-4000-8000-000000000000',
      token,
    );
    expect(unknownCycle.status).toBe(404);

    const [row] = await db.query(`SELECT use_count, last_used_at FROM api_token WHERE id = $1`, [
      apiToken.id,
    ]);
    expect(row.use_count).toBe(4);
    expect(new Date(row.last_used_at).getTime()).toBe(clock.now().getTime());
    const audited = await uses(apiToken.id);
    expect(audited.map((a) => [a.result, a.target, a.detail.status])).toEqual([
      ['success', 'GET /api/v1/analytics/summary', 200],
      ['success', 'GET /api/v1/analytics/units', 200],
      ['failure', 'GET /api/v1/analytics/units', 404],
      ['failure', 'GET /api/v1/analytics/summary', 404],
    ]);
    expect(audited[0].ip).toBeTruthy();
    expect(audited[1].detail.query).toEqual({ cycleId, level: 'county' });
  });

  it('limits a county-bound token to that county', async () => {
    const { token } = await issue({
      name: '恩施市统计',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_SHI,
    });
    const res = await call('/api/v1/analytics/summary', token);
    expect(res.status).toBe(200);
    const body = res.body as unknown as { summary: Record<string, number>; units: UnitRow[] };
    expect(body.units.map((u) => u.code)).toEqual([ENSHI_SHI]);
    const provincial = data(
      await province.graphql<{ analyticsSummary: Record<string, number> }>(SUMMARY, {
        c: cycleId,
        u: ENSHI_SHI,
      }),
    ).analyticsSummary;
    expect(body.summary).toEqual(provincial);
    expect(body.summary.verified).toBe(3);
  });

  it('reads evidence metadata within the jurisdiction with the evidence scope, and refuses the wrong scope with 403', async () => {
    const analyticsOnly = await issue({
      name: '只读统计',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    const wrong = await call('/api/v1/evidence', analyticsOnly.token);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'API_TOKEN_SCOPE' } });
    expect(wrong.body.message).toContain('无权');

    const evidenceOnly = await issue({
      name: '恩施州佐证',
      scopes: ['EVIDENCE_METADATA_READ'],
      unitId: ENSHI_ZHOU,
    });
    const res = await call('/api/v1/evidence?first=10', evidenceOnly.token);
    expect(res.status).toBe(200);
    const page = res.body as unknown as {
      totalCount: number;
      nodes: Array<Record<string, unknown>>;
    };
    expect(page.totalCount).toBe(1);
    expect(page.nodes[0]).toMatchObject({
      unitCode: ENSHI_SHI,
      fileName: '恩施市实施方案.pdf',
      documentNumber: '恩施发〔2026〕1号',
      sha256: 'b'.repeat(64),
      size: 1234,
      current: true,
    });
    expect(page.nodes[0]).not.toHaveProperty('uploadedBy');
    // Another prefecture's unit as a filter finds nothing.
    const foreign = await call(`/api/v1/evidence?unitCode=${JIANGAN}`, evidenceOnly.token);
    expect(foreign.body.totalCount).toBe(0);
    const badPage = await call('/api/v1/evidence?first=1000', evidenceOnly.token);
    expect(badPage.status).toBe(400);
    expect(badPage.body.code).toBe('VALIDATION_FAILED');
    expect((await call('/api/v1/analytics/summary', evidenceOnly.token)).status).toBe(403);

    const audited = await uses(analyticsOnly.apiToken.id);
    expect(audited).toEqual([
      expect.objectContaining({
        result: 'denied',
        target: 'GET /api/v1/evidence',
        detail: expect.objectContaining({ status: 403, reason: 'API_TOKEN_SCOPE' }),
      }),
    ]);
  });

  it('answers 401 with a stable reason for a missing, unknown or tampered token, and never accepts a session', async () => {
    const { token } = await issue({
      name: '篡改测试',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    const missing = await call('/api/v1/analytics/summary');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'API_TOKEN_MISSING' },
    });
    expect(missing.body.message).toMatch(/令牌/);
    // A signed-in session, as cookie or as Bearer, is not a machine credential.
    const cookie = await call('/api/v1/analytics/summary', undefined, {
      cookie: `duty_session=${province.token}`,
    });
    expect(cookie.status).toBe(401);
    expect(cookie.body.details?.reason).toBe('API_TOKEN_MISSING');
    const session = await call('/api/v1/analytics/summary', province.token);
    expect(session.body.details?.reason).toBe('API_TOKEN_INVALID');
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const bad = await call('/api/v1/analytics/summary', tampered);
    expect(bad.status).toBe(401);
    expect(bad.body.details?.reason).toBe('API_TOKEN_INVALID');
    const unknown = await call('/api/v1/analytics/summary', `dtk_000000000000_${'x'.repeat(43)}`);
    expect(unknown.body.details?.reason).toBe('API_TOKEN_INVALID');
    const [failure] = await db.query(
      `SELECT result, actor_username, detail FROM security_audit_log
        WHERE action = 'API_TOKEN_USED' AND actor_username = 'api-token:000000000000'`,
    );
    expect(failure).toMatchObject({
      result: 'failure',
      detail: expect.objectContaining({ status: 401, reason: 'API_TOKEN_INVALID' }),
    });
  });

  it('is not accepted by GraphQL or the other REST endpoints', async () => {
    const { token } = await issue({
      name: '越界测试',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    const graphql = await api.graphql(
      SUMMARY,
      { c: cycleId },
      { authorization: `Bearer ${token}` },
    );
    expect(graphql.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await api.graphql<{ me: unknown }>(`{ me { username } }`, undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(me.data?.me ?? null).toBeNull();
    const exported = await fetch(`${api.url}/api/exports/duties?format=json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(401);
  });

  it('limits each token’s rate and says when to retry', async () => {
    const { token, apiToken } = await issue({
      name: '限流测试',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_SHI,
      rateLimitPerMinute: 3,
    });
    for (let i = 0; i < 3; i++) {
      expect((await call('/api/v1/analytics/units', token)).status).toBe(200);
    }
    const limited = await call('/api/v1/analytics/units', token);
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('20');
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'API_TOKEN_RATE_LIMITED', retryAfterSeconds: 20 },
    });
    clock.advance(20_000);
    expect((await call('/api/v1/analytics/units', token)).status).toBe(200);
    expect((await call('/api/v1/analytics/units', token)).status).toBe(429);
    // Another token is not affected.
    const other = await issue({ name: '限流旁路', scopes: ['ANALYTICS_READ'], unitId: ENSHI_SHI });
    expect((await call('/api/v1/analytics/units', other.token)).status).toBe(200);

    const [row] = await db.query(`SELECT use_count FROM api_token WHERE id = $1`, [apiToken.id]);
    expect(row.use_count).toBe(4);
    const audited = await uses(apiToken.id);
    expect(audited.map((a) => a.result)).toEqual([
      'success',
      'success',
      'success',
      'denied',
      'success',
      'denied',
    ]);
  });

  it('refuses a revoked token at once and records the revocation', async () => {
    const { token, apiToken } = await issue({
      name: '吊销测试',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    expect((await call('/api/v1/analytics/summary', token)).status).toBe(200);
    const revoked = data(
      await sec.graphql<{ revokeApiToken: TokenView }>(REVOKE, { id: apiToken.id }),
    ).revokeApiToken;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedBy: 'secadmin', useCount: 1 });
    const refused = await call('/api/v1/analytics/summary', token);
    expect(refused.status).toBe(401);
    expect(refused.body.details?.reason).toBe('API_TOKEN_REVOKED');
    // Revoking again changes nothing and is not recorded twice.
    await sec.graphql(REVOKE, { id: apiToken.id });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM security_audit_log WHERE action = 'API_TOKEN_REVOKED' AND detail->>'tokenId' = $1`,
      [apiToken.id],
    );
    expect(n).toBe(1);
    // The name is free again once the token is revoked.
    await issue({ name: '吊销测试', scopes: ['ANALYTICS_READ'], unitId: ENSHI_ZHOU });
    expect(errorOf(await sec.graphql(REVOKE, { id: 'not-a-uuid' })).code).toBe('NOT_FOUND');
  });

  it('refuses an expired token and shows it as expired', async () => {
    const { token, apiToken } = await issue({
      name: '过期测试',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
      expiresAt: inDays(2),
    });
    expect((await call('/api/v1/analytics/summary', token)).status).toBe(200);
    clock.advance(2 * DAY);
    const refused = await call('/api/v1/analytics/summary', token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'API_TOKEN_EXPIRED' },
    });
    expect(refused.body.message).toContain('过期');
    sec = await api.signIn('secadmin'); // the session outlived the two days
    const listed = data(await sec.graphql<{ apiTokens: TokenView[] }>(LIST)).apiTokens;
    expect(listed.find((t) => t.id === apiToken.id)?.status).toBe('EXPIRED');
    // An expired token's name may be used again.
    await issue({ name: '过期测试', scopes: ['ANALYTICS_READ'], unitId: ENSHI_ZHOU });
  });
  it('answers 503 without the data when the use cannot be audited', async () => {
    const { token, apiToken } = await issue({
      name: '审计失败测试',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    // The audit table refuses this token's entries (a full disk or a lost connection in real life).
    await db.query(
      `ALTER TABLE security_audit_log ADD CONSTRAINT test_refuse_token_use
         CHECK (action <> 'API_TOKEN_USED' OR detail->>'tokenId' IS DISTINCT FROM '${apiToken.id}') NOT VALID`,
    );
    try {
      const refused = await call('/api/v1/analytics/summary', token);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(refused.body).not.toHaveProperty('summary');
      expect(refused.body).not.toHaveProperty('units');
    } finally {
      await db.query(`ALTER TABLE security_audit_log DROP CONSTRAINT test_refuse_token_use`);
    }
    expect(await uses(apiToken.id)).toEqual([]);
    expect((await call('/api/v1/analytics/summary', token)).status).toBe(200);
    expect((await uses(apiToken.id)).map((a) => a.result)).toEqual(['success']);
  });

  // Last: it fills this address's refusal window (the clock is moved past it at the end).
  it('limits refused requests per client address, auditing a revoked token’s use and a flood once', async () => {
    clock.advance(2 * 60_000); // the earlier tests' refusals are out of the window
    const good = await issue({ name: '地址限流', scopes: ['ANALYTICS_READ'], unitId: ENSHI_ZHOU });
    const revoked = await issue({
      name: '地址限流（吊销）',
      scopes: ['ANALYTICS_READ'],
      unitId: ENSHI_ZHOU,
    });
    data(await sec.graphql(REVOKE, { id: revoked.apiToken.id }));
    const refused = await call('/api/v1/analytics/summary', revoked.token);
    expect(refused.body.details?.reason).toBe('API_TOKEN_REVOKED');
    const unknown = `dtk_0123456789ab_${'y'.repeat(43)}`;
    for (let i = 1; i < MAX_TOKEN_FAILURES_PER_ADDRESS; i++) {
      expect((await call('/api/v1/analytics/summary', unknown)).status).toBe(401);
    }
    // The address is refused now, even with a valid token, and told when to retry.
    const limited = await call('/api/v1/analytics/summary', good.token);
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('60');
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'API_TOKEN_FAILURES', retryAfterSeconds: 60 },
    });
    expect((await call('/api/v1/analytics/summary', unknown)).status).toBe(429);
    expect((await call('/api/v1/analytics/units', good.token)).status).toBe(429);

    // The revoked token's use is audited with its id; the flood once, not per request.
    expect(
      (await uses(revoked.apiToken.id)).map((a) => [a.result, a.detail.status, a.detail.reason]),
    ).toEqual([['failure', 401, 'API_TOKEN_REVOKED']]);
    const [{ flood }] = await db.query(
      `SELECT count(*)::int AS flood FROM security_audit_log
        WHERE action = 'API_TOKEN_USED' AND detail->>'reason' = 'API_TOKEN_FAILURES'`,
    );
    expect(flood).toBe(1);
    const [{ unknownUses }] = await db.query(
      `SELECT count(*)::int AS "unknownUses" FROM security_audit_log
        WHERE action = 'API_TOKEN_USED' AND actor_username = 'api-token:0123456789ab'`,
    );
    expect(unknownUses).toBe(MAX_TOKEN_FAILURES_PER_ADDRESS - 1);
    const [row] = await db.query(`SELECT use_count FROM api_token WHERE id = $1`, [
      good.apiToken.id,
    ]);
    expect(row.use_count).toBe(0);

    clock.advance(60_000);
    expect((await call('/api/v1/analytics/summary', good.token)).status).toBe(200);
  });
});
