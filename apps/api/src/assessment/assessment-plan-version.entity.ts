import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentPlan } from '@duty/assessment/scoring';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';

/**
 * 考核方案: one saved version of a cycle's assessment plan. Immutable (a trigger refuses UPDATE
 * and DELETE): editing saves the next version, so every frozen result names the exact plan it
 * was computed with. Indicators refer to duty lineages (stable across regulation versions).
 */
@Entity({ name: 'assessment_plan_version' })
@Index('UQ_assessment_plan_version', ['cycleId', 'version'], { unique: true })
export class AssessmentPlanVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  plan!: AssessmentPlan;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
