import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCyclesTasksAndHistory1795763519338 implements MigrationInterface {
  name = 'CreateCyclesTasksAndHistory1795763519338';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_cycle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "regulation_version_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "start_date" date NOT NULL, "due_date" date NOT NULL, "state" character varying(10) NOT NULL DEFAULT \'open\', "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_by" character varying(64), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_assessment_cycle_dates" CHECK ("start_date" <= "due_date"), CONSTRAINT "CHK_assessment_cycle_state" CHECK ("state" IN (\'open\', \'closed\')), CONSTRAINT "PK_b55e500951798dba60f55528711" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_cycle_year_version" ON "assessment_cycle"  ("year", "regulation_version_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "cycle_duty_due_date" ("cycle_id" uuid NOT NULL, "duty_lineage_id" uuid NOT NULL, "due_date" date NOT NULL, CONSTRAINT "PK_f75c3393f815971876a7dcae774" PRIMARY KEY ("cycle_id", "duty_lineage_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "duty_lineage_id" uuid NOT NULL, "duty_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "lead_department_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'NOT_STARTED\', "progress_note" text NOT NULL DEFAULT \'\', "measures" text NOT NULL DEFAULT \'\', "due_date" date NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "extension_count" integer NOT NULL DEFAULT \'0\', "return_count" integer NOT NULL DEFAULT \'0\', "retired_at" TIMESTAMP WITH TIME ZONE, "row_version" integer NOT NULL DEFAULT \'1\', "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" character varying(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_task_extension_count" CHECK ("extension_count" >= 0), CONSTRAINT "CHK_task_status" CHECK ("status" IN (\'NOT_STARTED\', \'IN_PROGRESS\', \'SUBMITTED\', \'RETURNED\', \'VERIFIED\')), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_lead_department" ON "task"  ("lead_department_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_task_unit" ON "task"  ("unit_code", "cycle_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_task_cycle_lineage_unit" ON "task"  ("cycle_id", "duty_lineage_id", "unit_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "task_assist" ("task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "contribution_note" text NOT NULL DEFAULT \'\', "updated_by" character varying(64), "updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5aba9a0c205a4818585808b130b" PRIMARY KEY ("task_id", "department_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "task_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_username" character varying(64) NOT NULL, "kind" character varying(40) NOT NULL, "before" jsonb, "after" jsonb, "reason" text, "ip" character varying(64), CONSTRAINT "PK_5512953f207de074aea7e6b1515" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_event_unit_time" ON "task_event"  ("unit_code", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_event_task" ON "task_event"  ("task_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "task_extension_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "requested_due_date" date NOT NULL, "reason" text NOT NULL, "state" character varying(10) NOT NULL DEFAULT \'pending\', "requested_by" character varying(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "CHK_task_extension_state" CHECK ("state" IN (\'pending\', \'approved\', \'refused\')), CONSTRAINT "PK_380372ee0ddf000bc4cdc6c5cf2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_task_extension_one_pending" ON "task_extension_request"  ("task_id") WHERE "state" = \'pending\'',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" ADD CONSTRAINT "FK_38381915950ace59f7a605be554" FOREIGN KEY ("regulation_version_id") REFERENCES "regulation_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cycle_duty_due_date" ADD CONSTRAINT "FK_723491e6fb46b85b18d95a8f2af" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_7e39c3ceb1e00309d39f7382238" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_2afeb710a7c31f95a9e74256946" FOREIGN KEY ("duty_id") REFERENCES "duty"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_b07f1c62c255938795a075ccd35" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_d4509c5427310c849e7dd90c54e" FOREIGN KEY ("lead_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assist" ADD CONSTRAINT "FK_c1c0caf72f2484394644abb8244" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assist" ADD CONSTRAINT "FK_b50d59347275b5056d84bfa3233" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_extension_request" ADD CONSTRAINT "FK_9f22c7fe7dea7b3628cce180c4b" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    // Task history is append-only: UPDATE, DELETE and TRUNCATE are refused for everyone.
    await queryRunner.query(`
      CREATE FUNCTION task_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER task_event_no_update_delete BEFORE UPDATE OR DELETE ON task_event FOR EACH ROW EXECUTE FUNCTION task_event_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER task_event_no_truncate BEFORE TRUNCATE ON task_event FOR EACH STATEMENT EXECUTE FUNCTION task_event_append_only()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER task_event_no_truncate ON task_event');
    await queryRunner.query('DROP TRIGGER task_event_no_update_delete ON task_event');
    await queryRunner.query('DROP FUNCTION task_event_append_only()');
    await queryRunner.query(
      'ALTER TABLE "task_extension_request" DROP CONSTRAINT "FK_9f22c7fe7dea7b3628cce180c4b"',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assist" DROP CONSTRAINT "FK_b50d59347275b5056d84bfa3233"',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assist" DROP CONSTRAINT "FK_c1c0caf72f2484394644abb8244"',
    );
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_d4509c5427310c849e7dd90c54e"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_b07f1c62c255938795a075ccd35"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_2afeb710a7c31f95a9e74256946"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_7e39c3ceb1e00309d39f7382238"');
    await queryRunner.query(
      'ALTER TABLE "cycle_duty_due_date" DROP CONSTRAINT "FK_723491e6fb46b85b18d95a8f2af"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" DROP CONSTRAINT "FK_38381915950ace59f7a605be554"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_task_extension_one_pending"');
    await queryRunner.query('DROP TABLE "task_extension_request"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_event_task"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_event_unit_time"');
    await queryRunner.query('DROP TABLE "task_event"');
    await queryRunner.query('DROP TABLE "task_assist"');
    await queryRunner.query('DROP INDEX "public"."UQ_task_cycle_lineage_unit"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_unit"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_lead_department"');
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('DROP TABLE "cycle_duty_due_date"');
    await queryRunner.query('DROP INDEX "public"."UQ_assessment_cycle_year_version"');
    await queryRunner.query('DROP TABLE "assessment_cycle"');
  }
}
