import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 签收 and 转办 (issue 16, items 4 and 6).
 *
 * - `task.acknowledged_at/by`: null means 待签收 (the lead department has not acknowledged the
 *   assignment). Tasks that already show operator activity in their history count as
 *   acknowledged at their first such event (a county operator cannot have worked on a task
 *   without receiving it); the others stay 待签收.
 * - `task_reassignment`: requests to move a task's lead department (PENDING → APPROVED or
 *   REJECTED) and supervisors' direct reassignments (APPLIED at once). One pending request per
 *   task. A task with an APPROVED or APPLIED row was placed by a person, so a later change of the
 *   duty's lead department does not move it (propagation skips it).
 * The application role gets its privileges from the start-up grant (all tables of the schema).
 */
/** Existing tasks a county operator already worked on count as acknowledged at their first such event. */
export const ACKNOWLEDGE_WORKED_TASKS_SQL = `UPDATE "task" t SET "acknowledged_at" = f.occurred_at, "acknowledged_by" = f.actor_username
   FROM (SELECT DISTINCT ON (e.task_id) e.task_id, e.occurred_at, e.actor_username
           FROM "task_event" e
           JOIN "app_user" u ON u.username = e.actor_username AND u.role = 'COUNTY_OPERATOR'
          ORDER BY e.task_id, e.id) f
  WHERE f.task_id = t.id AND t."acknowledged_at" IS NULL`;

export class AddTaskAcknowledgementAndReassignment1796600200000 implements MigrationInterface {
  name = 'AddTaskAcknowledgementAndReassignment1796600200000';
  /** The backfill on its own (the integration test runs it against tasks it prepared). */
  static readonly acknowledgeWorkedTasksSql = ACKNOWLEDGE_WORKED_TASKS_SQL;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task" ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE, ADD "acknowledged_by" character varying(64)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_unacknowledged" ON "task" ("cycle_id", "unit_code") WHERE "acknowledged_at" IS NULL AND "retired_at" IS NULL',
    );
    await queryRunner.query(ACKNOWLEDGE_WORKED_TASKS_SQL);
    await queryRunner.query(
      `CREATE TABLE "task_reassignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "from_department_id" uuid NOT NULL, "to_department_id" uuid NOT NULL, "reason" text NOT NULL, "requested_by" character varying(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(10) NOT NULL, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_task_reassignment_kind" CHECK ("kind" IN ('REQUEST', 'DIRECT')), CONSTRAINT "CHK_task_reassignment_status" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED', 'APPLIED')), CONSTRAINT "CHK_task_reassignment_departments" CHECK ("from_department_id" <> "to_department_id"), CONSTRAINT "CHK_task_reassignment_decided" CHECK (("status" = 'PENDING') = ("decided_at" IS NULL)), CONSTRAINT "CHK_task_reassignment_applied" CHECK (("status" IN ('APPROVED', 'APPLIED')) = ("applied_at" IS NOT NULL)), CONSTRAINT "CHK_task_reassignment_direct" CHECK ("kind" = 'REQUEST' OR "status" = 'APPLIED'), CONSTRAINT "PK_task_reassignment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_reassignment_task" ON "task_reassignment" ("task_id", "requested_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_reassignment_pending" ON "task_reassignment" ("cycle_id", "unit_code") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_task_reassignment_one_pending" ON "task_reassignment" ("task_id") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'ALTER TABLE "task_reassignment" ADD CONSTRAINT "FK_task_reassignment_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_reassignment" ADD CONSTRAINT "FK_task_reassignment_from" FOREIGN KEY ("from_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_reassignment" ADD CONSTRAINT "FK_task_reassignment_to" FOREIGN KEY ("to_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "task_reassignment"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_unacknowledged"');
    await queryRunner.query(
      'ALTER TABLE "task" DROP COLUMN "acknowledged_by", DROP COLUMN "acknowledged_at"',
    );
  }
}
