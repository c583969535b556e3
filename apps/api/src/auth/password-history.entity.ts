import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from '../user/user.entity';

/**
 * Hashes of the passwords a user chose (never of temporary passwords an administrator set), so
 * that a new password can be refused when it is one of the last PASSWORD_HISTORY (MLPS 2.0
 * level 3: 口令定期更换, which a user could otherwise defeat by changing back). Only the newest
 * PASSWORD_HISTORY rows per user are kept; the rows go with the user.
 */
@Entity({ name: 'password_history' })
@Index('IDX_password_history_user', ['userId', 'id'])
export class PasswordHistoryEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;

  /** The same self-describing scrypt format as app_user.password_hash. */
  @Column({ name: 'password_hash', type: 'varchar', length: 300 })
  passwordHash!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
