import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Department } from '../admin-unit/department.entity';
import { Role } from '../auth/role';

const ROLES = Object.values(Role)
  .map((r) => `'${r}'`)
  .join(', ');

/**
 * A person who signs in. The role binding (role + unit + department) is checked in the user
 * service against the unit levels; the constraints here keep the shape right even for SQL
 * written by hand.
 */
@Entity({ name: 'app_user' })
@Index('UQ_app_user_username', ['username'], { unique: true })
@Index('UQ_app_user_external_subject', ['externalSubject'], {
  unique: true,
  where: '"external_subject" IS NOT NULL',
})
@Check('CHK_app_user_role', `"role" IS NULL OR "role" IN (${ROLES})`)
@Check(
  'CHK_app_user_binding',
  `("role" IS NULL AND "unit_code" IS NULL AND "department_id" IS NULL)
   OR ("role" IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'NATIONAL_SUPERVISOR') AND "unit_code" IS NULL AND "department_id" IS NULL)
   OR ("role" = 'PROVINCIAL_SUPERVISOR' AND "department_id" IS NULL)
   OR ("role" = 'PREFECTURE_SUPERVISOR' AND "unit_code" IS NOT NULL AND "department_id" IS NULL)
   OR ("role" = 'COUNTY_OPERATOR' AND "unit_code" IS NOT NULL AND "department_id" IS NOT NULL)
   OR ("role" = 'AUDITOR' AND "department_id" IS NULL)`,
)
@Check(
  'CHK_app_user_scope_provinces',
  `"scope_province_codes" IS NULL
   OR (("role" = 'NATIONAL_SUPERVISOR' OR ("role" = 'AUDITOR' AND "unit_code" IS NULL))
       AND array_position("scope_province_codes", NULL) IS NULL
       AND array_to_string("scope_province_codes", ',') ~ '^([1-9][0-9]0000(,[1-9][0-9]0000)*)?$')`,
)
@Check(
  'CHK_app_user_phone',
  `"phone" IS NULL OR "phone" ~ '^\\+?[0-9][0-9 -]{4,24}([ ]?转[0-9]{1,6})?$'`,
)
export class AppUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; sign-in is case-insensitive. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  /** 单位/科室 shown next to the name (e.g. 恩施州市场监督管理局质量发展科); free text. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  office!: string | null;

  /** Office phone, optional (CHK_app_user_phone; the service normalises spacing). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 300 })
  passwordHash!: string;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;

  /** Set at creation and by an admin reset: the next sign-in must change the password first. */
  @Column({ name: 'must_change_password', type: 'boolean', default: true })
  mustChangePassword!: boolean;

  @Column({ type: 'varchar', length: 40, nullable: true })
  role!: Role | null;

  @Column({ name: 'unit_code', type: 'varchar', length: 12, nullable: true })
  unitCode!: string | null;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit | null;

  /**
   * The provinces (XX0000) a NATIONAL_SUPERVISOR or an AUDITOR without a unit is limited to;
   * null: the whole country. Each is an existing province unit (checked by the user service).
   */
  @Column({
    name: 'scope_province_codes',
    type: 'varchar',
    length: 6,
    array: true,
    nullable: true,
  })
  scopeProvinceCodes!: string[] | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'failed_sign_ins', type: 'int', default: 0 })
  failedSignIns!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  /** Second factor (RFC 6238 TOTP), optional per user; the secret is stored encrypted when enabled. */
  @Column({ name: 'totp_enabled', type: 'boolean', default: false })
  totpEnabled!: boolean;

  /**
   * AES-256-GCM sealed base32 secret (key in MFA_KEY_FILE, outside the database). While
   * totp_enabled is false it is the secret of an enrolment not yet confirmed.
   */
  @Column({ name: 'totp_secret_encrypted', type: 'text', nullable: true })
  totpSecretEncrypted!: string | null;

  /** The last 30-second step a code was accepted for: that step and earlier ones are refused. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** Created by the demo seed: checked at start-up in production (no documented password may remain). */
  @Column({ name: 'demo_account', type: 'boolean', default: false })
  demoAccount!: boolean;

  /** Where email notifications go (set by the user in the notification settings). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** Quiet hours for email and webhook notifications, minutes after midnight in Asia/Shanghai. */
  @Column({ name: 'quiet_hours_start', type: 'smallint', nullable: true })
  quietHoursStart!: number | null;

  @Column({ name: 'quiet_hours_end', type: 'smallint', nullable: true })
  quietHoursEnd!: number | null;

  /**
   * The value of the identity provider's matching claim (OIDC_MATCH_CLAIM) for this person:
   * set when single sign-on provisioned the account, or by the security administrator.
   */
  @Column({ name: 'external_subject', type: 'varchar', length: 255, nullable: true })
  externalSubject!: string | null;

  /**
   * An administrator account that keeps password sign-in when LOCAL_PASSWORD_SIGN_IN is
   * break-glass (for when the identity provider is down).
   */
  @Column({ name: 'break_glass', type: 'boolean', default: false })
  breakGlass!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
