import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, item 3: single sign-on through an OpenID Connect provider. An account can carry
 * the value of the provider's matching claim (external_subject, unique when set); accounts
 * flagged break_glass keep password sign-in when LOCAL_PASSWORD_SIGN_IN=break-glass; a session
 * records how it was opened (a password expiry does not concern an OIDC session).
 */
export class AddSingleSignOn1796850000000 implements MigrationInterface {
  name = 'AddSingleSignOn1796850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "external_subject" character varying(255)`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "break_glass" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_app_user_external_subject" ON "app_user" ("external_subject") WHERE "external_subject" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD "auth_method" character varying(10) NOT NULL DEFAULT 'password'`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "CHK_user_session_auth_method" CHECK ("auth_method" IN ('password', 'oidc'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user_session" DROP CONSTRAINT "CHK_user_session_auth_method"`,
    );
    await queryRunner.query(`ALTER TABLE "user_session" DROP COLUMN "auth_method"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_external_subject"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "break_glass"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "external_subject"`);
  }
}
