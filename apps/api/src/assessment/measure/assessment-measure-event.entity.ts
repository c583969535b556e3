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

/** report: the unit's value; adjust: a reviewer's value; unadjust: the reviewer's value withdrawn. */
export type MeasureAction = 'report' | 'adjust' | 'unadjust';

/**
 * One change to a unit's measured value: who, when, in which role, the value before and after,
 * the source and the reason. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity({ name: 'assessment_measure_event' })
@Index('IDX_assessment_measure_event_unit', ['cycleId', 'unitCode', 'indicatorId'])
@Check('CHK_assessment_measure_event_action', `"action" IN ('report', 'adjust', 'unadjust')`)
export class AssessmentMeasureEvent {
  /** Insertion order (several changes can share a timestamp). */
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

  @Column({ name: 'indicator_id', type: 'varchar', length: 64 })
  indicatorId!: string;

  @Column({ type: 'varchar', length: 10 })
  action!: MeasureAction;

  /** The value this change replaced (the reported one for `report`, the adjusted one else). */
  @Column({ name: 'before_value', type: 'numeric', precision: 18, scale: 4, nullable: true })
  beforeValue!: string | null;

  @Column({ name: 'after_value', type: 'numeric', precision: 18, scale: 4, nullable: true })
  afterValue!: string | null;

  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId!: string | null;

  @Column({ name: 'source_ref', type: 'text', nullable: true })
  sourceRef!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor', type: 'varchar', length: 64 })
  actor!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
