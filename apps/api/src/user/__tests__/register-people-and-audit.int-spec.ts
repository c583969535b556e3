import { DataSource, Repository } from 'typeorm';
import { MAPPING_V1, MAPPING_V2 } from '../../duty-mapping/__tests__/mapping-texts';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { AppUser } from '../user.entity';

/**
 * Issue 17 (people by name and office everywhere): the register's Person fields — who imported
 * a version, who reviewed a duty, who decided a mapping suggestion — and the security audit log's
 * filter by a person's name or username. Real API over HTTP, real PostgreSQL, the demo accounts.
 */
const CODE = 'hubei-quality-people';
const PERSON = '{ username name office label human }';
const LI = {
  username: 'province',
  name: '李文华',
  office: '湖北省市场监督管理局质量发展局',
  label: '李文华（湖北省市场监督管理局质量发展局）',
  human: true,
};

interface Person {
  username: string;
  name: string;
  office: string | null;
  label: string;
  human: boolean;
}

describe('people in the register and the audit log filter by name', () => {
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let auditor: SignedInClient;
  let v1: string;
  let v2: string;

  const ok = <T>(res: { data?: T; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const importText = async (text: string) =>
    ok(
      await province.graphql<{ importRegulationVersion: { version: { id: string } } }>(
        `mutation($input: ImportRegulationInput!) { importRegulationVersion(input: $input) { version { id } } }`,
        { input: { code: CODE, text, status: 'ENACTED' } },
      ),
    ).importRegulationVersion.version.id;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    v1 = await importText(MAPPING_V1);
  });
  afterAll(() => api?.close());

  it('names who imported each version; a seeded text is the system’s', async () => {
    const read = ok(
      await province.graphql<{
        mine: { versions: Array<{ importedBy: string; importer: Person }> };
        seeded: { versions: Array<{ importedBy: string; importer: Person }> };
      }>(
        `{ mine: regulation(code: "${CODE}") { versions { importedBy importer ${PERSON} } }
           seeded: regulation(code: "hubei-quality-promotion") { versions { importedBy importer ${PERSON} } } }`,
      ),
    );
    expect(read.mine.versions).toEqual([{ importedBy: 'province', importer: LI }]);
    expect(read.seeded.versions[0]).toEqual({
      importedBy: 'seed',
      importer: {
        username: 'seed',
        name: '系统（初始数据）',
        office: null,
        label: '系统（初始数据）',
        human: false,
      },
    });
    // The command line records `cli:<OS user>`: the system too, not a person named so.
    await db.query(`UPDATE regulation_version SET imported_by = 'cli:root' WHERE id = $1`, [v1]);
    const cli = ok(
      await province.graphql<{ regulationVersion: { importer: Person } }>(
        `query($id: ID!) { regulationVersion(id: $id) { importer ${PERSON} } }`,
        { id: v1 },
      ),
    );
    expect(cli.regulationVersion.importer).toMatchObject({ label: '系统（命令行）', human: false });
    await db.query(`UPDATE regulation_version SET imported_by = 'province' WHERE id = $1`, [v1]);
  });

  it('names who reviewed a duty, with one user lookup for the whole page', async () => {
    const duties = async () =>
      ok(
        await province.graphql<{
          duties: {
            nodes: Array<{
              id: string;
              rowVersion: number;
              tracked: boolean;
              reviewedBy: string | null;
              reviewer: Person | null;
            }>;
          };
        }>(
          `query($v: ID!) { duties(filter: { versionId: $v }, page: { first: 100 }) { nodes { id rowVersion tracked reviewedBy reviewer ${PERSON} } } }`,
          { v: v1 },
        ),
      ).duties.nodes;
    const before = await duties();
    expect(before.length).toBeGreaterThan(3);
    expect(before.every((d) => d.reviewer === null && d.reviewedBy === null)).toBe(true);
    const chosen = before.filter((d) => d.tracked).slice(0, 3);
    expect(chosen).toHaveLength(3);
    for (const duty of chosen) {
      ok(
        await province.graphql(
          `mutation($input: ReviewDutyInput!) { reviewDuty(input: $input) { id } }`,
          {
            input: {
              dutyId: duty.id,
              expectedRowVersion: duty.rowVersion,
              leadDepartmentCode: 'market_regulation',
            },
          },
        ),
      );
    }
    const find = jest.spyOn(Repository.prototype, 'find');
    try {
      const after = await duties();
      const reviewed = after.filter((d) => chosen.some((b) => b.id === d.id));
      expect(reviewed.map((d) => [d.reviewedBy, d.reviewer])).toEqual([
        ['province', LI],
        ['province', LI],
        ['province', LI],
      ]);
      expect(after.filter((d) => d.reviewer === null)).toHaveLength(after.length - 3);
      const userLookups = find.mock.contexts.filter(
        (repo) => (repo as Repository<object>).target === AppUser,
      );
      expect(userLookups).toHaveLength(1);
    } finally {
      find.mockRestore();
    }
  });

  it('names who decided a mapping suggestion, and nobody for a pending one', async () => {
    v2 = await importText(MAPPING_V2);
    const suggestions = async () =>
      ok(
        await province.graphql<{
          dutyMappingSuggestions: Array<{
            id: string;
            rowVersion: number;
            status: string;
            decidedBy: string | null;
            decider: Person | null;
          }>;
        }>(
          `query($v: ID!) { dutyMappingSuggestions(versionId: $v) { id rowVersion status decidedBy decider ${PERSON} } }`,
          { v: v2 },
        ),
      ).dutyMappingSuggestions;
    const [first, ...rest] = await suggestions();
    expect(rest.length).toBeGreaterThan(0);
    const decided = ok(
      await province.graphql<{
        decideDutyMapping: Array<{ decidedBy: string; decider: Person }>;
      }>(
        `mutation($input: DecideDutyMappingInput!) { decideDutyMapping(input: $input) { decidedBy decider ${PERSON} } }`,
        {
          input: {
            decision: 'CONFIRM',
            suggestions: [{ suggestionId: first.id, expectedRowVersion: first.rowVersion }],
          },
        },
      ),
    );
    expect(decided.decideDutyMapping).toEqual([{ decidedBy: 'province', decider: LI }]);
    const after = await suggestions();
    expect(after.find((s) => s.id === first.id)?.decider).toEqual(LI);
    for (const s of after.filter((x) => x.id !== first.id)) {
      expect(s).toMatchObject({ status: 'PENDING', decidedBy: null, decider: null });
    }
  });

  describe('the security audit log filtered by a person', () => {
    type Entry = { actorUsername: string | null; actor: { label: string } | null };
    const log = async (filter: Record<string, unknown>) =>
      ok(
        await auditor.graphql<{ securityAuditLog: { totalCount: number; nodes: Entry[] } }>(
          `query($f: SecurityAuditFilterInput) { securityAuditLog(filter: $f, page: { first: 200, offset: 0 }) { totalCount nodes { actorUsername actor { label } } } }`,
          { f: filter },
        ),
      ).securityAuditLog;
    const usernames = (entries: Entry[]) => [...new Set(entries.map((e) => e.actorUsername))];

    beforeAll(async () => {
      auditor = await api.signIn('auditadmin');
      await api.signIn('jiangan-scjg');
      await api.signIn('enshi-scjg');
      // A failed sign-in under a name no account has: recorded with that name only.
      const failed = await api.graphql(
        `mutation($input: SignInInput!) { signIn(input: $input) { user { username } } }`,
        { input: { username: 'no_such_person', password: 'wrong-Password-1' } },
      );
      expect(failed.errors?.length).toBeGreaterThan(0);
    });

    it('finds a person by part of the display name, the entries naming them', async () => {
      const page = await log({ actor: '晓燕' });
      expect(page.totalCount).toBeGreaterThan(0);
      expect(page.nodes).toHaveLength(page.totalCount);
      expect(usernames(page.nodes)).toEqual(['jiangan-scjg']);
      expect(page.nodes[0].actor?.label).toBe('王晓燕（江岸区市场监督管理局质量股）');
    });

    it('finds by part of a username, in any case, and names no account it has not got', async () => {
      expect(usernames((await log({ actor: 'SCJG' })).nodes).sort()).toEqual([
        'enshi-scjg',
        'jiangan-scjg',
      ]);
      const unknown = await log({ actor: 'such_per' });
      expect(usernames(unknown.nodes)).toEqual(['no_such_person']);
      // Combined with the other filters, as the page sends them.
      const failures = await log({ actor: 'scjg', result: 'failure' });
      expect(failures.totalCount).toBe(0);
    });

    it('matches the name as it is now, and takes % and _ literally', async () => {
      await db.query(
        `UPDATE app_user SET display_name = '向春梅（改名测试）' WHERE username = $1`,
        ['enshi-scjg'],
      );
      expect(usernames((await log({ actor: '改名测试' })).nodes)).toEqual(['enshi-scjg']);
      expect((await log({ actor: '%' })).totalCount).toBe(0);
      // `_` would match any one character as a pattern; literally, only names containing it.
      expect(usernames((await log({ actor: 'no_such' })).nodes)).toEqual(['no_such_person']);
      expect((await log({ actor: 'jiangan_scjg' })).totalCount).toBe(0);
    });

    it('keeps the exact username filter for machines', async () => {
      const exact = await log({ actorUsername: 'JIANGAN-SCJG' });
      expect(exact.totalCount).toBeGreaterThan(0);
      expect(usernames(exact.nodes)).toEqual(['jiangan-scjg']);
      expect((await log({ actorUsername: 'jiangan' })).totalCount).toBe(0);
    });

    it('is the audit administrator’s alone', async () => {
      const res = await province.graphql(
        `{ securityAuditLog(filter: { actor: "李" }) { totalCount } }`,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
