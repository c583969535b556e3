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
import { AdminUnit } from '../../admin-unit/admin-unit.entity';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { ChainLinked } from '../../integrity/chain-linked';

/**
 * The stages of a cycle's assessment, in order: 自评, 市州初审, 省级复核, 实地核查, 公示, 异议, 终审.
 * Only the first three score indicators; the others have windows on the schedule.
 */
export const ASSESSMENT_STAGES = [
  'SELF_ASSESSMENT',
  'PREFECTURE_REVIEW',
  'PROVINCIAL_REVIEW',
  'ONSITE_VERIFICATION',
  'PUBLICATION',
  'OBJECTION',
  'FINAL',
] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

const STAGE_LIST = ASSESSMENT_STAGES.map((s) => `'${s}'`).join(', ');

/** The window of one stage of a cycle, set by a provincial supervisor. */
@Entity({ name: 'assessment_stage_window' })
@Check('CHK_assessment_stage_window_stage', `"stage" IN (${STAGE_LIST})`)
@Check('CHK_assessment_stage_window_order', `"closes_at" > "opens_at"`)
export class AssessmentStageWindow {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  stage!: AssessmentStage;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ name: 'set_by', type: 'varchar', length: 64 })
  setBy!: string;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}

/** draft: being filled; submitted: handed in for review; returned: sent back for correction. */
export type SelfAssessmentStatus = 'draft' | 'submitted' | 'returned';

/** A unit's self-assessment as a whole: its submission, lateness and returns. */
@Entity({ name: 'assessment_stage_unit' })
@Check('CHK_assessment_stage_unit_status', `"status" IN ('draft', 'submitted', 'returned')`)
@Check('CHK_assessment_stage_unit_return', `"status" <> 'returned' OR "return_reason" IS NOT NULL`)
export class AssessmentStageUnit {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: SelfAssessmentStatus;

  /** The latest submission. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'varchar', length: 64, nullable: true })
  submittedBy!: string | null;

  /** The latest submission came after its due time (the window's close, or a return's due). */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'submit_count', type: 'int', default: 0 })
  submitCount!: number;

  /** Set by a return: when the corrected self-assessment is due. */
  @Column({ name: 'correction_due_at', type: 'timestamptz', nullable: true })
  correctionDueAt!: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'returned_by', type: 'varchar', length: 64, nullable: true })
  returnedBy!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ name: 'return_count', type: 'int', default: 0 })
  returnCount!: number;
}

/** One indicator of a unit across the scoring stages: self, preliminary and provincial review. */
@Entity({ name: 'assessment_stage_entry' })
export class AssessmentStageEntry {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  @PrimaryColumn({ name: 'indicator_id', type: 'varchar', length: 64 })
  indicatorId!: string;

  @Column({ name: 'self_score', type: 'numeric', precision: 8, scale: 2, nullable: true })
  selfScore!: string | null;

  @Column({ type: 'text', nullable: true })
  narrative!: string | null;

  /** Evidence of the unit and cycle that supports the self-score. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => `'{}'` })
  evidenceIds!: string[];

  @Column({ name: 'self_by', type: 'varchar', length: 64, nullable: true })
  selfBy!: string | null;

  @Column({ name: 'self_at', type: 'timestamptz', nullable: true })
  selfAt!: Date | null;

  /** When the self-score was last handed in with the unit's submission, and whether late. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'prefecture_score', type: 'numeric', precision: 8, scale: 2, nullable: true })
  prefectureScore!: string | null;

  @Column({ name: 'prefecture_comment', type: 'text', nullable: true })
  prefectureComment!: string | null;

  @Column({ name: 'prefecture_by', type: 'varchar', length: 64, nullable: true })
  prefectureBy!: string | null;

  @Column({ name: 'prefecture_at', type: 'timestamptz', nullable: true })
  prefectureAt!: Date | null;

  @Column({ name: 'provincial_score', type: 'numeric', precision: 8, scale: 2, nullable: true })
  provincialScore!: string | null;

  @Column({ name: 'provincial_comment', type: 'text', nullable: true })
  provincialComment!: string | null;

  @Column({ name: 'provincial_by', type: 'varchar', length: 64, nullable: true })
  provincialBy!: string | null;

  @Column({ name: 'provincial_at', type: 'timestamptz', nullable: true })
  provincialAt!: Date | null;
}

/**
 * SELF_SCORE / PREFECTURE_SCORE / PROVINCIAL_SCORE: a score set at that stage (before → after);
 * SUBMIT: the unit handed its self-assessment in (detail: late, due); RETURN: sent back for
 * correction with a reason.
 */
export const SCORE_CHANGE_ACTIONS = [
  'SELF_SCORE',
  'SUBMIT',
  'RETURN',
  'PREFECTURE_SCORE',
  'PROVINCIAL_SCORE',
] as const;
export type ScoreChangeAction = (typeof SCORE_CHANGE_ACTIONS)[number];

/**
 * The record of every score change and hand-over of the staged assessment: who, when, in which
 * stage and role, before/after and why. Append-only and hash-chained like task_event.
 */
@Entity({ name: 'assessment_score_change' })
@Index('IDX_assessment_score_change_unit', ['cycleId', 'unitCode'])
@Check(
  'CHK_assessment_score_change_action',
  `"action" IN (${SCORE_CHANGE_ACTIONS.map((a) => `'${a}'`).join(', ')})`,
)
export class AssessmentScoreChange extends ChainLinked {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  /** Null for a whole-unit action (submission, return). */
  @Column({ name: 'indicator_id', type: 'varchar', length: 64, nullable: true })
  indicatorId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  stage!: AssessmentStage;

  @Column({ type: 'varchar', length: 20 })
  action!: ScoreChangeAction;

  @Column({ name: 'before_score', type: 'numeric', precision: 8, scale: 2, nullable: true })
  beforeScore!: string | null;

  @Column({ name: 'after_score', type: 'numeric', precision: 8, scale: 2, nullable: true })
  afterScore!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail!: Record<string, string | number | boolean | null>;

  @Column({ name: 'actor', type: 'varchar', length: 64 })
  actor!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
