import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ChainLinked } from '../integrity/chain-linked';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';

/**
 * A frozen result set: the scores of every unit computed when a cycle was closed — who closed
 * it, when, with which plan version, and a SHA-256 over the result rows. Append-only (a trigger
 * refuses any change except recording, once, that a reopening superseded it). Reopening a cycle
 * needs a reason; the next close freezes a new version.
 */
@Entity({ name: 'assessment_result_set' })
@Index('UQ_assessment_result_set_version', ['cycleId', 'version'], { unique: true })
export class AssessmentResultSet extends ChainLinked {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @Column({ type: 'int' })
  version!: number;

  /** 0: the default plan (none saved). */
  @Column({ name: 'plan_version', type: 'int' })
  planVersion!: number;

  @Column({ name: 'closed_by', type: 'varchar', length: 64 })
  closedBy!: string;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;

  /** The day scores were computed as of (overdue rule), YYYY-MM-DD. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ name: 'rows_sha256', type: 'char', length: 64 })
  rowsSha256!: string;

  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ name: 'reopened_by', type: 'varchar', length: 64, nullable: true })
  reopenedBy!: string | null;

  @Column({ name: 'reopen_reason', type: 'text', nullable: true })
  reopenReason!: string | null;
}

/** One unit's frozen score in a result set (append-only). */
@Entity({ name: 'assessment_result' })
export class AssessmentResult extends ChainLinked {
  @PrimaryColumn({ name: 'result_set_id', type: 'uuid' })
  resultSetId!: string;

  @ManyToOne(() => AssessmentResultSet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'result_set_id' })
  resultSet?: AssessmentResultSet;

  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  /** Ranking level: province, prefecture or county (province-administered units rank as counties). */
  @Column({ name: 'rank_level', type: 'varchar', length: 12 })
  rankLevel!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score!: string;

  @Column({ type: 'varchar', length: 20 })
  grade!: string;

  @Column({ type: 'int' })
  rank!: number;

  /** The unit's full score (breakdown per indicator and task, deductions, bonus). */
  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;
}
