import { EvidenceStore } from '@duty/api/evidence-store';
import { EVIDENCE_TYPES } from '@duty/api/file-types';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { Evidence } from '../evidence/evidence.entity';
import { samplePdf } from '@duty/api/file-types';
import { NewTaskEvent, recordTaskEvents } from '../task/task-events';

const KINDS = ['实施方案', '工作总结', '会议纪要', '检查通报'];

/**
 * Demo evidence (佐证材料) for every task of the demo cycle that has been submitted (and so is
 * submitted, returned or verified now): one small real PDF each, stored in the evidence store
 * like an upload, recorded a day before the submission with its history event. Some carry an
 * official document number (文号).
 */
export async function seedDemoEvidence(
  manager: EntityManager,
  cycleId: string,
  store: EvidenceStore,
): Promise<number> {
  const tasks: Array<{
    id: string;
    unit_code: string;
    unit_name: string;
    article: number;
    submitted_at: Date;
    n: number;
  }> = await manager.query(
    `SELECT t.id, t.unit_code, u.name AS unit_name, a.number AS article,
            (SELECT min(e.occurred_at) FROM task_event e
              WHERE e.task_id = t.id AND e.kind = 'status' AND e.after->>'status' = 'SUBMITTED') AS submitted_at,
            abs(hashtext(t.id::text)) AS n
       FROM task t JOIN admin_unit u ON u.code = t.unit_code
       JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
      WHERE t.cycle_id = $1 AND t.status IN ('SUBMITTED', 'RETURNED', 'VERIFIED')
      ORDER BY t.id`,
    [cycleId],
  );
  const pdf = EVIDENCE_TYPES.pdf;
  const rows: Array<Partial<Evidence>> = [];
  const events: NewTaskEvent[] = [];
  for (const task of tasks) {
    const kind = KINDS[task.n % KINDS.length];
    const content = samplePdf([
      `Demo evidence - ${kind}`,
      `Task ${task.id}`,
      `Unit ${task.unit_code}, article ${task.article}`,
    ]);
    const staged = await store.stage(Readable.from([content]), content.length);
    await store.commit(staged);
    const id = randomUUID();
    const uploadedAt = new Date(task.submitted_at.getTime() - 24 * 3_600_000);
    const documentNumber =
      task.n % 3 === 0 ? `${task.unit_code}发〔2026〕${(task.n % 90) + 1}号` : null;
    const fileName = `${task.unit_name}${kind}（第${task.article}条）.pdf`;
    rows.push({
      id,
      taskId: task.id,
      unitCode: task.unit_code,
      cycleId,
      lineageId: id,
      version: 1,
      sha256: staged.sha256,
      size: String(staged.size),
      fileType: pdf.type,
      mimeType: pdf.mime,
      originalName: fileName,
      description: `${kind}（演示数据）`,
      documentNumber,
      issuingAuthority: documentNumber ? task.unit_name : null,
      documentDate: documentNumber ? uploadedAt.toISOString().slice(0, 10) : null,
      uploadedBy: 'demo-seed',
      uploadedAt,
    });
    events.push({
      taskId: task.id,
      unitCode: task.unit_code,
      cycleId,
      occurredAt: uploadedAt,
      actorUsername: 'demo-seed',
      kind: 'evidence_added',
      after: { evidenceId: id, fileName, sha256: staged.sha256, size: staged.size, version: 1 },
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await manager.insert(Evidence, rows.slice(i, i + 500));
  }
  await recordTaskEvents(manager, events);
  return rows.length;
}
