import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { Task } from '../task/task.entity';

export const URGING_COLOURS = ['BLUE', 'ORANGE', 'RED'] as const;
/** 蓝色 (reminder / behind schedule), 橙色 (overdue or blue unanswered), 红色 (orange unanswered or ordered). */
export type UrgingColour = (typeof URGING_COLOURS)[number];

export const URGING_ORIGINS = ['AUTO', 'MANUAL'] as const;
/** AUTO: the daily job's rules; MANUAL: issued by a supervisor (督办令). */
export type UrgingOrigin = (typeof URGING_ORIGINS)[number];

export const URGING_REASONS = [
  'BEHIND_SCHEDULE',
  'OVERDUE',
  'UNANSWERED_BLUE',
  'UNANSWERED_ORANGE',
  'ORDERED',
] as const;
/** Why a notice was issued (the rule that fired, or a supervisor's order). */
export type UrgingReason = (typeof URGING_REASONS)[number];

export const URGING_CLOSE_REASONS = [
  'TASK_SUBMITTED',
  'TASK_VERIFIED',
  'TASK_RETIRED',
  'ESCALATED',
] as const;
export type UrgingCloseReason = (typeof URGING_CLOSE_REASONS)[number];

/** The colour order: a notice is only ever followed by a higher colour. */
export const COLOUR_RANK: Record<UrgingColour, number> = { BLUE: 1, ORANGE: 2, RED: 3 };

/**
 * 督办单: a numbered urging notice on one task. The receiving operator acknowledges it (签收) and
 * answers it (反馈); it closes when the task is submitted or verified (a trigger on task, see
 * migration CreateUrgingNotices), or when a notice of the next colour supersedes it
 * (`escalated_to`). At most one notice per task is open at a time.
 */
@Entity({ name: 'urging_notice' })
@Index('UQ_urging_notice_number', ['number'], { unique: true })
@Index('UQ_urging_notice_year_seq', ['year', 'seq'], { unique: true })
@Index('IDX_urging_notice_task', ['taskId', 'issuedAt'])
@Index('IDX_urging_notice_cycle_unit', ['cycleId', 'unitCode'])
@Index('IDX_urging_notice_open', ['cycleId', 'taskId'], { where: `"closed_at" IS NULL` })
@Check('CHK_urging_notice_colour', `"colour" IN ('BLUE', 'ORANGE', 'RED')`)
@Check('CHK_urging_notice_origin', `"origin" IN ('AUTO', 'MANUAL')`)
@Check(
  'CHK_urging_notice_reason',
  `"reason_code" IN ('BEHIND_SCHEDULE', 'OVERDUE', 'UNANSWERED_BLUE', 'UNANSWERED_ORANGE', 'ORDERED')`,
)
@Check(
  'CHK_urging_notice_close_reason',
  `"close_reason" IS NULL OR "close_reason" IN ('TASK_SUBMITTED', 'TASK_VERIFIED', 'TASK_RETIRED', 'ESCALATED')`,
)
@Check('CHK_urging_notice_closed', `("closed_at" IS NULL) = ("close_reason" IS NULL)`)
@Check('CHK_urging_notice_answered', `"answered_at" IS NULL OR "acknowledged_at" IS NOT NULL`)
@Check('CHK_urging_notice_deduction', `"deduction" >= 0`)
export class UrgingNotice {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_urging_notice' })
  id!: string;

  /** 文号, e.g. 鄂质督〔2026〕12号 (URGING_NUMBER_PATTERN). */
  @Column({ type: 'varchar', length: 64 })
  number!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Per-year sequence (urging_number_counter). */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_urging_notice_task' })
  task?: Task;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'FK_urging_notice_unit' })
  unit?: AdminUnit;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_urging_notice_cycle' })
  cycle?: AssessmentCycle;

  @Column({ type: 'varchar', length: 8 })
  colour!: UrgingColour;

  @Column({ type: 'varchar', length: 8 })
  origin!: UrgingOrigin;

  @Column({ name: 'reason_code', type: 'varchar', length: 32 })
  reasonCode!: UrgingReason;

  @Column({ type: 'text' })
  text!: string;

  /** The business day (Asia/Shanghai) of issue; escalation counts days from it. */
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  /** 反馈期限 */
  @Column({ name: 'answer_due', type: 'date' })
  answerDue!: string;

  /** The supervisor's username, or `system` for the daily job. */
  @Column({ name: 'issued_by', type: 'varchar', length: 64 })
  issuedBy!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** The notice this one escalates (the previous colour), if any. */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 64, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 64, nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  /**
   * Points this notice deducts from the unit's assessment score, fixed when it is issued
   * (URGING_DEDUCTION_<COLOUR>), so a later change of the rates does not rewrite past scores.
   */
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0 })
  deduction!: string;

  /** The next colour's notice that superseded this one. */
  @Column({ name: 'escalated_to', type: 'uuid', nullable: true })
  escalatedTo!: string | null;

  @ManyToOne(() => UrgingNotice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'escalated_to', foreignKeyConstraintName: 'FK_urging_notice_escalated_to' })
  escalatedToNotice?: UrgingNotice;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 16, nullable: true })
  closeReason!: UrgingCloseReason | null;
}

/** The last number given out per year (督办单 numbers are consecutive within a year). */
@Entity({ name: 'urging_number_counter' })
export class UrgingNumberCounter {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'PK_urging_number_counter' })
  year!: number;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq!: number;
}
