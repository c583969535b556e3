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

/** PENDING → APPROVED | REJECTED; APPROVED → REVOKED (a provincial supervisor reverses it). */
export type NotApplicableRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED';

/**
 * 不适用申请: the task's operator asks that the task be set aside for the unit (e.g. no such
 * industry), with a reason and proof (current evidence files of the task and/or a document
 * reference); the supervisor over the unit decides; a provincial supervisor may revoke an
 * approval. The task's `not_applicable_status` mirrors the latest request.
 */
@Entity({ name: 'task_not_applicable_request' })
@Index('IDX_task_not_applicable_request_task', ['taskId', 'requestedAt'])
@Index('UQ_task_not_applicable_request_pending', ['taskId'], {
  unique: true,
  where: `status = 'PENDING'`,
})
@Check(
  'CHK_task_not_applicable_request_status',
  `"status" IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED')`,
)
export class NotApplicableRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_not_applicable_request' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_not_applicable_request_task' })
  task?: Task;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** 文号 or another document reference given as proof. */
  @Column({ name: 'document_reference', type: 'varchar', length: 200, nullable: true })
  documentReference!: string | null;

  /** Current evidence files of the task given as proof. */
  @Column({ name: 'evidence_ids', type: 'jsonb' })
  evidenceIds!: string[];

  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'varchar', length: 12 })
  status!: NotApplicableRequestStatus;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason!: string | null;
}
