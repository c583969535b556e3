import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset requests for privileged accounts (dual control, issue 15 finding 1): who asked,
 * why, who decided and when. The CHECK constraints keep the requester, the approver and the
 * account three different people even for SQL written by hand. No password is stored.
 */
export class CreatePasswordResetRequests1796549767700 implements MigrationInterface {
  name = 'CreatePasswordResetRequests1796549767700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_reset_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "target_user_id" uuid NOT NULL, "target_role" character varying(40), "reason" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'pending\', "requested_by_id" uuid NOT NULL, "requested_by" character varying(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by_id" uuid, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, CONSTRAINT "CHK_password_reset_request_people" CHECK ("requested_by_id" <> "target_user_id"\n   AND ("decided_by_id" IS NULL OR ("decided_by_id" <> "requested_by_id" AND "decided_by_id" <> "target_user_id"))), CONSTRAINT "CHK_password_reset_request_decided" CHECK (("status" = \'pending\') = ("decided_at" IS NULL)), CONSTRAINT "CHK_password_reset_request_status" CHECK ("status" IN (\'pending\', \'approved\', \'rejected\', \'expired\')), CONSTRAINT "PK_fcf4b02eae1403a2edaf87fd074" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_password_reset_request_status" ON "password_reset_request"  ("status", "requested_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_password_reset_request_one_pending" ON "password_reset_request"  ("target_user_id") WHERE "status" = \'pending\'',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_request" ADD CONSTRAINT "FK_f5c25fcc1bb7a2291d942acc998" FOREIGN KEY ("target_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_request" ADD CONSTRAINT "FK_698570c69441637fa31195a9544" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_request" ADD CONSTRAINT "FK_f3534b56bbbb5e7c569ba663c29" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "password_reset_request" DROP CONSTRAINT "FK_f3534b56bbbb5e7c569ba663c29"',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_request" DROP CONSTRAINT "FK_698570c69441637fa31195a9544"',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_request" DROP CONSTRAINT "FK_f5c25fcc1bb7a2291d942acc998"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_password_reset_request_one_pending"');
    await queryRunner.query('DROP INDEX "public"."IDX_password_reset_request_status"');
    await queryRunner.query('DROP TABLE "password_reset_request"');
  }
}
