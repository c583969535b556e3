import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Evidence } from '../evidence/evidence.entity';
import { Task } from '../task/task.entity';

/**
 * A file attached to a comment, kept in the evidence store (content-addressed by `sha256`) but
 * not an evidence row: it counts nowhere as the task's evidence (counts, packs, submission,
 * completion) unless its uploader marked it so, in which case the same content was also recorded
 * as an evidence row (`evidence_id`) through the evidence path. Append-only.
 */
@Entity({ name: 'task_comment_attachment' })
@Index('IDX_task_comment_attachment_task', ['taskId', 'uploadedAt'])
@Index('IDX_task_comment_attachment_sha256', ['sha256'])
@Check('CHK_task_comment_attachment_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class TaskCommentAttachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_comment_attachment' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_comment_attachment_task' })
  task?: Task;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Bytes (bigint: returned by pg as a string). */
  @Column({ type: 'bigint' })
  size!: string;

  @Column({ name: 'file_type', type: 'varchar', length: 8 })
  fileType!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 100 })
  mimeType!: string;

  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  /** Set when the uploader marked the file as the task's evidence (佐证材料). */
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId!: string | null;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'evidence_id',
    foreignKeyConstraintName: 'FK_task_comment_attachment_evidence',
  })
  evidence?: Evidence;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 64 })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
