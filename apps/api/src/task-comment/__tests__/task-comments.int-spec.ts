import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { EVIDENCE_STORE } from '../../evidence/evidence.constants';
import { checkEvidenceIntegrity } from '../../evidence/evidence-integrity';

const ADD = `mutation($i: AddTaskCommentInput!) { addTaskComment(input: $i) {
  id parentId kind pinned body authorUsername authorRole authorDisplayName
  mentions { type unitCode role label } attachments { id fileName evidenceId size sha256 downloadUrl } } }`;
const DISCUSSION = `query($t: ID!) { taskDiscussion(taskId: $t) {
  canComment canInstruct canAttachEvidence mentionableUnits { code name }
  comments { id parentId kind pinned body authorUsername attachments { id evidenceId } } } }`;
const UNANSWERED = `{ unansweredComments(first: 50) { totalCount nodes { taskLabel unitName comment { id body } } } }`;

interface Comment {
  id: string;
  parentId: string | null;
  kind: string;
  pinned: boolean;
  body: string;
  authorUsername: string;
  mentions: Array<{ type: string; unitCode: string | null; role: string | null; label: string }>;
  attachments: Array<{
    id: string;
    fileName: string;
    evidenceId: string | null;
    downloadUrl: string;
  }>;
}

/**
 * 评论与批示 on a county task of 恩施市 (422801, under 恩施州 422800), led by its market
 * regulation department (operator enshi-scjg): threads, mentions and the notifications they
 * cause, instructions, who may write, append-only storage, and attachments that are not evidence.
 */
describe('task comments and instructions', () => {
  let api: TestApi;
  let db: DataSource;
  let taskId: string;
  let otherTaskId: string;
  let operator: SignedInClient;
  let otherOperator: SignedInClient;
  let prefecture: SignedInClient;
  let province: SignedInClient;
  let auditor: SignedInClient;
  let sysadmin: SignedInClient;

  const add = (client: SignedInClient, input: Record<string, unknown>) =>
    client.graphql<{ addTaskComment: Comment }>(ADD, { i: { taskId, ...input } });
  const notificationsFor = (username: string, kind: string) =>
    db.query(
      `SELECT recipient_username, kind, title, body, link, task_id FROM notification
        WHERE recipient_username = $1 AND kind = $2 AND task_id = $3 ORDER BY created_at`,
      [username, kind, taskId],
    ) as Promise<Array<{ title: string; body: string; link: string }>>;
  const upload = async (
    client: SignedInClient,
    files: Array<{ name: string; content: Uint8Array }>,
    asEvidence = false,
  ) => {
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([f.content]), f.name);
    const res = await fetch(
      `${api.url}/api/tasks/${taskId}/comment-attachments${asEvidence ? '?asEvidence=1' : ''}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}`, 'x-requested-with': 'test' },
        body: form,
      },
    );
    return {
      status: res.status,
      body: (await res.json()) as {
        code?: string;
        message?: string;
        attachments?: Array<{ id: string; evidenceId: string | null; sha256: string }>;
      },
    };
  };
  const evidenceCount = async () =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM evidence WHERE task_id = $1 AND withdrawn_at IS NULL AND superseded_by_id IS NULL`,
        [taskId],
      )
    )[0].n as number;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(created.errors).toBeUndefined();
    [{ id: taskId }, { id: otherTaskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 2`,
    );
    operator = await api.signIn('enshi-scjg');
    otherOperator = await api.signIn('jiangan-scjg');
    prefecture = await api.signIn('enshi-zhou');
    auditor = await api.signIn('auditor');
    sysadmin = await api.signIn('sysadmin');
  });
  afterAll(() => api?.close());

  it('threads a reply under the comment it answers, each in the task history', async () => {
    const first = await add(prefecture, { body: '请说明本季度质量提升行动的进展。' });
    expect(first.errors).toBeUndefined();
    const c1 = first.data!.addTaskComment;
    expect(c1).toMatchObject({
      kind: 'COMMENT',
      pinned: false,
      parentId: null,
      authorUsername: 'enshi-zhou',
    });

    const reply = await add(operator, {
      body: '已完成专项检查 12 次，详见附件。',
      parentId: c1.id,
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.addTaskComment.parentId).toBe(c1.id);

    const listed = await operator.graphql<{ taskDiscussion: { comments: Comment[] } }>(DISCUSSION, {
      t: taskId,
    });
    expect(listed.data!.taskDiscussion.comments.map((c) => [c.id, c.parentId])).toEqual([
      [c1.id, null],
      [reply.data!.addTaskComment.id, c1.id],
    ]);
    const events = await db.query(
      `SELECT kind, actor_username, after FROM task_event WHERE task_id = $1 AND kind = 'comment' ORDER BY id`,
      [taskId],
    );
    expect(events.map((e: { actor_username: string }) => e.actor_username)).toEqual([
      'enshi-zhou',
      'enshi-scjg',
    ]);
    expect(events[1].after).toMatchObject({
      commentId: reply.data!.addTaskComment.id,
      parentId: c1.id,
    });
    expect(events[1].after.bodySha256).toMatch(/^[0-9a-f]{64}$/);

    // A reply notifies the author of the comment answered; the operator heard of the first one.
    expect(await notificationsFor('enshi-zhou', 'COMMENT')).toHaveLength(1);
    const toOperator = await notificationsFor('enshi-scjg', 'COMMENT');
    expect(toOperator).toHaveLength(1);
    expect(toOperator[0].link).toBe(`/tasks/${taskId}`);
    expect(toOperator[0].body).toContain('请说明本季度质量提升行动的进展');
  });

  it('refuses a reply to a comment of another task', async () => {
    const elsewhere = await operator.graphql<{ addTaskComment: Comment }>(ADD, {
      i: { taskId: otherTaskId, body: '另一任务的评论' },
    });
    expect(elsewhere.errors).toBeUndefined();
    const res = await add(operator, { body: '回复', parentId: elsewhere.data!.addTaskComment.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('notifies the users of the mentioned units and roles within the task’s jurisdiction', async () => {
    const res = await add(operator, {
      body: '请州局和省局协调检测资源。',
      mentions: [{ unitCode: '422800' }, { role: 'PROVINCIAL_SUPERVISOR' }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addTaskComment.mentions).toEqual([
      { type: 'UNIT', unitCode: '422800', role: null, label: '恩施土家族苗族自治州' },
      { type: 'ROLE', unitCode: null, role: 'PROVINCIAL_SUPERVISOR', label: '省级督导' },
    ]);
    const rows: Array<{ recipient_username: string }> = await db.query(
      `SELECT recipient_username FROM notification WHERE dedupe_key = $1 ORDER BY 1`,
      [`comment:${res.data!.addTaskComment.id}`],
    );
    // Never the author, never an operator of another unit.
    expect(rows.map((r) => r.recipient_username)).toEqual(['enshi-zhou', 'province']);
  });

  it.each([
    [{ unitCode: '420102' }, '只能提及本任务所属单位及其上级单位'],
    [{ unitCode: '12' }, '单位代码'],
    [{ role: 'AUDITOR' }, '不能提及角色'],
    [{ unitCode: '422801', role: 'COUNTY_OPERATOR' }, '只能指定一个'],
  ])('refuses the mention %j with a Chinese reason', async (mention, message) => {
    const res = await add(prefecture, { body: '提及测试', mentions: [mention] });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('lets only the supervisors over the unit write instructions, pinned and in history', async () => {
    const byOperator = await add(operator, { body: '自批示', kind: 'INSTRUCTION' });
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const res = await add(prefecture, {
      body: '请于月底前完成整改并报送材料。',
      kind: 'INSTRUCTION',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addTaskComment).toMatchObject({ kind: 'INSTRUCTION', pinned: true });
    const byProvince = await add(province, { body: '省局关注此项工作。', kind: 'INSTRUCTION' });
    expect(byProvince.errors).toBeUndefined();

    const [event] = await db.query(
      `SELECT after FROM task_event WHERE task_id = $1 AND kind = 'instruction' ORDER BY id LIMIT 1`,
      [taskId],
    );
    expect(event.after.commentId).toBe(res.data!.addTaskComment.id);
    const toOperator = await notificationsFor('enshi-scjg', 'INSTRUCTION');
    expect(toOperator).toHaveLength(2);
    expect(toOperator[0].title).toContain('督导批示');

    const discussion = await prefecture.graphql<{
      taskDiscussion: { canInstruct: boolean; comments: Comment[] };
    }>(DISCUSSION, { t: taskId });
    expect(discussion.data!.taskDiscussion.canInstruct).toBe(true);
    const operatorView = await operator.graphql<{ taskDiscussion: { canInstruct: boolean } }>(
      DISCUSSION,
      { t: taskId },
    );
    expect(operatorView.data!.taskDiscussion.canInstruct).toBe(false);
  });

  it.each([
    ['the auditor', () => auditor, 'FORBIDDEN'],
    ['the system administrator', () => sysadmin, 'FORBIDDEN'],
    ['another unit’s operator', () => otherOperator, 'NOT_FOUND'],
  ])('refuses a comment by %s', async (_who, client, code) => {
    const before = await db.query(`SELECT count(*)::int AS n FROM task_comment`);
    const res = await add(client(), { body: '我也说一句' });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(await db.query(`SELECT count(*)::int AS n FROM task_comment`)).toEqual(before);
  });

  it('lets the auditor read the discussion but not write', async () => {
    const res = await auditor.graphql<{
      taskDiscussion: { canComment: boolean; comments: Comment[] };
    }>(DISCUSSION, { t: taskId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.taskDiscussion.canComment).toBe(false);
    expect(res.data!.taskDiscussion.comments.length).toBeGreaterThan(3);
  });

  it.each([
    ['', '请填写评论内容'],
    ['   ', '请填写评论内容'],
    ['长'.repeat(5001), '最多 5000 字'],
  ])('refuses the body %#', async (body, message) => {
    const res = await add(operator, { body });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const [{ id }] = await db.query(`SELECT id FROM task_comment LIMIT 1`);
    await expect(
      db.query(`UPDATE task_comment SET body = '改写' WHERE id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM task_comment WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`TRUNCATE task_comment CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE task_comment_attachment`)).rejects.toThrow(/append-only/);
  });

  it('keeps attachments out of the task’s evidence unless the uploader marks them', async () => {
    const pdf = samplePdf('comment-attachment');
    const up = await upload(prefecture, [{ name: '整改要求.pdf', content: pdf }]);
    expect(up.status).toBe(201);
    const [att] = up.body.attachments!;
    expect(att.evidenceId).toBeNull();
    const res = await add(prefecture, { body: '整改要求见附件。', attachmentIds: [att.id] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addTaskComment.attachments).toMatchObject([
      { id: att.id, fileName: '整改要求.pdf', evidenceId: null },
    ]);
    // Not evidence: not counted, not listed, and the task cannot be submitted on it.
    expect(await evidenceCount()).toBe(0);
    const task = await operator.graphql<{ task: { evidenceCount: number; rowVersion: number } }>(
      `query($t: ID!) { task(id: $t) { evidenceCount rowVersion } }`,
      { t: taskId },
    );
    expect(task.data!.task.evidenceCount).toBe(0);
    const submit = await operator.graphql(
      `mutation($i: TaskChangeInput!) { updateTask(input: $i) { status } }`,
      {
        i: {
          taskId,
          expectedRowVersion: task.data!.task.rowVersion,
          progressNote: '已开展专项检查',
          status: 'SUBMITTED',
        },
      },
    );
    expect(submit.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(submit.errors?.[0]?.message).toContain('至少上传一份佐证材料');
    await expect(
      db.query(`UPDATE task_comment_attachment SET original_name = 'x.pdf' WHERE id = $1`, [
        att.id,
      ]),
    ).rejects.toThrow(/append-only/);

    // The content is served to whoever sees the task, byte for byte.
    const download = await fetch(
      `${api.url}${res.data!.addTaskComment.attachments[0].downloadUrl}`,
      {
        headers: { authorization: `Bearer ${operator.token}` },
      },
    );
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    const foreign = await fetch(
      `${api.url}${res.data!.addTaskComment.attachments[0].downloadUrl}`,
      {
        headers: { authorization: `Bearer ${otherOperator.token}` },
      },
    );
    expect(foreign.status).toBe(404);

    // One attachment, one comment.
    const again = await add(prefecture, { body: '再次引用', attachmentIds: [att.id] });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Someone else's upload cannot be claimed.
    const claimed = await add(operator, { body: '引用他人附件', attachmentIds: [att.id] });
    expect(claimed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Marked by the task's operator: the same content becomes the task's evidence.
    const marked = await upload(
      operator,
      [{ name: '检查记录.pdf', content: samplePdf('marked') }],
      true,
    );
    expect(marked.status).toBe(201);
    expect(marked.body.attachments![0].evidenceId).toEqual(expect.any(String));
    expect(await evidenceCount()).toBe(1);
    const withEvidence = await add(operator, {
      body: '检查记录已作为佐证材料上传。',
      attachmentIds: [marked.body.attachments![0].id],
    });
    expect(withEvidence.errors).toBeUndefined();
    const [e] = await db.query(`SELECT sha256 FROM evidence WHERE id = $1`, [
      marked.body.attachments![0].evidenceId,
    ]);
    expect(e.sha256).toBe(marked.body.attachments![0].sha256);
    // Only the task's operator may mark evidence.
    const byPrefecture = await upload(
      prefecture,
      [{ name: 'x.pdf', content: samplePdf('x') }],
      true,
    );
    expect(byPrefecture.status).toBe(403);
  });

  it('checks attachments like evidence: wrong type refused; auditors refused', async () => {
    const text = await upload(prefecture, [
      { name: '说明.pdf', content: new TextEncoder().encode('not a pdf at all') },
    ]);
    expect(text.status).toBe(422);
    expect(text.body.code).toBe('EVIDENCE_REJECTED');
    const byAuditor = await upload(auditor, [{ name: 'a.pdf', content: samplePdf('a') }]);
    expect(byAuditor.status).toBe(403);
  });

  it('lists the operator’s unanswered comments until the unit replies', async () => {
    const unanswered = async () =>
      (
        await operator.graphql<{
          unansweredComments: {
            totalCount: number;
            nodes: Array<{ comment: { id: string }; unitName: string }>;
          };
        }>(UNANSWERED)
      ).data!.unansweredComments;
    // Everything the supervisors wrote after the operator's last comment on this task.
    const before = await unanswered();
    const ask = await add(province, { body: '请补充说明经费保障情况。' });
    const after = await unanswered();
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.nodes.map((n) => n.comment.id)).toContain(ask.data!.addTaskComment.id);
    expect(after.nodes[0].unitName).toBe('恩施市');

    await add(operator, { body: '经费已列入年度预算。', parentId: ask.data!.addTaskComment.id });
    const answered = await unanswered();
    expect(answered.nodes.map((n) => n.comment.id)).not.toContain(ask.data!.addTaskComment.id);
    expect(answered.nodes.every((n) => n.comment.id !== ask.data!.addTaskComment.id)).toBe(true);

    // Supervisors have no such list.
    const bySupervisor = await prefecture.graphql(UNANSWERED);
    expect(bySupervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('leaves the evidence store consistent: fsck knows attachment-only content', async () => {
    const res = await uploadEvidence(api, operator, otherTaskId, [
      { name: '佐证.pdf', content: samplePdf('plain-evidence') },
    ]);
    expect(res.status).toBe(201);
    // The attachment-only content (整改要求.pdf) is referenced, checked and intact.
    const { problems, run } = await checkEvidenceIntegrity(
      db,
      api.server.app.get(EVIDENCE_STORE),
      'cli',
    );
    expect(problems).toEqual([]);
    const [{ n }] = await db.query(
      `SELECT count(DISTINCT sha256)::int AS n FROM (SELECT sha256 FROM evidence
         UNION SELECT sha256 FROM task_comment_attachment) x`,
    );
    expect(run.checked).toBe(n);
  });
});
