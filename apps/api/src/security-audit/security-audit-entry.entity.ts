import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChainLinked } from '../integrity/chain-linked';

export type AuditResult = 'success' | 'failure' | 'denied';

/**
 * Security audit log (安全审计日志). Append-only: a trigger (see the migration) rejects UPDATE,
 * TRUNCATE and any DELETE except the retention purge of rows older than the retention period
 * (never less than 184 days).
 */
@Entity({ name: 'security_audit_log' })
@Index('IDX_security_audit_log_time', ['occurredAt'])
@Index('IDX_security_audit_log_action', ['action', 'occurredAt'])
@Check('CHK_security_audit_log_result', `"result" IN ('success', 'failure', 'denied')`)
export class SecurityAuditEntry extends ChainLinked {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** UTC. */
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername!: string | null;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target!: string | null;

  @Column({ type: 'varchar', length: 10 })
  result!: AuditResult;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
