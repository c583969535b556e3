import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Task } from '../task/task.entity';

export type TaskCommentKind = 'COMMENT' | 'INSTRUCTION';

/** A mention inside a comment: a unit (by code) or a role. */
export type CommentMention = { type: 'UNIT'; code: string } | { type: 'ROLE'; role: string };

/**
 * 评论与批示 on a task. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): a comment is
 * corrected by a reply, never edited. Instructions (批示, kind INSTRUCTION) are written by the
 * supervisors over the unit and pinned; each row is also a task history event (comment /
 * instruction) carrying the SHA-256 of its body, so the hash-chained history vouches for it.
 */
@Entity({ name: 'task_comment' })
@Index('IDX_task_comment_task', ['taskId', 'createdAt'])
@Index('IDX_task_comment_unit_cycle', ['unitCode', 'cycleId', 'createdAt'])
@Index('IDX_task_comment_parent', ['parentId'])
@Check('CHK_task_comment_kind', `"kind" IN ('COMMENT', 'INSTRUCTION')`)
@Check('CHK_task_comment_body', `length("body") BETWEEN 1 AND 5000`)
export class TaskComment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_comment' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_comment_task' })
  task?: Task;

  /** Denormalised from the task for jurisdiction filters. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  /** The comment this one answers (one level of threading is shown, any depth is stored). */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => TaskComment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_task_comment_parent' })
  parent?: TaskComment;

  @Column({ type: 'varchar', length: 12 })
  kind!: TaskCommentKind;

  @Column({ name: 'author_username', type: 'varchar', length: 64 })
  authorUsername!: string;

  @Column({ name: 'author_role', type: 'varchar', length: 32 })
  authorRole!: string;

  /** The author's unit when they wrote (null for province-wide roles). */
  @Column({ name: 'author_unit_code', type: 'varchar', length: 12, nullable: true })
  authorUnitCode!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  mentions!: CommentMention[];

  /** task_comment_attachment ids, in the order given. */
  @Column({ name: 'attachment_ids', type: 'jsonb' })
  attachmentIds!: string[];

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
