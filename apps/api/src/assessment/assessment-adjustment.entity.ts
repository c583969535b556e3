import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';

export type AdjustmentKind = 'bonus' | 'deduction' | 'remark';

/**
 * A supervisor's entry on one unit's assessment: 加分项 (bonus), 扣分 (deduction) or a remark
 * (督导意见, 0 points), always with a reason. Never deleted: a mistaken entry is revoked with a
 * reason and stays on record.
 */
@Entity({ name: 'assessment_adjustment' })
@Index('IDX_assessment_adjustment_unit', ['cycleId', 'unitCode'])
@Check('CHK_assessment_adjustment_kind', `"kind" IN ('bonus', 'deduction', 'remark')`)
@Check(
  'CHK_assessment_adjustment_points',
  `("kind" = 'remark' AND "points" = 0) OR ("kind" <> 'remark' AND "points" > 0)`,
)
export class AssessmentAdjustment {
  @PrimaryGeneratedColumn('uuid')
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

  @Column({ type: 'varchar', length: 10 })
  kind!: AdjustmentKind;

  /** Points (two decimals). numeric: returned by pg as a string. */
  @Column({ type: 'numeric', precision: 6, scale: 2 })
  points!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason!: string | null;
}
