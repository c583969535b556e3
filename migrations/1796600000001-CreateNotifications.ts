import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'TASK_ASSIGNED', 'TASK_REASSIGNED', 'TASK_RETURNED', 'TASK_VERIFIED', 'EXTENSION_DECIDED', 'COMMENT', 'INSTRUCTION', 'URGING_ISSUED', 'URGING_ESCALATED', 'DUE_SOON', 'OVERDUE', 'CYCLE_OPENED', 'CYCLE_CLOSED', 'BULLETIN_PUBLISHED', 'APPROVAL_REQUESTED', 'APPROVAL_DECIDED'`;

/**
 * Notifications (issue 16): in-app messages, per-user settings per kind and channel, the users'
 * email address and quiet hours, and the delivery outbox the dispatcher sends from.
 */
export class CreateNotifications1796600000001 implements MigrationInterface {
  name = 'CreateNotifications1796600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD "email" character varying(254)');
    await queryRunner.query('ALTER TABLE "app_user" ADD "quiet_hours_start" smallint');
    await queryRunner.query('ALTER TABLE "app_user" ADD "quiet_hours_end" smallint');
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_username" character varying(64) NOT NULL, "kind" character varying(30) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "link" character varying(500) NOT NULL, "task_id" uuid, "unit_code" character varying(12), "dedupe_key" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${KINDS})), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_notification_dedupe" ON "notification" ("recipient_username", "dedupe_key") WHERE "dedupe_key" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_recipient" ON "notification" ("recipient_username", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_unread" ON "notification" ("recipient_username") WHERE "read_at" IS NULL',
    );
    await queryRunner.query(
      `CREATE TABLE "notification_setting" ("user_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "channel" character varying(10) NOT NULL, "enabled" boolean NOT NULL, CONSTRAINT "CHK_notification_setting_kind" CHECK ("kind" IN (${KINDS})), CONSTRAINT "CHK_notification_setting_channel" CHECK ("channel" IN ('EMAIL', 'WEBHOOK')), CONSTRAINT "PK_b2594471831146499bcc8882172" PRIMARY KEY ("user_id", "kind", "channel"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "notification_setting" ADD CONSTRAINT "FK_d210b9143572b7e8179c15f5f2a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "recipient_username" character varying(64) NOT NULL, "channel" character varying(10) NOT NULL, "target" character varying(500) NOT NULL, "payload" jsonb NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_notification_delivery_channel" CHECK ("channel" IN ('EMAIL', 'WEBHOOK')), CONSTRAINT "CHK_notification_delivery_status" CHECK ("status" IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'SKIPPED')), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_delivery_due" ON "notification_delivery" ("next_attempt_at") WHERE "status" IN ('PENDING', 'SENDING')`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_delivery_log" ON "notification_delivery" ("created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_delivery_notification" ON "notification_delivery" ("notification_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notification_delivery"');
    await queryRunner.query('DROP TABLE "notification_setting"');
    await queryRunner.query('DROP TABLE "notification"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "quiet_hours_end"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "quiet_hours_start"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "email"');
  }
}
