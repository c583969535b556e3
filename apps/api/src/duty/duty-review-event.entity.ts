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
import { Duty } from './duty.entity';

export type DutyEventKind =
  'extracted' | 'carried_over' | 'reviewed' | 'mapping_confirmed' | 'mapping_rejected';

/**
 * Who changed what on a duty and when: the before/after of every review and carry-over, and every
 * decision on a suggested mapping to a duty of the previous version.
 */
@Entity({ name: 'duty_review_event' })
@Index('IDX_duty_review_event_duty', ['dutyId', 'createdAt'])
@Check(
  'CHK_duty_review_event_kind',
  `"kind" IN ('extracted', 'carried_over', 'reviewed', 'mapping_confirmed', 'mapping_rejected')`,
)
export class DutyReviewEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId!: string;

  @ManyToOne(() => Duty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'duty_id' })
  duty?: Duty;

  @Column({ type: 'varchar', length: 20 })
  kind!: DutyEventKind;

  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
