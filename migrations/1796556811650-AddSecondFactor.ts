import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second factor (issue 15): the last TOTP step a user's code was accepted for (a code is
 * refused the second time), when TOTP was turned on, single-use recovery codes (SHA-256 only),
 * and a session's pending step (verify a code, or enrol) before it is a full session.
 */
export class AddSecondFactor1796556811650 implements MigrationInterface {
  name = 'AddSecondFactor1796556811650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD "totp_last_step" bigint');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "user_session" ADD "second_factor" character varying(10)');
    await queryRunner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "CHK_user_session_second_factor" CHECK ("second_factor" IS NULL OR "second_factor" IN (\'verify\', \'enrol\'))',
    );
    await queryRunner.query(
      'CREATE TABLE "mfa_recovery_code" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_mfa_recovery_code" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_mfa_recovery_code_user_hash" ON "mfa_recovery_code" ("user_id", "code_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "mfa_recovery_code" ADD CONSTRAINT "FK_mfa_recovery_code_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "mfa_recovery_code" DROP CONSTRAINT "FK_mfa_recovery_code_user"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_mfa_recovery_code_user_hash"');
    await queryRunner.query('DROP TABLE "mfa_recovery_code"');
    await queryRunner.query(
      'ALTER TABLE "user_session" DROP CONSTRAINT "CHK_user_session_second_factor"',
    );
    await queryRunner.query('ALTER TABLE "user_session" DROP COLUMN "second_factor"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "totp_enabled_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "totp_last_step"');
  }
}
