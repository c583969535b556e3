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
import { AssessmentAdjustment } from '../assessment-adjustment.entity';

/**
 * One publication (公示) of a cycle's provisional results, with the objection window (异议期).
 * Republishing after the scores changed makes the next version; a publication never changes.
 */
@Entity({ name: 'assessment_publication' })
@Index('UQ_assessment_publication_version', ['cycleId', 'version'], { unique: true })
export class AssessmentPublication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @Column({ type: 'int' })
  version!: number;

  /** The plan version the provisional scores were computed with. */
  @Column({ name: 'plan_version', type: 'int' })
  planVersion!: number;

  /** Objections are accepted from the publication until this instant. */
  @Column({ name: 'objection_closes_at', type: 'timestamptz' })
  objectionClosesAt!: Date;

  /** SHA-256 over the published rows (unit, level, score, grade, rank): detects a change. */
  @Column({ name: 'rows_sha256', type: 'char', length: 64 })
  rowsSha256!: string;

  @Column({ type: 'int' })
  units!: number;

  @Column({ name: 'published_by', type: 'varchar', length: 64 })
  publishedBy!: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}

/** One indicator of a unit's published result: the marks earned (rounded to 2 decimals). */
export interface PublishedIndicator {
  indicatorId: string;
  name: string;
  kind: 'work' | 'measure';
  marks: number;
  earned: number;
  /** Which score counted (absent in publications made before stage scores counted: computed). */
  stage?: 'computed' | 'self' | 'prefecture' | 'provincial';
}

/** One unit's provisional result in a publication (append-only). */
@Entity({ name: 'assessment_publication_result' })
export class AssessmentPublicationResult {
  @PrimaryColumn({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @ManyToOne(() => AssessmentPublication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publication_id' })
  publication?: AssessmentPublication;

  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  @Column({ name: 'rank_level', type: 'varchar', length: 12 })
  rankLevel!: string;

  /** numeric: returned by pg as a string. */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score!: string;

  @Column({ type: 'varchar', length: 20 })
  grade!: string;

  @Column({ type: 'int' })
  rank!: number;

  @Column({ type: 'jsonb' })
  indicators!: PublishedIndicator[];
}

export type ObjectionDecision = 'UPHELD' | 'REJECTED';

/**
 * A unit's objection (异议) to one indicator of a published result, and the provincial
 * reviewer's decision. What was filed never changes and a decision is made once (trigger); an
 * upheld objection with a score change is applied as an ordinary adjustment, linked here.
 */
@Entity({ name: 'assessment_objection' })
@Index('IDX_assessment_objection_unit', ['cycleId', 'unitCode'])
@Check(
  'CHK_assessment_objection_decision',
  `"decision" IS NULL OR "decision" IN ('UPHELD', 'REJECTED')`,
)
@Check(
  'CHK_assessment_objection_decided',
  `("decision" IS NULL) = ("decided_at" IS NULL) AND ("decision" IS NULL) = ("decision_reason" IS NULL) AND ("decision" IS NULL) = ("decided_by" IS NULL)`,
)
@Check(
  'CHK_assessment_objection_change',
  `("score_change" IS NULL OR ("decision" = 'UPHELD' AND "score_change" <> 0)) AND (("adjustment_id" IS NULL) = ("score_change" IS NULL))`,
)
export class AssessmentObjection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  /** The publication objected to (the latest one when filed). */
  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @ManyToOne(() => AssessmentPublication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publication_id' })
  publication?: AssessmentPublication;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  @Column({ name: 'indicator_id', type: 'varchar', length: 64 })
  indicatorId!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** Evidence of the unit in the cycle supporting the objection. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => "'{}'" })
  evidenceIds!: string[];

  @Column({ name: 'filed_by', type: 'varchar', length: 64 })
  filedBy!: string;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt!: Date;

  @Column({ type: 'varchar', length: 10, nullable: true })
  decision!: ObjectionDecision | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** Points added (+) or deducted (−) by an upheld objection; numeric as a string. */
  @Column({ name: 'score_change', type: 'numeric', precision: 6, scale: 2, nullable: true })
  scoreChange!: string | null;

  @Column({ name: 'adjustment_id', type: 'uuid', nullable: true })
  adjustmentId!: string | null;

  @ManyToOne(() => AssessmentAdjustment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adjustment_id' })
  adjustment?: AssessmentAdjustment;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
