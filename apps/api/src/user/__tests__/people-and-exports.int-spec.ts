import { parseManifestCsv } from '@duty/api/evidence-pack';
import { readZip } from '@duty/api/evidence-pack/testing';
import ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { createPersonLoader } from '../person';

/**
 * Issue 17, item 3: people by name and office (not username), Chinese export headers with
 * Beijing times, and download names that say what they are. Through the API over HTTP,
 * against real PostgreSQL, with the demo accounts.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const USER_FIELDS = 'id username displayName office phone';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { ${USER_FIELDS} } }`;
const EVENTS = `query($taskId: ID!) { taskEvents(filter: { taskId: $taskId }) { nodes { kind actorUsername actor { username name office label human } } } }`;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const disposedName = (header: string | null) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(header ?? '')?.[1] ?? '');

describe('people by name and office; exports in Chinese', () => {
  let api: TestApi;
  let db: DataSource;
  let sys: SignedInClient;
  let province: SignedInClient;
  let operator: SignedInClient;
  let cycleId: string;
  let taskId: string;
  let dir: string;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    dir = await mkdtemp(path.join(os.tmpdir(), 'people-exports-'));
    sys = await api.signIn('sysadmin');
    province = await api.signIn('province');
    operator = await api.signIn('jiangan-scjg');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(res.errors).toBeUndefined();
    cycleId = res.data!.createCycle.cycle.id;
    [{ id: taskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 1`,
      [cycleId],
    );
  });
  afterAll(async () => {
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gives users an office and a checked phone, and lets the system administrator edit them', async () => {
    const created = await sys.graphql<{ createUser: { user: Record<string, string> } }>(CREATE, {
      input: {
        username: 'liu.fang',
        displayName: ' 刘芳 ',
        office: '恩施州市场监督管理局  质量发展科',
        phone: '(0718)8221234',
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createUser.user).toMatchObject({
      displayName: '刘芳',
      office: '恩施州市场监督管理局 质量发展科',
      phone: '0718-8221234',
    });
    const id = created.data!.createUser.user.id;

    const bad = await sys.graphql(UPDATE, {
      input: { userId: id, displayName: '刘芳', office: '质量发展科', phone: '电话 8221234' },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(bad.errors?.[0]?.message).toMatch(/电话号码格式不正确/);
    expect(
      (bad.errors?.[0]?.extensions?.details as { fields?: Record<string, string> })?.fields,
    ).toHaveProperty('phone');
    // Nothing was lost or half-written by the refusal.
    const [kept] = await db.query(`SELECT office, phone FROM app_user WHERE id = $1`, [id]);
    expect(kept).toEqual({ office: '恩施州市场监督管理局 质量发展科', phone: '0718-8221234' });

    const updated = await sys.graphql<{ updateUserProfile: Record<string, string | null> }>(
      UPDATE,
      { input: { userId: id, displayName: '刘芳', office: '质量发展科', phone: '' } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateUserProfile).toMatchObject({ office: '质量发展科', phone: null });

    // Only the system administrator edits profiles; the edit is in the security audit log,
    // which shows the target by name and office.
    const denied = await province.graphql(UPDATE, { input: { userId: id, displayName: 'x' } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const auditor = await api.signIn('auditadmin');
    const log = await auditor.graphql<{
      securityAuditLog: {
        nodes: Array<{
          action: string;
          actor: { label: string } | null;
          targets: Array<{ kind: string; id: string; name: string | null }>;
        }>;
      };
    }>(
      `{ securityAuditLog(filter: { action: "USER_PROFILE_UPDATED" }) { nodes { action actor { label } targets { kind id name } } } }`,
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.securityAuditLog.nodes[0]).toEqual({
      action: 'USER_PROFILE_UPDATED',
      actor: { label: '周建国（湖北省市场监督管理局信息中心（系统管理员））' },
      targets: [{ kind: 'USER', id: 'liu.fang', name: '刘芳（质量发展科）' }],
    });
    const sessions = await auditor.graphql<{
      securityAuditLog: { nodes: Array<{ targets: Array<{ kind: string }> }> };
    }>(`{ securityAuditLog(filter: { action: "SIGN_IN" }) { nodes { targets { kind } } } }`);
    expect(sessions.data!.securityAuditLog.nodes.flatMap((n) => n.targets)).toContainEqual({
      kind: 'SESSION',
    });
  });

  it('shows who did what in a task history by name and office, resolved when read', async () => {
    const uploaded = await uploadEvidence(api, operator, taskId, [
      { name: '实施方案.pdf', content: samplePdf('people') },
    ]);
    expect(uploaded.status).toBe(201);
    const events = async (client: SignedInClient) => {
      const res = await client.graphql<{
        taskEvents: {
          nodes: Array<{
            kind: string;
            actorUsername: string;
            actor: { name: string; office: string | null; label: string; human: boolean };
          }>;
        };
      }>(EVENTS, { taskId });
      expect(res.errors).toBeUndefined();
      return res.data!.taskEvents.nodes;
    };
    const added = (await events(province)).find((e) => e.kind === 'evidence_added')!;
    expect(added.actor).toEqual({
      username: 'jiangan-scjg',
      name: '王晓燕',
      office: '江岸区市场监督管理局质量股',
      label: '王晓燕（江岸区市场监督管理局质量股）',
      human: true,
    });

    // A rename shows at once in old history rows (they keep the username).
    await db.query(`UPDATE app_user SET display_name = '王晓燕（已调岗）' WHERE username = $1`, [
      'jiangan-scjg',
    ]);
    expect((await events(operator)).find((e) => e.kind === 'evidence_added')?.actor.name).toBe(
      '王晓燕（已调岗）',
    );
    await db.query(`UPDATE app_user SET display_name = '王晓燕' WHERE username = $1`, [
      'jiangan-scjg',
    ]);

    // A person carries name and office only: phone and role are not reachable from history.
    const phone = await province.graphql(
      `query($taskId: ID!) { taskEvents(filter: { taskId: $taskId }) { nodes { actor { phone } } } }`,
      { taskId },
    );
    expect(phone.errors?.[0]?.message).toMatch(/Cannot query field "phone" on type "Person"/);
  });

  it('falls back to the username for unknown accounts and names the automatic actors', async () => {
    const people = await createPersonLoader(db).loadMany(['gone.user', 'demo-seed', 'system']);
    expect(people.map((p) => (p instanceof Error ? p : p.label))).toEqual([
      'gone.user',
      '系统（演示数据）',
      '系统（自动）',
    ]);
  });

  it('names the task workbook by unit and year, with Chinese headers, and still reads old workbooks', async () => {
    const res = await fetch(`${api.url}/api/tasks/spreadsheet?cycleId=${cycleId}`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(res.status).toBe(200);
    expect(disposedName(res.headers.get('content-disposition'))).toBe(
      '江岸区-2026年度任务清单.xlsx',
    );
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+";/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('任务清单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.every((h) => !/^[A-Za-z_ ]+$/.test(h))).toBe(true);
    expect(header.slice(0, 2)).toEqual(['任务编号（勿改）', '版本号（勿改）']);

    // A workbook downloaded before the change (English hidden headers) is accepted as it is.
    sheet.getRow(1).getCell(1).value = 'id';
    sheet.getRow(1).getCell(2).value = 'version';
    const legacy = await fetch(`${api.url}/api/tasks/spreadsheet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': XLSX },
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    const body = (await legacy.json()) as { applied: number; problems: unknown[] };
    expect(legacy.status).toBe(200);
    expect(body).toMatchObject({ applied: 0, problems: [] });
  });

  it('writes the evidence pack manifest in Chinese with Beijing times, names and status labels', async () => {
    const res = await fetch(`${api.url}/api/evidence/pack?cycleId=${cycleId}&unitCode=420102`, {
      headers: { authorization: `Bearer ${province.token}` },
    });
    expect(res.status).toBe(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(disposedName(res.headers.get('content-disposition'))).toBe(
      `江岸区-2026年度佐证材料包-${today}.zip`,
    );
    const file = path.join(dir, 'pack.zip');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const { entries } = await readZip(file);
    const manifest = entries.find((e) => e.entry.fileName === 'manifest.csv')!.data;
    const text = manifest.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(
      '文件路径,SHA-256,大小（字节）,上传时间（北京时间）,上传人,单位代码,条,款,任务状态,文号',
    );
    const [row] = parseManifestCsv(manifest);
    expect(row.uploader).toBe('王晓燕（江岸区市场监督管理局质量股）');
    expect(row.taskStatus).toBe('未开始');
    const timeCell = text.split('\r\n')[1].split(',')[3];
    expect(timeCell).toMatch(LOCAL_TIME);
    const [{ uploaded }] = await db.query(
      `SELECT to_char(uploaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS uploaded
         FROM evidence WHERE task_id = $1`,
      [taskId],
    );
    expect(timeCell).toBe(uploaded);
    expect(entries.some((e) => e.entry.fileName === 'problems.csv')).toBe(false);
  });
});
