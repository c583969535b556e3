import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvidenceStore } from '@duty/api/evidence-store';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { isUuid } from '../common/uuid';
import { EVIDENCE_STORE } from '../evidence/evidence.constants';
import { Evidence } from '../evidence/evidence.entity';
import { AcceptedFile, EvidenceFields, EvidenceService } from '../evidence/evidence.service';
import { scopeTasks } from '../task/task-scope';
import { TaskCommentAttachment } from './task-comment-attachment.entity';
import { TaskCommentService } from './task-comment.service';

/**
 * Files attached to comments. They are received and type-checked exactly like evidence (same
 * upload reader, size limit and file-type checks) and kept in the same content-addressed store,
 * but recorded in task_comment_attachment, not as evidence rows: evidence counts, packs,
 * submission checks and completion never see them. An uploader who marks the files as the
 * task's evidence (the task's operator, while evidence may change) goes through the evidence
 * path itself, and the attachment row points at the evidence row of the same content.
 */
@Injectable()
export class TaskCommentAttachmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly contentStore: EvidenceStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly comments: TaskCommentService,
    private readonly evidence: EvidenceService,
  ) {}

  /** Checked before the body is read (refuses early, without receiving the files). */
  async assertMayUpload(
    principal: Principal,
    taskId: string,
    asEvidence: boolean,
    meta: RequestMeta,
  ): Promise<void> {
    await this.comments.commentableTask(principal, taskId, meta);
    if (asEvidence) await this.evidence.assertMayAttach(principal, taskId, meta);
  }

  async save(
    principal: Principal,
    taskId: string,
    files: AcceptedFile[],
    fields: EvidenceFields,
    asEvidence: boolean,
    meta: RequestMeta,
  ): Promise<TaskCommentAttachment[]> {
    if (asEvidence) {
      const rows = await this.evidence.attach(principal, taskId, files, fields, meta);
      return this.dataSource.transaction(async (manager) => {
        const task = await this.comments.commentableTask(principal, taskId, meta, manager);
        return this.insert(manager, principal, task, rows.map(fromEvidence));
      });
    }
    const newlyStored: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [taskId]);
        const task = await this.comments.commentableTask(principal, taskId, meta, manager);
        const entries = [];
        for (const file of files) {
          await lockHash(manager, file.staged.sha256);
          const { alreadyStored } = await this.contentStore.commit(file.staged);
          if (!alreadyStored) newlyStored.push(file.staged.sha256);
          entries.push({
            sha256: file.staged.sha256,
            size: String(file.staged.size),
            fileType: file.detected.type,
            mimeType: file.detected.mime,
            originalName: file.name,
            evidenceId: null,
          });
        }
        return this.insert(manager, principal, task, entries);
      });
    } catch (error) {
      await this.removeUnreferenced(newlyStored);
      throw error;
    }
  }

  /** One attachment whose task the principal may see, or NOT_FOUND. */
  async visibleOne(principal: Principal, id: string): Promise<TaskCommentAttachment> {
    if (!isUuid(id)) throw notFound('附件');
    const q = this.dataSource.manager
      .createQueryBuilder(TaskCommentAttachment, 'a')
      .innerJoin('task', 't', 't.id = a.task_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .where('a.id = :id', { id });
    scopeTasks(q, principal);
    const found = await q.getOne();
    if (!found) throw notFound('附件');
    return found;
  }

  private async insert(
    manager: EntityManager,
    principal: Principal,
    task: { id: string; unitCode: string; cycleId: string },
    entries: Array<
      Pick<
        TaskCommentAttachment,
        'sha256' | 'size' | 'fileType' | 'mimeType' | 'originalName' | 'evidenceId'
      >
    >,
  ): Promise<TaskCommentAttachment[]> {
    const now = this.clock.now();
    const rows = entries.map((e) =>
      manager.create(TaskCommentAttachment, {
        ...e,
        taskId: task.id,
        unitCode: task.unitCode,
        cycleId: task.cycleId,
        uploadedBy: principal.username,
        uploadedAt: now,
      }),
    );
    await manager.insert(TaskCommentAttachment, rows);
    return rows;
  }

  /** After a failed upload: removes content it stored that no committed row references. */
  private async removeUnreferenced(hashes: string[]): Promise<void> {
    for (const sha256 of hashes) {
      await this.dataSource
        .transaction(async (manager) => {
          await lockHash(manager, sha256);
          const [{ used }] = await manager.query(
            `SELECT (EXISTS (SELECT 1 FROM evidence WHERE sha256 = $1)
                  OR EXISTS (SELECT 1 FROM task_comment_attachment WHERE sha256 = $1)) AS used`,
            [sha256],
          );
          if (!used) await this.contentStore.remove(sha256);
        })
        .catch(() => undefined); // fsck reports what could not be cleaned up
    }
  }
}

function fromEvidence(e: Evidence) {
  return {
    sha256: e.sha256,
    size: e.size,
    fileType: e.fileType,
    mimeType: e.mimeType,
    originalName: e.originalName,
    evidenceId: e.id,
  };
}

/** The evidence store's per-content advisory lock (same key as EvidenceService's). */
function lockHash(manager: EntityManager, sha256: string): Promise<unknown> {
  return manager.query(
    `SELECT pg_advisory_xact_lock(('x' || substr($1, 1, 16))::bit(64)::bigint)`,
    [sha256],
  );
}
