import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AdminUnit } from '../../admin-unit/admin-unit.entity';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { Task } from '../../task/task.entity';
import { AssessmentAdjustment } from '../assessment-adjustment.entity';
import type { SampleScope } from './onsite-draw';

export type OnsiteSampleStatus = 'open' | 'superseded' | 'closed';
export type OnsiteOutcome = 'CONFIRMED' | 'DISCREPANCY';

/**
 * One draw of the on-site verification sample (实地核查抽样) of a cycle: its parameters, the seed
 * (given or generated), the size of the population it was drawn from, who drew it and when.
 * Redrawing supersedes the open version and keeps it (with its findings); closing applies the
 * deductions. At most one version per cycle is not superseded.
 */
@Entity({ name: 'assessment_onsite_sample' })
@Index('UQ_assessment_onsite_sample_version', ['cycleId', 'version'], { unique: true })
@Index('UQ_assessment_onsite_sample_current', ['cycleId'], {
  unique: true,
  where: `status <> 'superseded'`,
})
@Check('CHK_assessment_onsite_sample_status', `"status" IN ('open', 'superseded', 'closed')`)
@Check('CHK_assessment_onsite_sample_scope', `"scope" IN ('OVERALL', 'PER_PREFECTURE')`)
@Check(
  'CHK_assessment_onsite_sample_size',
  `("unit_count" IS NULL) <> ("unit_share" IS NULL) AND "tasks_per_unit" > 0 AND "deduction_points" > 0`,
)
export class OnsiteSample {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: OnsiteSampleStatus;

  @Column({ type: 'varchar', length: 16 })
  scope!: SampleScope;

  @Column({ name: 'unit_count', type: 'int', nullable: true })
  unitCount!: number | null;

  /** numeric: returned by pg as a string. */
  @Column({ name: 'unit_share', type: 'numeric', precision: 5, scale: 4, nullable: true })
  unitShare!: string | null;

  @Column({ name: 'tasks_per_unit', type: 'int' })
  tasksPerUnit!: number;

  /** Task statuses eligible for the draw (VERIFIED and/or SUBMITTED). */
  @Column({ name: 'task_statuses', type: 'varchar', length: 20, array: true })
  taskStatuses!: string[];

  /** Unit levels eligible for the draw (empty: every level). */
  @Column({ name: 'unit_levels', type: 'varchar', length: 12, array: true })
  unitLevels!: string[];

  /** Points deducted per confirmed discrepancy. */
  @Column({ name: 'deduction_points', type: 'numeric', precision: 6, scale: 2 })
  deductionPoints!: string;

  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  @Column({ name: 'seed_generated', type: 'boolean' })
  seedGenerated!: boolean;

  @Column({ name: 'population_units', type: 'int' })
  populationUnits!: number;

  @Column({ name: 'population_tasks', type: 'int' })
  populationTasks!: number;

  /** Why the sample was redrawn (required from version 2 on). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'drawn_by', type: 'varchar', length: 64 })
  drawnBy!: string;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;

  @Column({ name: 'superseded_by', type: 'varchar', length: 64, nullable: true })
  supersededBy!: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 64, nullable: true })
  closedBy!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

/**
 * One sampled task with its current finding (核查结论). The draw columns never change; the
 * finding may be edited until the sample is closed (every edit is kept in
 * assessment_onsite_finding_event); a discrepancy's deduction is linked once applied.
 */
@Entity({ name: 'assessment_onsite_item' })
@Index('UQ_assessment_onsite_item_task', ['sampleId', 'taskId'], { unique: true })
@Index('IDX_assessment_onsite_item_unit', ['sampleId', 'unitCode'])
@Check(
  'CHK_assessment_onsite_item_outcome',
  `"outcome" IS NULL OR "outcome" IN ('CONFIRMED', 'DISCREPANCY')`,
)
@Check(
  'CHK_assessment_onsite_item_note',
  `"outcome" IS DISTINCT FROM 'DISCREPANCY' OR "note" IS NOT NULL`,
)
export class OnsiteItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'sample_id', type: 'uuid' })
  sampleId!: string;

  @ManyToOne(() => OnsiteSample, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sample_id' })
  sample?: OnsiteSample;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  @Column({ name: 'group_code', type: 'varchar', length: 12 })
  groupCode!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ name: 'unit_rank', type: 'int' })
  unitRank!: number;

  @Column({ name: 'task_rank', type: 'int' })
  taskRank!: number;

  @Column({ name: 'unit_draw_key', type: 'char', length: 64 })
  unitDrawKey!: string;

  @Column({ name: 'task_draw_key', type: 'char', length: 64 })
  taskDrawKey!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome!: OnsiteOutcome | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => `'{}'` })
  evidenceIds!: string[];

  @Column({ name: 'recorded_by', type: 'varchar', length: 64, nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ name: 'adjustment_id', type: 'uuid', nullable: true })
  adjustmentId!: string | null;

  @ManyToOne(() => AssessmentAdjustment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adjustment_id' })
  adjustment?: AssessmentAdjustment;
}

/** Append-only record of every finding recorded on a sampled task (who, when, what). */
@Entity({ name: 'assessment_onsite_finding_event' })
@Index('IDX_assessment_onsite_finding_event_item', ['itemId', 'id'])
export class OnsiteFindingEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => OnsiteItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: OnsiteItem;

  @Column({ type: 'varchar', length: 12 })
  outcome!: OnsiteOutcome;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => `'{}'` })
  evidenceIds!: string[];

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
