import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AppUser } from '../user/user.entity';

export type SecondFactorStep = 'verify' | 'enrol';

/** How a session was opened: a local password, or single sign-on through OIDC. */
export type SessionAuthMethod = 'password' | 'oidc';

/**
 * A server-side session. Only the SHA-256 of the token is stored: a copy of the table does not
 * let anyone sign in. Ends at the idle timeout, the absolute lifetime, sign-out, or when the
 * user is disabled or their role changes.
 */
@Entity({ name: 'user_session' })
@Index('UQ_user_session_token', ['tokenHash'], { unique: true })
@Index('IDX_user_session_user', ['userId'])
@Check(
  'CHK_user_session_second_factor',
  `"second_factor" IS NULL OR "second_factor" IN ('verify', 'enrol')`,
)
@Check('CHK_user_session_auth_method', `"auth_method" IN ('password', 'oidc')`)
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute end of life (created + absolute lifetime). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** sign_out, idle_timeout, absolute_timeout, user_disabled, role_changed, password_changed, password_reset */
  @Column({ name: 'revoke_reason', type: 'varchar', length: 40, nullable: true })
  revokeReason!: string | null;

  /**
   * A step the session still owes after the password: `verify` a code, or `enrol` a second
   * factor the role requires. Until it is null the session can do nothing else, and it lives
   * only SECOND_FACTOR_PENDING_MS.
   */
  @Column({ name: 'second_factor', type: 'varchar', length: 10, nullable: true })
  secondFactor!: SecondFactorStep | null;

  /** oidc: the password's age and the local second factor do not apply (the provider's). */
  @Column({ name: 'auth_method', type: 'varchar', length: 10, default: 'password' })
  authMethod!: SessionAuthMethod;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;
}
