import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { Role } from '../auth/role';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { NotificationService } from '../notification/notification.service';
import { recordTaskEvents } from '../task/task-events';
import { capacitiesOn, scopeTasks } from '../task/task-scope';
import { assertWritable, LoadedTask, TaskService } from '../task/task.service';
import { Task } from '../task/task.entity';
import { TaskCommentAttachment } from './task-comment-attachment.entity';
import { CommentMention, TaskComment, TaskCommentKind } from './task-comment.entity';
import {
  COMMENTERS,
  excerpt,
  MAX_ATTACHMENTS,
  normaliseBody,
  normaliseMentions,
} from './task-comment-rules';

export interface NewComment {
  taskId: string;
  body: string;
  kind: TaskCommentKind;
  parentId?: string | null;
  mentions?: Array<{ unitCode?: string | null; role?: string | null }>;
  attachmentIds?: string[];
}

/** A unit on the task's chain (the task's unit and its superiors), as mentions may name it. */
export interface ChainUnit {
  code: string;
  name: string;
  level: string;
}

/** A comment with what the page shows beside it. */
export interface CommentView extends TaskComment {
  authorDisplayName: string;
  mentionLabels: string[];
  attachments: TaskCommentAttachment[];
}

/** An unanswered comment for an operator's workbench. */
export interface UnansweredComment {
  comment: CommentView;
  taskLabel: string;
  unitName: string;
}

/**
 * 评论与批示: threaded comments on a task, supervisors' instructions (pinned), mentions of units
 * and roles, attachments (see TaskCommentAttachmentService). Every comment checks the caller's
 * view of that very task, is one append-only row plus one task history event in the same
 * transaction, and notifies the task's operators, the mentioned units' and roles' users within
 * the task's jurisdiction, and the author of the comment answered.
 */
@Injectable()
export class TaskCommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
  ) {}

  /** The task if the principal may comment on it: sees it, writes (not an auditor), open cycle. */
  async commentableTask(
    principal: Principal,
    taskId: string,
    meta: RequestMeta,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LoadedTask> {
    if (!isUuid(taskId)) throw notFound('任务');
    const task = await this.tasks.visible(principal, taskId, manager);
    if (!principal.role || !(COMMENTERS as readonly Role[]).includes(principal.role)) {
      await this.tasks.deny(principal, task, 'comment', meta);
    }
    assertWritable(task);
    return task;
  }

  async add(principal: Principal, input: NewComment, meta: RequestMeta): Promise<CommentView> {
    const body = normaliseBody(input.body);
    const mentions = normaliseMentions(input.mentions ?? []);
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (attachmentIds.length > MAX_ATTACHMENTS) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `一条评论最多附 ${MAX_ATTACHMENTS} 个文件。`,
        {
          fields: { attachmentIds: 'too_many' },
        },
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      // Serialises with other writes on the task (and its unanswered-comment state).
      if (isUuid(input.taskId)) {
        await manager.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [input.taskId]);
      }
      const task = await this.commentableTask(principal, input.taskId, meta, manager);
      const can = capacitiesOn(principal, task);
      if (input.kind === 'INSTRUCTION' && !can.verifier) {
        // 批示 are the supervisors' over the unit.
        await this.tasks.deny(principal, task, 'instruction', meta);
      }
      let parent: TaskComment | null = null;
      if (input.parentId) {
        parent = isUuid(input.parentId)
          ? await manager.findOne(TaskComment, { where: { id: input.parentId, taskId: task.id } })
          : null;
        if (!parent) throw notFound('要回复的评论');
      }
      const chain = await this.chainUnits(manager, task);
      for (const m of mentions) {
        if (m.type === 'UNIT' && !chain.some((u) => u.code === m.code)) {
          throw new AppError(
            ErrorCode.VALIDATION_FAILED,
            `只能提及本任务所属单位及其上级单位（${chain.map((u) => u.name).join('、')}）。`,
            { fields: { mentions: 'unit_out_of_scope' } },
          );
        }
      }
      const attachments = await this.claimAttachments(manager, principal, task, attachmentIds);
      const now = this.clock.now();
      const row = manager.create(TaskComment, {
        taskId: task.id,
        unitCode: task.unitCode,
        cycleId: task.cycleId,
        parentId: parent?.id ?? null,
        kind: input.kind,
        authorUsername: principal.username,
        authorRole: principal.role!,
        authorUnitCode: principal.unitCode,
        body,
        mentions,
        attachmentIds: attachments.map((a) => a.id),
        pinned: input.kind === 'INSTRUCTION',
        createdAt: now,
      });
      await manager.insert(TaskComment, row);
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: input.kind === 'INSTRUCTION' ? 'instruction' : 'comment',
          before: null,
          after: {
            commentId: row.id,
            parentId: row.parentId,
            excerpt: excerpt(body, 100),
            bodySha256: createHash('sha256').update(body, 'utf8').digest('hex'),
            mentions,
            attachments: attachments.map((a) => ({
              id: a.id,
              fileName: a.originalName,
              sha256: a.sha256,
              evidenceId: a.evidenceId,
            })),
          },
          reason: null,
          ip: meta.ip,
          occurredAt: now,
        },
      ]);
      const recipients = await this.recipients(manager, task, chain, mentions, parent, principal);
      if (recipients.length) {
        const label = await this.taskLabel(manager, task.id);
        const instruction = input.kind === 'INSTRUCTION';
        await this.notifications.notify(manager, [
          {
            kind: instruction ? 'INSTRUCTION' : 'COMMENT',
            recipients: { usernames: recipients },
            title: `${instruction ? '督导批示' : parent ? '评论回复' : '新评论'}：${label.taskLabel}（${label.unitName}）`,
            body: `${principal.displayName || principal.username}：${excerpt(body, 200)}`,
            link: `/tasks/${task.id}`,
            taskId: task.id,
            unitCode: task.unitCode,
            dedupeKey: `comment:${row.id}`,
          },
        ]);
      }
      return row.id;
    });
    const [view] = await this.views(this.dataSource.manager, [
      await this.dataSource.manager.findOneOrFail(TaskComment, { where: { id } }),
    ]);
    return view;
  }

  /** The task's comments, oldest first (the page pins instructions and builds the threads). */
  async list(principal: Principal, taskId: string): Promise<CommentView[]> {
    if (!isUuid(taskId)) throw notFound('任务');
    const task = await this.tasks.visible(principal, taskId);
    const rows = await this.dataSource.manager.find(TaskComment, {
      where: { taskId: task.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.views(this.dataSource.manager, rows);
  }

  /** The units a comment on the task may mention: the task's unit and its superiors. */
  async mentionableUnits(principal: Principal, taskId: string): Promise<ChainUnit[]> {
    const task = await this.tasks.visible(principal, taskId);
    return this.chainUnits(this.dataSource.manager, task);
  }

  /**
   * 待回复: comments and instructions on the operator's tasks written by someone outside the
   * operator's unit, with no later comment from the unit on the same task; oldest first.
   */
  async unanswered(
    principal: Principal,
    first: number,
  ): Promise<{ nodes: UnansweredComment[]; totalCount: number }> {
    if (principal.role !== Role.COUNTY_OPERATOR || !principal.unitCode) {
      return { nodes: [], totalCount: 0 };
    }
    const q = this.dataSource.manager
      .createQueryBuilder(TaskComment, 'c')
      .innerJoin('task', 't', 't.id = c.task_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .innerJoin('assessment_cycle', 'y', `y.id = t.cycle_id AND y.state = 'open'`)
      .where('t.retired_at IS NULL')
      .andWhere('c.author_unit_code IS DISTINCT FROM :own', { own: principal.unitCode })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM task_comment r WHERE r.task_id = c.task_id
           AND r.author_unit_code = :own AND (r.created_at, r.id) > (c.created_at, c.id))`,
      );
    scopeTasks(q, principal);
    const totalCount = await q.getCount();
    const rows = await q
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(first)
      .getMany();
    const views = await this.views(this.dataSource.manager, rows);
    const labels = new Map<string, { taskLabel: string; unitName: string }>();
    for (const taskId of new Set(rows.map((r) => r.taskId))) {
      labels.set(taskId, await this.taskLabel(this.dataSource.manager, taskId));
    }
    return {
      totalCount,
      nodes: views.map((comment) => ({ comment, ...labels.get(comment.taskId)! })),
    };
  }

  /** Author names, mention labels and attachments for a list of comments (three queries). */
  private async views(manager: EntityManager, rows: TaskComment[]): Promise<CommentView[]> {
    if (rows.length === 0) return [];
    const usernames = [...new Set(rows.map((r) => r.authorUsername))];
    const users: Array<{ username: string; display_name: string }> = await manager.query(
      `SELECT username, display_name FROM app_user WHERE username = ANY($1)`,
      [usernames],
    );
    const names = new Map(users.map((u) => [u.username, u.display_name]));
    const unitCodes = [
      ...new Set(
        rows.flatMap((r) => r.mentions.flatMap((m) => (m.type === 'UNIT' ? [m.code] : []))),
      ),
    ];
    const units: Array<{ code: string; name: string }> = unitCodes.length
      ? await manager.query(`SELECT code, name FROM admin_unit WHERE code = ANY($1)`, [unitCodes])
      : [];
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    const attachmentIds = rows.flatMap((r) => r.attachmentIds);
    const attachments = attachmentIds.length
      ? await manager.find(TaskCommentAttachment, { where: { id: In(attachmentIds) } })
      : [];
    const byId = new Map(attachments.map((a) => [a.id, a]));
    return rows.map((r) => ({
      ...r,
      authorDisplayName: names.get(r.authorUsername) ?? r.authorUsername,
      mentionLabels: r.mentions.map((m) =>
        m.type === 'UNIT' ? (unitNames.get(m.code) ?? m.code) : (ROLE_LABELS[m.role] ?? m.role),
      ),
      attachments: r.attachmentIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    }));
  }

  /**
   * Attachments the author uploaded to this task and has not used in another comment; each
   * attachment belongs to one comment.
   */
  private async claimAttachments(
    manager: EntityManager,
    principal: Principal,
    task: Task,
    ids: string[],
  ): Promise<TaskCommentAttachment[]> {
    if (ids.length === 0) return [];
    const valid = ids.filter(isUuid);
    const found = valid.length
      ? await manager.find(TaskCommentAttachment, {
          where: { id: In(valid), taskId: task.id, uploadedBy: principal.username },
        })
      : [];
    if (found.length !== ids.length) throw notFound('附件');
    const [{ used }] = await manager.query(
      `SELECT count(*)::int AS used FROM task_comment WHERE task_id = $1 AND attachment_ids ?| $2`,
      [task.id, ids],
    );
    if (used > 0) {
      throw new AppError(ErrorCode.CONFLICT, '附件已用于另一条评论，请重新上传。');
    }
    const byId = new Map(found.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id)!);
  }

  /** The task's unit and its superiors (a county's prefecture, the province). */
  private async chainUnits(manager: EntityManager, task: LoadedTask): Promise<ChainUnit[]> {
    return manager.query(
      `WITH RECURSIVE chain AS (
         SELECT code, name, level, parent_code, 0 AS depth FROM admin_unit WHERE code = $1
         UNION ALL
         SELECT a.code, a.name, a.level, a.parent_code, chain.depth + 1
           FROM admin_unit a JOIN chain ON a.code = chain.parent_code WHERE chain.depth < 5)
       SELECT code, name, level FROM chain ORDER BY depth`,
      [task.unitCode],
    );
  }

  /**
   * Who hears of a comment, all within the task's jurisdiction: the task's operators (its lead
   * and assisting departments), the users of the mentioned units and roles, and the author of
   * the comment answered — never the author.
   */
  private async recipients(
    manager: EntityManager,
    task: LoadedTask,
    chain: ChainUnit[],
    mentions: CommentMention[],
    parent: TaskComment | null,
    author: Principal,
  ): Promise<string[]> {
    const prefecture =
      chain.find((u) => u.level === 'prefecture')?.code ?? task.unitParentCode ?? task.unitCode;
    const wanted = { operators: true, prefectures: new Set<string>(), provincial: false };
    for (const m of mentions) {
      if (m.type === 'UNIT') {
        const unit = chain.find((u) => u.code === m.code)!;
        if (unit.code === task.unitCode) wanted.operators = true;
        else if (unit.level === 'prefecture') wanted.prefectures.add(unit.code);
        else wanted.provincial = true;
      } else if (m.role === Role.PREFECTURE_SUPERVISOR) wanted.prefectures.add(prefecture);
      else if (m.role === Role.PROVINCIAL_SUPERVISOR) wanted.provincial = true;
    }
    const rows: Array<{ username: string }> = await manager.query(
      `SELECT username FROM app_user WHERE NOT disabled AND (
         (role = 'COUNTY_OPERATOR' AND unit_code = $1 AND (department_id = $2
           OR department_id IN (SELECT department_id FROM task_assist WHERE task_id = $3)))
         OR (role = 'PREFECTURE_SUPERVISOR' AND unit_code = ANY($4))
         OR (role = 'PROVINCIAL_SUPERVISOR' AND $5 AND left(unit_code, 2) = left($1, 2)))`,
      [task.unitCode, task.leadDepartmentId, task.id, [...wanted.prefectures], wanted.provincial],
    );
    const names = new Set(rows.map((r) => r.username));
    if (parent) names.add(parent.authorUsername);
    names.delete(author.username);
    return [...names].sort();
  }

  private async taskLabel(
    manager: EntityManager,
    taskId: string,
  ): Promise<{ taskLabel: string; unitName: string }> {
    const [row] = await manager.query(
      `SELECT u.name AS unit_name, a.number AS article, d.subject
         FROM task t JOIN admin_unit u ON u.code = t.unit_code
         JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
        WHERE t.id = $1`,
      [taskId],
    );
    return {
      taskLabel: `第${row.article}条 ${excerpt(row.subject ?? '', 30)}`,
      unitName: row.unit_name,
    };
  }
}

const ROLE_LABELS: Record<string, string> = {
  PROVINCIAL_SUPERVISOR: '省级督导',
  PREFECTURE_SUPERVISOR: '市州督导',
  COUNTY_OPERATOR: '县级部门经办人',
};
