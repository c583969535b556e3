import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { ChainLinked } from '../integrity/chain-linked';

/**
 * A task's history (履职记录): every change as one row — who, when, what changed (before and
 * after), reason, source IP. Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE.
 *
 * Partitioned by cycle (migration PartitionTaskHistoryByCycle): one partition per cycle, created
 * with the cycle; the key is (id, cycle_id). A statement about one cycle's history should name
 * the cycle (`cycle_id = …`), so that it reads that cycle's partition only.
 */
@Entity({ name: 'task_event' })
@Index('IDX_task_event_task', ['taskId', 'id'])
@Index('IDX_task_event_unit_time', ['unitCode', 'occurredAt'])
@Index('IDX_task_event_time', ['occurredAt', 'id'])
export class TaskEvent extends ChainLinked {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'PK_task_event',
  })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  /** Denormalised for jurisdiction filters on the audit trail. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  /** The partition key. */
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid', primaryKeyConstraintName: 'PK_task_event' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_task_event_cycle' })
  cycle?: AssessmentCycle;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername!: string;

  /** created, updated, status, extension_requested, extension_decided, retired, restored, contribution */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
