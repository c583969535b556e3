import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';

export type CycleState = 'open' | 'closed';

/**
 * 考核年度: one assessment year over one regulation version in one province; its tasks are
 * generated from the tracked duties for the units of that province.
 */
@Entity({ name: 'assessment_cycle' })
@Index(
  'UQ_assessment_cycle_year_version_province',
  ['year', 'regulationVersionId', 'provinceCode'],
  {
    unique: true,
  },
)
@Check('CHK_assessment_cycle_province', `"province_code" ~ '^[1-9][0-9]0000$'`)
@Check('CHK_assessment_cycle_state', `"state" IN ('open', 'closed')`)
@Check('CHK_assessment_cycle_dates', `"start_date" <= "due_date"`)
export class AssessmentCycle {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'regulation_version_id', type: 'uuid' })
  regulationVersionId!: string;

  @ManyToOne(() => RegulationVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulation_version_id' })
  regulationVersion?: RegulationVersion;

  /** The province (XX0000) whose units the cycle's tasks are for. */
  @Column({ name: 'province_code', type: 'varchar', length: 12 })
  provinceCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: AdminUnit;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** Default due date of the cycle's tasks (a duty may override it). */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  state!: CycleState;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'closed_by', type: 'varchar', length: 64, nullable: true })
  closedBy!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
