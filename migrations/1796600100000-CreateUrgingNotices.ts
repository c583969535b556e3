import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三色督办单 (issue 16): numbered urging notices on tasks, a per-year number counter, and a
 * trigger that closes a task's open notices when the task is submitted, verified or retired
 * (whoever changes the task, the notices follow; a returned task may be urged again).
 * The application role gets its rights from grantAppPrivileges (all tables, no withheld ones:
 * notices are updated when acknowledged, answered, escalated and closed).
 */
export class CreateUrgingNotices1796600100000 implements MigrationInterface {
  name = 'CreateUrgingNotices1796600100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "urging_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(64) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "colour" character varying(8) NOT NULL, "origin" character varying(8) NOT NULL, "reason_code" character varying(32) NOT NULL, "text" text NOT NULL, "issued_on" date NOT NULL, "answer_due" date NOT NULL, "issued_by" character varying(64) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "supersedes_id" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" character varying(64), "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" character varying(64), "answer" text, "deduction" numeric(5,2) NOT NULL DEFAULT '0', "escalated_to" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" character varying(16), CONSTRAINT "CHK_urging_notice_colour" CHECK ("colour" IN ('BLUE', 'ORANGE', 'RED')), CONSTRAINT "CHK_urging_notice_origin" CHECK ("origin" IN ('AUTO', 'MANUAL')), CONSTRAINT "CHK_urging_notice_reason" CHECK ("reason_code" IN ('BEHIND_SCHEDULE', 'OVERDUE', 'UNANSWERED_BLUE', 'UNANSWERED_ORANGE', 'ORDERED')), CONSTRAINT "CHK_urging_notice_close_reason" CHECK ("close_reason" IS NULL OR "close_reason" IN ('TASK_SUBMITTED', 'TASK_VERIFIED', 'TASK_RETIRED', 'ESCALATED')), CONSTRAINT "CHK_urging_notice_closed" CHECK (("closed_at" IS NULL) = ("close_reason" IS NULL)), CONSTRAINT "CHK_urging_notice_answered" CHECK ("answered_at" IS NULL OR "acknowledged_at" IS NOT NULL), CONSTRAINT "CHK_urging_notice_deduction" CHECK ("deduction" >= 0), CONSTRAINT "PK_urging_notice" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_urging_notice_number" ON "urging_notice" ("number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_urging_notice_year_seq" ON "urging_notice" ("year", "seq") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_urging_notice_task" ON "urging_notice" ("task_id", "issued_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_urging_notice_cycle_unit" ON "urging_notice" ("cycle_id", "unit_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_urging_notice_open" ON "urging_notice" ("cycle_id", "task_id") WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "urging_number_counter" ("year" integer NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "PK_urging_number_counter" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "urging_notice" ADD CONSTRAINT "FK_urging_notice_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "urging_notice" ADD CONSTRAINT "FK_urging_notice_unit" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "urging_notice" ADD CONSTRAINT "FK_urging_notice_cycle" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "urging_notice" ADD CONSTRAINT "FK_urging_notice_escalated_to" FOREIGN KEY ("escalated_to") REFERENCES "urging_notice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // A task that reaches SUBMITTED or VERIFIED, or is retired, closes its open notices, whatever
    // code path changed it (task updates, bulk updates, spreadsheet imports, regeneration).
    await queryRunner.query(`
      CREATE FUNCTION urging_close_on_task_done() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE urging_notice
           SET closed_at = now(),
               close_reason = CASE
                 WHEN NEW.retired_at IS NOT NULL THEN 'TASK_RETIRED'
                 WHEN NEW.status = 'VERIFIED' THEN 'TASK_VERIFIED'
                 ELSE 'TASK_SUBMITTED' END
         WHERE task_id = NEW.id AND closed_at IS NULL;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER urging_close_on_task_done AFTER UPDATE OF status, retired_at ON task FOR EACH ROW
        WHEN (NEW.status IN ('SUBMITTED', 'VERIFIED') OR NEW.retired_at IS NOT NULL)
        EXECUTE FUNCTION urging_close_on_task_done()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER urging_close_on_task_done ON task');
    await queryRunner.query('DROP FUNCTION urging_close_on_task_done()');
    await queryRunner.query(
      'ALTER TABLE "urging_notice" DROP CONSTRAINT "FK_urging_notice_escalated_to"',
    );
    await queryRunner.query('ALTER TABLE "urging_notice" DROP CONSTRAINT "FK_urging_notice_cycle"');
    await queryRunner.query('ALTER TABLE "urging_notice" DROP CONSTRAINT "FK_urging_notice_unit"');
    await queryRunner.query('ALTER TABLE "urging_notice" DROP CONSTRAINT "FK_urging_notice_task"');
    await queryRunner.query('DROP TABLE "urging_number_counter"');
    await queryRunner.query('DROP INDEX "public"."IDX_urging_notice_open"');
    await queryRunner.query('DROP INDEX "public"."IDX_urging_notice_cycle_unit"');
    await queryRunner.query('DROP INDEX "public"."IDX_urging_notice_task"');
    await queryRunner.query('DROP INDEX "public"."UQ_urging_notice_year_seq"');
    await queryRunner.query('DROP INDEX "public"."UQ_urging_notice_number"');
    await queryRunner.query('DROP TABLE "urging_notice"');
  }
}
