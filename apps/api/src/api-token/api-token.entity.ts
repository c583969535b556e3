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
import { AppUser } from '../user/user.entity';

/** What a machine token may read (see ApiTokenScope in dto/api-token.models.ts). */
export const API_TOKEN_SCOPES = ['ANALYTICS_READ', 'EVIDENCE_METADATA_READ'] as const;
export type ApiTokenScopeValue = (typeof API_TOKEN_SCOPES)[number];

/**
 * A machine API token (issue 19): named, scoped, expiring, bound to one unit's subtree, issued
 * by a security administrator. Only the SHA-256 of the token is stored; `publicId` (part of
 * the token) finds the row. Never deleted: a revoked or expired token stays on record with its
 * use count, and its uses stay in the security audit log.
 */
@Entity({ name: 'api_token' })
@Index('UQ_api_token_public_id', ['publicId'], { unique: true })
@Index('IDX_api_token_created', ['createdAt'])
@Check(
  'CHK_api_token_scopes',
  `cardinality("scopes") > 0 AND "scopes" <@ ARRAY['ANALYTICS_READ', 'EVIDENCE_METADATA_READ']::varchar[]`,
)
@Check('CHK_api_token_expiry', `"expires_at" > "created_at"`)
@Check('CHK_api_token_revoked', `("revoked_at" IS NULL) = ("revoked_by" IS NULL)`)
@Check('CHK_api_token_rate', `"rate_limit_per_minute" BETWEEN 1 AND 600`)
@Check('CHK_api_token_secret_hash', `"secret_hash" ~ '^[0-9a-f]{64}$'`)
export class ApiToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_token' })
  id!: string;

  /** 12 hex characters, the token's public part (`dtk_<publicId>_<secret>`). */
  @Column({ name: 'public_id', type: 'varchar', length: 12 })
  publicId!: string;

  /** SHA-256 (hex) of the whole token. */
  @Column({ name: 'secret_hash', type: 'char', length: 64, select: false })
  secretHash!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 40, array: true })
  scopes!: ApiTokenScopeValue[];

  /** The unit whose subtree (the unit and every unit under it) the token may read. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'FK_api_token_unit' })
  unit?: AdminUnit;

  @Column({ name: 'rate_limit_per_minute', type: 'int', default: 60 })
  rateLimitPerMinute!: number;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => AppUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_api_token_created_by' })
  creator?: AppUser;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  /** Requests admitted (authenticated, in scope, within the rate limit). */
  @Column({ name: 'use_count', type: 'int', default: 0 })
  useCount!: number;

  /** Token bucket of the rate limit: requests left, as of `rateRefilledAt` (null: full). */
  @Column({ name: 'rate_tokens', type: 'double precision', nullable: true, select: false })
  rateTokens?: number | null;

  @Column({ name: 'rate_refilled_at', type: 'timestamptz', nullable: true, select: false })
  rateRefilledAt?: Date | null;
}
