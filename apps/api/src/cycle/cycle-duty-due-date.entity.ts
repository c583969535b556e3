import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssessmentCycle } from './assessment-cycle.entity';

/** A per-duty due date overriding the cycle's default (by duty lineage, so it survives versions). */
@Entity({ name: 'cycle_duty_due_date' })
export class CycleDutyDueDate {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: AssessmentCycle;

  @PrimaryColumn({ name: 'duty_lineage_id', type: 'uuid' })
  dutyLineageId!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;
}
