import { EvidenceStore } from '@duty/api/evidence-store';
import { EVIDENCE_TYPES } from '@duty/api/file-types';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { shanghaiDate } from '../common/iso-date';
import { Evidence } from '../evidence/evidence.entity';
import { NewTaskEvent } from '../task/task-events';
import { chinesePdf } from './demo-pdf';

const KINDS = ['实施方案', '工作总结', '会议纪要', '检查通报'];
const STORE_CONCURRENCY = 16;

/** 2026-04-06 → 2026年4月6日 */
function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Demo evidence (佐证材料) for every task of the demo cycle that has been submitted (and so is
 * submitted, returned or verified now): a small real PDF (Chinese text in a standard CJK font,
 * see demo-pdf.ts) per unit and kind of document, naming the articles it backs, stored in the
 * evidence store like an upload; each task's upload is recorded a day before its submission,
 * with its history event (returned, for the caller to record with the others in time order).
 * Some documents carry an official document number (文号) of the year they were written.
 */
export async function seedDemoEvidence(
  manager: EntityManager,
  cycleId: string,
  store: EvidenceStore,
  /** Each task's first submission (the demo story's, not yet in the history). */
  submittedAt: Map<string, Date>,
  /** Who uploads each task's evidence (its operator, or the seed where the unit has none). */
  uploaders: Map<string, string>,
): Promise<NewTaskEvent[]> {
  const found: Array<{
    id: string;
    unit_code: string;
    unit_name: string;
    article: number;
    subject: string;
    n: number;
  }> = await manager.query(
    `SELECT t.id, t.unit_code, u.name AS unit_name, a.number AS article, d.subject,
            abs(hashtext(t.id::text)) AS n
       FROM task t JOIN admin_unit u ON u.code = t.unit_code
       JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
      WHERE t.cycle_id = $1 AND t.status IN ('SUBMITTED', 'RETURNED', 'VERIFIED')
      ORDER BY t.id`,
    [cycleId],
  );
  const tasks = found.map((t) => {
    const submitted = submittedAt.get(t.id);
    const uploader = uploaders.get(t.id);
    if (!submitted || !uploader) throw new Error(`demo seed: task ${t.id} has no submission`);
    return { ...t, submitted_at: submitted, uploader };
  });
  const pdf = EVIDENCE_TYPES.pdf;
  const rows: Array<Partial<Evidence>> = [];
  const events: NewTaskEvent[] = [];
  // Several files at a time: each commit waits for its fsyncs.
  // One document per unit and kind (a unit's 实施方案 backs several of its duties, as in
  // practice): the content-addressed store keeps it once; each task gets its own upload of it.
  const planned = tasks.map((task) => ({
    task,
    kind: KINDS[task.n % KINDS.length],
    uploadedAt: new Date(task.submitted_at.getTime() - 24 * 3_600_000),
  }));
  const documents = new Map<string, typeof planned>();
  for (const p of planned) {
    const key = `${p.task.unit_code}:${p.kind}`;
    documents.set(key, [...(documents.get(key) ?? []), p]);
  }
  const store1 = async (group: typeof planned) => {
    const { task, kind } = group[0];
    const date = shanghaiDate(new Date(Math.min(...group.map((p) => p.uploadedAt.getTime()))));
    const documentNumber =
      task.n % 3 === 0 ? `${task.unit_code}发〔${date.slice(0, 4)}〕${(task.n % 90) + 1}号` : null;
    const articles = [...new Set(group.map((p) => p.task.article))].sort((a, b) => a - b);
    const articleLines: string[] = [];
    for (let i = 0; i < articles.length; i += 6) {
      const part = articles.slice(i, i + 6).map((a) => `第${a}条`);
      articleLines.push(`${i === 0 ? '涉及条款：' : '　　　　　'}${part.join('、')}`);
    }
    const title = `${task.unit_name}${kind}`;
    const content = chinesePdf(
      [
        title,
        '佐证材料（演示数据）',
        `行政区划：${task.unit_name}（${task.unit_code}）`,
        `文号：${documentNumber ?? '无'}`,
        `成文日期：${chineseDay(date)}`,
        ...articleLines,
        '本文件由系统演示数据生成，仅用于演示。',
      ],
      { title },
    );
    const staged = await store.stage(Readable.from([content]), content.length);
    await store.commit(staged);
    return group.map((p) => ({ ...p, date, documentNumber, staged }));
  };
  const groups = [...documents.values()];
  for (let i = 0; i < groups.length; i += STORE_CONCURRENCY) {
    const stored = await Promise.all(groups.slice(i, i + STORE_CONCURRENCY).map(store1));
    for (const { task, kind, uploadedAt, date, documentNumber, staged } of stored.flat()) {
      const id = randomUUID();
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
        documentDate: documentNumber ? date : null,
        uploadedBy: task.uploader,
        uploadedAt,
      });
      events.push({
        taskId: task.id,
        unitCode: task.unit_code,
        cycleId,
        occurredAt: uploadedAt,
        actorUsername: task.uploader,
        kind: 'evidence_added',
        after: { evidenceId: id, fileName, sha256: staged.sha256, size: staged.size, version: 1 },
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    await manager.insert(Evidence, rows.slice(i, i + 500));
  }
  return events;
}
