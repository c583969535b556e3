import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Role } from '../auth/role';
import { AppUser } from './user.entity';

export type PasswordResetRequestStatus = 'pending' | 'approved' | 'rejected' | 'expired';

/**
 * A request to reset a privileged account's password (dual control): one administrator asks,
 * with a reason; a security administrator who is neither the requester nor the account decides.
 * The temporary password is never stored: it exists only in the approval's answer. The CHECK
 * constraints repeat the service's rules so that hand-written SQL cannot skip the second person.
 */
@Entity({ name: 'password_reset_request' })
@Index('UQ_password_reset_request_one_pending', ['targetUserId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
@Index('IDX_password_reset_request_status', ['status', 'requestedAt'])
@Check(
  'CHK_password_reset_request_status',
  `"status" IN ('pending', 'approved', 'rejected', 'expired')`,
)
@Check('CHK_password_reset_request_decided', `("status" = 'pending') = ("decided_at" IS NULL)`)
@Check(
  'CHK_password_reset_request_people',
  `"requested_by_id" <> "target_user_id"
   AND ("decided_by_id" IS NULL OR ("decided_by_id" <> "requested_by_id" AND "decided_by_id" <> "target_user_id"))`,
)
export class PasswordResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'target_user_id', type: 'uuid' })
  targetUserId!: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_user_id' })
  target?: AppUser;

  /** The account's role when the request was made (what made it privileged). */
  @Column({ name: 'target_role', type: 'varchar', length: 40, nullable: true })
  targetRole!: Role | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: PasswordResetRequestStatus;

  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => AppUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedByUser?: AppUser;

  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  /** After this the request can no longer be approved; it is marked expired when next seen. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => AppUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedByUser?: AppUser | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  /** When it was approved, rejected or found expired. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;
}
