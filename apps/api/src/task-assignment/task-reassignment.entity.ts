import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Department } from '../admin-unit/department.entity';
import { Task } from '../task/task.entity';

export const REASSIGNMENT_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'APPLIED'] as const;
/** PENDING → APPROVED (applied at once) or REJECTED; a supervisor's direct 转办 is APPLIED. */
export type ReassignmentStatus = (typeof REASSIGNMENT_STATUSES)[number];
export const REASSIGNMENT_KINDS = ['REQUEST', 'DIRECT'] as const;
/** REQUEST: asked by the unit's operator, decided by the supervisor; DIRECT: by a supervisor. */
export type ReassignmentKind = (typeof REASSIGNMENT_KINDS)[number];

/**
 * 转办: moving a task's lead department (牵头部门) to another department of the same unit.
 * Rows are never deleted; the task history records each step too.
 */
@Entity({ name: 'task_reassignment' })
@Index('IDX_task_reassignment_task', ['taskId', 'requestedAt'])
@Index('IDX_task_reassignment_pending', ['cycleId', 'unitCode'], { where: `"status" = 'PENDING'` })
@Index('UQ_task_reassignment_one_pending', ['taskId'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
@Check('CHK_task_reassignment_kind', `"kind" IN ('REQUEST', 'DIRECT')`)
@Check('CHK_task_reassignment_status', `"status" IN ('PENDING', 'APPROVED', 'REJECTED', 'APPLIED')`)
@Check('CHK_task_reassignment_departments', `"from_department_id" <> "to_department_id"`)
@Check('CHK_task_reassignment_decided', `("status" = 'PENDING') = ("decided_at" IS NULL)`)
@Check(
  'CHK_task_reassignment_applied',
  `("status" IN ('APPROVED', 'APPLIED')) = ("applied_at" IS NOT NULL)`,
)
@Check('CHK_task_reassignment_direct', `"kind" = 'REQUEST' OR "status" = 'APPLIED'`)
export class TaskReassignment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_reassignment' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_reassignment_task' })
  task?: Task;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: ReassignmentKind;

  @Column({ name: 'from_department_id', type: 'uuid' })
  fromDepartmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_department_id', foreignKeyConstraintName: 'FK_task_reassignment_from' })
  fromDepartment?: Department;

  @Column({ name: 'to_department_id', type: 'uuid' })
  toDepartmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_department_id', foreignKeyConstraintName: 'FK_task_reassignment_to' })
  toDepartment?: Department;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  status!: ReassignmentStatus;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}
