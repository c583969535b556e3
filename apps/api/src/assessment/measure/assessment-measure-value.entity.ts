import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AdminUnit } from '../../admin-unit/admin-unit.entity';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { Evidence } from '../../evidence/evidence.entity';

/**
 * A unit's value for one measured indicator (定量指标) of a cycle's plan: the value it reported
 * with its source (an evidence file of the unit, or a reference such as a statistics bulletin's
 * 文号), and a reviewer's adjusted value with the reason (the adjusted value is the one scored).
 * The current state only: every change is also written to `assessment_measure_event`
 * (append-only), which is the record of who changed what, when and why.
 */
@Entity({ name: 'assessment_measure_value' })
@Check(
  'CHK_assessment_measure_value_source',
  `"reported_value" IS NULL OR "evidence_id" IS NOT NULL OR "source_ref" IS NOT NULL`,
)
@Check(
  'CHK_assessment_measure_value_adjust_reason',
  `"adjusted_value" IS NULL OR "adjust_reason" IS NOT NULL`,
)
export class AssessmentMeasureValue {
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

  /** The indicator's id in the plan (plans are versioned jsonb; ids are stable across versions). */
  @PrimaryColumn({ name: 'indicator_id', type: 'varchar', length: 64 })
  indicatorId!: string;

  /** numeric: returned by pg as a string. */
  @Column({ name: 'reported_value', type: 'numeric', precision: 18, scale: 4, nullable: true })
  reportedValue!: string | null;

  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId!: string | null;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Evidence;

  /** The source document when it is not an uploaded file: 文号, bulletin, statistics table. */
  @Column({ name: 'source_ref', type: 'text', nullable: true })
  sourceRef!: string | null;

  @Column({ name: 'reported_by', type: 'varchar', length: 64, nullable: true })
  reportedBy!: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt!: Date | null;

  @Column({ name: 'adjusted_value', type: 'numeric', precision: 18, scale: 4, nullable: true })
  adjustedValue!: string | null;

  @Column({ name: 'adjust_reason', type: 'text', nullable: true })
  adjustReason!: string | null;

  @Column({ name: 'adjusted_by', type: 'varchar', length: 64, nullable: true })
  adjustedBy!: string | null;

  @Column({ name: 'adjusted_at', type: 'timestamptz', nullable: true })
  adjustedAt!: Date | null;
}
