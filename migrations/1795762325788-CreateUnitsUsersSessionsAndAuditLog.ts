import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnitsUsersSessionsAndAuditLog1795762325788 implements MigrationInterface {
  name = 'CreateUnitsUsersSessionsAndAuditLog1795762325788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "admin_unit" ("code" character varying(12) NOT NULL, "name" character varying(100) NOT NULL, "level" character varying(20) NOT NULL, "parent_code" character varying(12), "directly_administered" boolean NOT NULL DEFAULT false, "kind" character varying(20) NOT NULL, "sort_order" integer NOT NULL, "data_edition" character varying(100) NOT NULL, CONSTRAINT "CHK_admin_unit_level" CHECK ("level" IN (\'province\', \'prefecture\', \'county\')), CONSTRAINT "PK_6a97e677c51e67f2b107fbb9fd7" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_admin_unit_parent" ON "admin_unit"  ("parent_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_code" character varying(12) NOT NULL, "kind_code" character varying(50) NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_department_unit_kind" ON "department"  ("unit_code", "kind_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "password_hash" character varying(300) NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "must_change_password" boolean NOT NULL DEFAULT true, "role" character varying(40), "unit_code" character varying(12), "department_id" uuid, "disabled" boolean NOT NULL DEFAULT false, "failed_sign_ins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "totp_enabled" boolean NOT NULL DEFAULT false, "totp_secret_encrypted" text, "demo_account" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_app_user_binding" CHECK (("role" IS NULL AND "unit_code" IS NULL AND "department_id" IS NULL)\n   OR ("role" IN (\'SYSTEM_ADMIN\', \'SECURITY_ADMIN\', \'AUDIT_ADMIN\', \'PROVINCIAL_SUPERVISOR\') AND "unit_code" IS NULL AND "department_id" IS NULL)\n   OR ("role" = \'PREFECTURE_SUPERVISOR\' AND "unit_code" IS NOT NULL AND "department_id" IS NULL)\n   OR ("role" = \'COUNTY_OPERATOR\' AND "unit_code" IS NOT NULL AND "department_id" IS NOT NULL)\n   OR ("role" = \'AUDITOR\' AND "department_id" IS NULL)), CONSTRAINT "CHK_app_user_role" CHECK ("role" IS NULL OR "role" IN (\'SYSTEM_ADMIN\', \'SECURITY_ADMIN\', \'AUDIT_ADMIN\', \'PROVINCIAL_SUPERVISOR\', \'PREFECTURE_SUPERVISOR\', \'COUNTY_OPERATOR\', \'AUDITOR\')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_app_user_username" ON "app_user"  ("username") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(40), "ip" character varying(64), "user_agent" character varying(300), CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_user_session_user" ON "user_session"  ("user_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_user_session_token" ON "user_session"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "security_audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_username" character varying(64), "action" character varying(40) NOT NULL, "target" character varying(200), "result" character varying(10) NOT NULL, "ip" character varying(64), "detail" jsonb, CONSTRAINT "CHK_security_audit_log_result" CHECK ("result" IN (\'success\', \'failure\', \'denied\')), CONSTRAINT "PK_b856a8fa4ac0a3805780f4126d7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_security_audit_log_action" ON "security_audit_log"  ("action", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_security_audit_log_time" ON "security_audit_log"  ("occurred_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "admin_unit" ADD CONSTRAINT "FK_717cb023bf52c8ab5135dbf0474" FOREIGN KEY ("parent_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "department" ADD CONSTRAINT "FK_e70442cdc0d04b5dadac4e328f2" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "department" ADD CONSTRAINT "FK_d3c01c6de6427d7142063793898" FOREIGN KEY ("kind_code") REFERENCES "department_kind"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_0122a66661fd91a1fb17fb45175" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_7bbda4c333c1da023d2f2ae7320" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    // The security audit log is append-only (MLPS 2.0): UPDATE and TRUNCATE are always refused;
    // DELETE only for rows older than a retention period of at least 184 days, which the
    // purge announces for its own transaction (set_config('duty.audit_retention_days', …, true)).
    await queryRunner.query(`
      CREATE FUNCTION security_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        retention_days integer;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          retention_days := NULLIF(current_setting('duty.audit_retention_days', true), '')::integer;
          IF retention_days IS NOT NULL AND retention_days >= 184
             AND OLD.occurred_at < now() - make_interval(days => retention_days) THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'security_audit_log is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER security_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON security_audit_log FOR EACH ROW EXECUTE FUNCTION security_audit_log_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER security_audit_log_no_truncate BEFORE TRUNCATE ON security_audit_log FOR EACH STATEMENT EXECUTE FUNCTION security_audit_log_append_only()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER security_audit_log_no_truncate ON security_audit_log');
    await queryRunner.query(
      'DROP TRIGGER security_audit_log_no_update_delete ON security_audit_log',
    );
    await queryRunner.query('DROP FUNCTION security_audit_log_append_only()');
    await queryRunner.query(
      'ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" DROP CONSTRAINT "FK_7bbda4c333c1da023d2f2ae7320"',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" DROP CONSTRAINT "FK_0122a66661fd91a1fb17fb45175"',
    );
    await queryRunner.query(
      'ALTER TABLE "department" DROP CONSTRAINT "FK_d3c01c6de6427d7142063793898"',
    );
    await queryRunner.query(
      'ALTER TABLE "department" DROP CONSTRAINT "FK_e70442cdc0d04b5dadac4e328f2"',
    );
    await queryRunner.query(
      'ALTER TABLE "admin_unit" DROP CONSTRAINT "FK_717cb023bf52c8ab5135dbf0474"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_security_audit_log_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_security_audit_log_action"');
    await queryRunner.query('DROP TABLE "security_audit_log"');
    await queryRunner.query('DROP INDEX "public"."UQ_user_session_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_user_session_user"');
    await queryRunner.query('DROP TABLE "user_session"');
    await queryRunner.query('DROP INDEX "public"."UQ_app_user_username"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "public"."UQ_department_unit_kind"');
    await queryRunner.query('DROP TABLE "department"');
    await queryRunner.query('DROP INDEX "public"."IDX_admin_unit_parent"');
    await queryRunner.query('DROP TABLE "admin_unit"');
  }
}
