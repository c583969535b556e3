import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Department } from '../admin-unit/department.entity';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { Duty } from '../duty/duty.entity';
import { TaskStatus } from './task-workflow';

const STATUSES = Object.values(TaskStatus)
  .map((s) => `'${s}'`)
  .join(', ');

/**
 * 任务: one tracked duty for one unit in one assessment cycle. Identified within the cycle by
 * (duty lineage, unit), so regeneration after a review or a new regulation version keeps it.
 * Retired (not deleted) when its duty stops being tracked.
 */
@Entity({ name: 'task' })
@Index('UQ_task_cycle_lineage_unit', ['cycleId', 'dutyLineageId', 'unitCode'], { unique: true })
@Index('IDX_task_unit', ['unitCode', 'cycleId'])
@Index('IDX_task_lead_department', ['leadDepartmentId'])
@Index('IDX_task_duty', ['dutyId'])
@Index('IDX_task_unacknowledged', ['cycleId', 'unitCode'], {
  where: `"acknowledged_at" IS NULL AND "retired_at" IS NULL`,
})
@Index('IDX_task_submitted', ['cycleId', 'submittedAt', 'id'], {
  where: `"status" = 'SUBMITTED' AND "retired_at" IS NULL`,
})
// The task list's cycle-wide pages (migration AddTaskListIndexes).
@Index('IDX_task_cycle_due', ['cycleId', 'dueDate', 'id', 'unitCode', 'dutyId'], {
  where: `"retired_at" IS NULL`,
})
@Index('IDX_task_cycle_updated', ['cycleId', 'updatedAt', 'id'], { where: `"retired_at" IS NULL` })
@Index('IDX_task_cycle_status', ['cycleId', 'status', 'updatedAt', 'id'], {
  where: `"retired_at" IS NULL`,
})
@Check('CHK_task_status', `"status" IN (${STATUSES})`)
@Check('CHK_task_extension_count', `"extension_count" >= 0`)
@Check(
  'CHK_task_not_applicable_status',
  `"not_applicable_status" IN ('REQUESTED', 'APPROVED', 'REJECTED')`,
)
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @Column({ name: 'duty_lineage_id', type: 'uuid' })
  dutyLineageId!: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId!: string;

  @ManyToOne(() => Duty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'duty_id' })
  duty?: Duty;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  /** 牵头部门 of this unit. */
  @Column({ name: 'lead_department_id', type: 'uuid' })
  leadDepartmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: Department;

  @Column({ type: 'varchar', length: 20, default: TaskStatus.NOT_STARTED })
  status!: TaskStatus;

  /** 进展情况 */
  @Column({ name: 'progress_note', type: 'text', default: '' })
  progressNote!: string;

  /** 工作举措 */
  @Column({ type: 'text', default: '' })
  measures!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'extension_count', type: 'int', default: 0 })
  extensionCount!: number;

  @Column({ name: 'return_count', type: 'int', default: 0 })
  returnCount!: number;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  /** 签收: when the lead department acknowledged the assignment; null = 待签收 (reset by 转办). */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 64, nullable: true })
  acknowledgedBy!: string | null;

  /** 不适用: the latest not-applicable request's outcome (REQUESTED, APPROVED, REJECTED); null = applies. APPROVED tasks leave completion rates and the assessment. */
  @Column({ name: 'not_applicable_status', type: 'varchar', length: 12, nullable: true })
  notApplicableStatus!: 'REQUESTED' | 'APPROVED' | 'REJECTED' | null;

  /** The latest submission (提交核验) in the history: the review queue's order. Null until first submitted. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** Who made that submission (username). */
  @Column({ name: 'submitted_by', type: 'varchar', length: 64, nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
