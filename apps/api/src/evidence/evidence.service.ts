import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvidenceStore, StagedFile } from '@duty/api/evidence-store';
import { DetectedType } from '@duty/api/file-types';
import { ErrorCode } from '@duty/shared/errors';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { isIsoDate } from '../common/iso-date';
import { containsPattern, offsetPage } from '../common/query-helpers';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPaths } from '../common/storable-text';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { recordTaskEvents } from '../task/task-events';
import { capacitiesOn, scopeTasks } from '../task/task-scope';
import { assertWritable, LoadedTask, TaskService } from '../task/task.service';
import { TaskStatus, TASK_STATUS_ZH } from '../task/task-workflow';
import { Evidence } from './evidence.entity';
import { EVIDENCE_STORE } from './evidence.constants';
import { EvidenceFilterInput } from './evidence.models';

/** Metadata sent with an upload (the same for every file of one request). */
export interface EvidenceFields {
  description?: string;
  /** 文号 */
  documentNumber?: string;
  /** 发文机关 */
  issuingAuthority?: string;
  /** 成文日期, YYYY-MM-DD */
  documentDate?: string;
  /** Id of the current version this upload replaces (one file only). */
  supersedes?: string;
}

/** A received file that passed the checks: staged in the store, type decided by content. */
export interface AcceptedFile {
  staged: StagedFile;
  detected: DetectedType;
  /** Sanitised original name (metadata only). */
  name: string;
}

const FIELD_LIMITS = {
  description: 2000,
  documentNumber: 100,
  issuingAuthority: 200,
} as const;

/**
 * Evidence (佐证材料) on tasks: attaching uploaded files, replacing them by new versions,
 * withdrawing them, and finding them within the caller's jurisdiction. Rows are immutable (a
 * trigger enforces it); every change is also a task history event in the same transaction.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tasks: TaskService,
  ) {}

  /** Checked before an upload's body is read: refuses early, without receiving the files. */
  async assertMayAttach(principal: Principal, taskId: string, meta: RequestMeta): Promise<void> {
    if (!isUuid(taskId)) throw notFound('任务');
    const task = await this.tasks.visible(principal, taskId);
    await this.assertChangeable(principal, task, 'evidence:attach', meta);
  }

  /** Validates the metadata fields; returns them trimmed. */
  validateFields(fields: EvidenceFields, fileCount: number): EvidenceFields {
    const problems: Record<string, string> = {};
    const out: EvidenceFields = {};
    for (const key of Object.keys(FIELD_LIMITS) as Array<keyof typeof FIELD_LIMITS>) {
      const value = fields[key]?.normalize('NFC').trim();
      if (!value) continue;
      if (value.length > FIELD_LIMITS[key]) problems[key] = `最多 ${FIELD_LIMITS[key]} 字。`;
      out[key] = value;
    }
    const date = fields.documentDate?.trim();
    if (date) {
      if (!isIsoDate(date)) problems.documentDate = '成文日期须为 YYYY-MM-DD 格式的有效日期。';
      out.documentDate = date;
    }
    const supersedes = fields.supersedes?.trim();
    if (supersedes) {
      if (!isUuid(supersedes)) problems.supersedes = '要替换的佐证材料编号无效。';
      else if (fileCount !== 1) problems.supersedes = '替换佐证材料时只能上传一个文件。';
      out.supersedes = supersedes;
    }
    // The rule every text input follows (GraphQL: graphql/text-input.ts).
    for (const key of unstorableTextPaths(fields, '')) problems[key] = UNSTORABLE_TEXT_MESSAGE;
    if (Object.keys(problems).length) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `佐证材料信息有误：${Object.values(problems).join('')}`,
        { fields: problems },
      );
    }
    return out;
  }

  /**
   * Stores the staged files and records them on the task, all or nothing. Each file is moved
   * into the store inside the transaction, under an advisory lock on its hash, so that a
   * failure can remove exactly the content that no committed row references.
   */
  async attach(
    principal: Principal,
    taskId: string,
    files: AcceptedFile[],
    rawFields: EvidenceFields,
    meta: RequestMeta,
  ): Promise<Evidence[]> {
    const fields = this.validateFields(rawFields, files.length);
    const newlyStored: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const task = await this.lockVisibleTask(manager, principal, taskId);
        await this.assertChangeable(principal, task, 'evidence:attach', meta);
        const previous = fields.supersedes
          ? await this.currentVersion(manager, task, fields.supersedes)
          : null;
        const saved: Evidence[] = [];
        for (const file of files) {
          await lockHash(manager, file.staged.sha256);
          const { alreadyStored } = await this.store.commit(file.staged);
          if (!alreadyStored) newlyStored.push(file.staged.sha256);
          const id = randomUUID();
          if (previous) {
            // The deferred foreign key lets the pointer precede the row it points to.
            await manager.update(Evidence, { id: previous.id }, { supersededById: id });
          }
          const row = manager.create(Evidence, {
            id,
            taskId: task.id,
            unitCode: task.unitCode,
            cycleId: task.cycleId,
            lineageId: previous?.lineageId ?? id,
            version: previous ? previous.version + 1 : 1,
            supersedesId: previous?.id ?? null,
            sha256: file.staged.sha256,
            size: String(file.staged.size),
            fileType: file.detected.type,
            mimeType: file.detected.mime,
            originalName: file.name,
            description: fields.description ?? '',
            documentNumber: fields.documentNumber ?? null,
            issuingAuthority: fields.issuingAuthority ?? null,
            documentDate: fields.documentDate ?? null,
            uploadedBy: principal.username,
            uploadedAt: this.clock.now(),
          });
          await manager.insert(Evidence, row);
          saved.push(row);
        }
        await recordTaskEvents(
          manager,
          saved.map((e) => ({
            taskId: task.id,
            unitCode: task.unitCode,
            cycleId: task.cycleId,
            actorUsername: principal.username,
            kind: previous ? 'evidence_replaced' : 'evidence_added',
            before: previous ? summary(previous) : null,
            after: summary(e),
            reason: null,
            ip: meta.ip,
          })),
        );
        return manager.find(Evidence, { where: saved.map((e) => ({ id: e.id })) });
      });
    } catch (error) {
      await this.removeUnreferenced(newlyStored);
      throw error;
    }
  }

  /** 撤回: the uploader withdraws a current file with a reason, while the task is still editable. */
  async withdraw(
    principal: Principal,
    input: { evidenceId: string; reason: string },
    meta: RequestMeta,
  ): Promise<Evidence> {
    return this.dataSource.transaction(async (manager) => {
      const evidence = await this.visibleOne(principal, input.evidenceId, manager);
      const task = await this.lockVisibleTask(manager, principal, evidence.taskId);
      await this.assertChangeable(principal, task, 'evidence:withdraw', meta);
      if (evidence.uploadedBy !== principal.username) {
        await this.tasks.deny(principal, task, 'evidence:withdraw', meta);
      }
      const current = await manager.findOneOrFail(Evidence, { where: { id: evidence.id } });
      if (current.withdrawnAt || current.supersededById) {
        throw new AppError(ErrorCode.CONFLICT, '该佐证材料已被替换或撤回。');
      }
      const reason = input.reason.normalize('NFC').trim();
      if (!reason || reason.length > 500) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, '撤回佐证材料须填写原因（最多 500 字）。', {
          fields: { reason: '请填写原因。' },
        });
      }
      await manager.update(
        Evidence,
        { id: current.id },
        { withdrawnAt: this.clock.now(), withdrawnBy: principal.username, withdrawReason: reason },
      );
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: 'evidence_withdrawn',
          before: summary(current),
          after: null,
          reason,
          ip: meta.ip,
        },
      ]);
      return manager.findOneOrFail(Evidence, { where: { id: current.id } });
    });
  }

  /** One evidence row whose task the principal may see, or NOT_FOUND. */
  async visibleOne(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Evidence> {
    if (!isUuid(id)) throw notFound('佐证材料');
    const q = this.scoped(manager, principal).andWhere('e.id = :id', { id });
    const found = await q.getOne();
    if (!found) throw notFound('佐证材料');
    return found;
  }

  /** The newest evidence row with this content that the principal may see, or NOT_FOUND. */
  async visibleByHash(principal: Principal, sha256: string): Promise<Evidence> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound('佐证材料');
    const found = await this.scoped(this.dataSource.manager, principal)
      .andWhere('e.sha256 = :sha256', { sha256 })
      .orderBy('e.uploaded_at', 'DESC')
      .getOne();
    if (!found) throw notFound('佐证材料');
    return found;
  }

  /** The evidence explorer: filtered, newest first, within the jurisdiction. */
  search(
    principal: Principal,
    filter: EvidenceFilterInput,
    page: { first: number; offset: number },
  ): Promise<{ nodes: Evidence[]; totalCount: number }> {
    const q = this.scoped(this.dataSource.manager, principal);
    if (!filter.includeHistory) {
      q.andWhere('e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL');
    }
    if (filter.cycleId) q.andWhere('e.cycle_id = :cycleId', { cycleId: filter.cycleId });
    if (filter.unitCode) {
      q.andWhere('(u.code = :unitCode OR u.parent_code = :unitCode)', {
        unitCode: filter.unitCode,
      });
    }
    if (filter.taskStatus) q.andWhere('t.status = :taskStatus', { taskStatus: filter.taskStatus });
    if (filter.articleNumber) {
      q.andWhere(
        `EXISTS (SELECT 1 FROM duty d JOIN regulation_article a ON a.id = d.article_id
                  WHERE d.id = t.duty_id AND a.number = :articleNumber)`,
        { articleNumber: filter.articleNumber },
      );
    }
    if (filter.documentNumber?.trim()) {
      q.andWhere(`e.document_number ILIKE :docNo`, {
        docNo: containsPattern(filter.documentNumber),
      });
    }
    const day = `(e.uploaded_at AT TIME ZONE 'Asia/Shanghai')::date`;
    if (filter.uploadedFrom) q.andWhere(`${day} >= :from::date`, { from: filter.uploadedFrom });
    if (filter.uploadedTo) q.andWhere(`${day} <= :to::date`, { to: filter.uploadedTo });
    q.orderBy('e.uploaded_at', 'DESC').addOrderBy('e.id', 'ASC');
    return offsetPage(q, page);
  }

  private scoped(manager: EntityManager, principal: Principal) {
    const q = manager
      .createQueryBuilder(Evidence, 'e')
      .innerJoin('task', 't', 't.id = e.task_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code');
    return scopeTasks(q, principal);
  }

  private async lockVisibleTask(
    manager: EntityManager,
    principal: Principal,
    taskId: string,
  ): Promise<LoadedTask> {
    // Serialises with status changes: a submission counts current evidence under this lock.
    await manager.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [taskId]);
    return this.tasks.visible(principal, taskId, manager);
  }

  private async assertChangeable(
    principal: Principal,
    task: LoadedTask,
    operation: string,
    meta: RequestMeta,
  ): Promise<void> {
    assertWritable(task);
    if (!capacitiesOn(principal, task).operator) {
      await this.tasks.deny(principal, task, operation, meta);
    }
    if (task.status === TaskStatus.SUBMITTED || task.status === TaskStatus.VERIFIED) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `任务${TASK_STATUS_ZH[task.status]}，佐证材料已冻结；如需修改请先由督导退回或重新打开。`,
      );
    }
  }

  private async currentVersion(
    manager: EntityManager,
    task: LoadedTask,
    id: string,
  ): Promise<Evidence> {
    const previous = await manager.findOne(Evidence, { where: { id, taskId: task.id } });
    if (!previous) throw notFound('要替换的佐证材料');
    if (previous.withdrawnAt || previous.supersededById) {
      throw new AppError(ErrorCode.CONFLICT, '该佐证材料已被替换或撤回，请替换其当前版本。');
    }
    return previous;
  }

  /** After a failed attach: removes content it stored that no committed row references. */
  private async removeUnreferenced(hashes: string[]): Promise<void> {
    for (const sha256 of hashes) {
      await this.dataSource
        .transaction(async (manager) => {
          await lockHash(manager, sha256);
          const used =
            (await manager.exists(Evidence, { where: { sha256 } })) ||
            // Comment attachments share the store (task-comment/).
            (
              await manager.query(
                'SELECT 1 FROM task_comment_attachment WHERE sha256 = $1 LIMIT 1',
                [sha256],
              )
            ).length > 0;
          if (!used) await this.store.remove(sha256);
        })
        .catch(() => undefined); // fsck reports what could not be cleaned up
    }
  }
}

/** Transaction-scoped advisory lock on one content hash (upload vs. cleanup of that content). */
function lockHash(manager: EntityManager, sha256: string): Promise<unknown> {
  return manager.query(
    `SELECT pg_advisory_xact_lock(('x' || substr($1, 1, 16))::bit(64)::bigint)`,
    [sha256],
  );
}

function summary(e: Evidence): Record<string, unknown> {
  return {
    evidenceId: e.id,
    fileName: e.originalName,
    sha256: e.sha256,
    size: Number(e.size),
    fileType: e.fileType,
    version: e.version,
    documentNumber: e.documentNumber,
  };
}
