import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On-site verification (实地核查) of the Article 40 assessment: each draw of a cycle's sample
 * (parameters, seed, population size, who/when; redrawing supersedes and keeps the old version),
 * the sampled tasks with their current finding, and the append-only record of every finding
 * recorded. The draw columns of a sampled task never change and no sampled task is deleted
 * (trigger); a closed sample's findings are frozen. Deductions for discrepancies are ordinary
 * assessment_adjustment rows, linked from the sampled task.
 */
export class AddOnsiteVerification1796990000000 implements MigrationInterface {
  name = 'AddOnsiteVerification1796990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_onsite_sample" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(12) NOT NULL, "scope" character varying(16) NOT NULL, "unit_count" integer, "unit_share" numeric(5,4), "tasks_per_unit" integer NOT NULL, "task_statuses" character varying(20) array NOT NULL, "unit_levels" character varying(12) array NOT NULL, "deduction_points" numeric(6,2) NOT NULL, "seed" character varying(64) NOT NULL, "seed_generated" boolean NOT NULL, "population_units" integer NOT NULL, "population_tasks" integer NOT NULL, "reason" text, "drawn_by" character varying(64) NOT NULL, "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL, "superseded_by" character varying(64), "superseded_at" TIMESTAMP WITH TIME ZONE, "closed_by" character varying(64), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_assessment_onsite_sample_size" CHECK (("unit_count" IS NULL) <> ("unit_share" IS NULL) AND "tasks_per_unit" > 0 AND "deduction_points" > 0), CONSTRAINT "CHK_assessment_onsite_sample_scope" CHECK ("scope" IN (\'OVERALL\', \'PER_PREFECTURE\')), CONSTRAINT "CHK_assessment_onsite_sample_status" CHECK ("status" IN (\'open\', \'superseded\', \'closed\')), CONSTRAINT "PK_abbb302c1ea184c13fcb1ec5d61" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_onsite_sample_current" ON "assessment_onsite_sample"  ("cycle_id") WHERE status <> \'superseded\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_onsite_sample_version" ON "assessment_onsite_sample"  ("cycle_id", "version")',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_onsite_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sample_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "group_code" character varying(12) NOT NULL, "task_id" uuid NOT NULL, "unit_rank" integer NOT NULL, "task_rank" integer NOT NULL, "unit_draw_key" character(64) NOT NULL, "task_draw_key" character(64) NOT NULL, "outcome" character varying(12), "note" text, "evidence_ids" uuid array NOT NULL DEFAULT \'{}\', "recorded_by" character varying(64), "recorded_at" TIMESTAMP WITH TIME ZONE, "adjustment_id" uuid, CONSTRAINT "CHK_assessment_onsite_item_note" CHECK ("outcome" IS DISTINCT FROM \'DISCREPANCY\' OR "note" IS NOT NULL), CONSTRAINT "CHK_assessment_onsite_item_outcome" CHECK ("outcome" IS NULL OR "outcome" IN (\'CONFIRMED\', \'DISCREPANCY\')), CONSTRAINT "PK_8a08c6207d9c5ef80cae98f3f7f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_onsite_item_unit" ON "assessment_onsite_item"  ("sample_id", "unit_code")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_onsite_item_task" ON "assessment_onsite_item"  ("sample_id", "task_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_onsite_finding_event" ("id" BIGSERIAL NOT NULL, "item_id" uuid NOT NULL, "outcome" character varying(12) NOT NULL, "note" text, "evidence_ids" uuid array NOT NULL DEFAULT \'{}\', "actor" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_11306d151191c290a140ef0a036" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_onsite_finding_event_item" ON "assessment_onsite_finding_event"  ("item_id", "id")',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_onsite_sample" ADD CONSTRAINT "FK_8c86c86aa76b2607a952d0edd37" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_onsite_item" ADD CONSTRAINT "FK_dda7cdcfaf0da60dc16658fbefd" FOREIGN KEY ("sample_id") REFERENCES "assessment_onsite_sample"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_onsite_item" ADD CONSTRAINT "FK_780fe9ffc512f2aa0373a6cba41" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_onsite_item" ADD CONSTRAINT "FK_a1da7a4cace7237cad29789e29f" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_onsite_item" ADD CONSTRAINT "FK_5697514ee4506f54b65f58d5560" FOREIGN KEY ("adjustment_id") REFERENCES "assessment_adjustment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_onsite_finding_event" ADD CONSTRAINT "FK_aecaf39654f1311399920f0447c" FOREIGN KEY ("item_id") REFERENCES "assessment_onsite_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // The record of findings is append-only, like the measure events and plan versions.
    await queryRunner.query(
      'CREATE TRIGGER assessment_onsite_finding_event_no_change BEFORE UPDATE OR DELETE ON assessment_onsite_finding_event FOR EACH ROW EXECUTE FUNCTION assessment_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER assessment_onsite_finding_event_no_truncate BEFORE TRUNCATE ON assessment_onsite_finding_event FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()',
    );
    // A sampled task keeps what was drawn; its finding changes only while the sample is open,
    // except that the deduction applied at close is linked once.
    await queryRunner.query(`CREATE FUNCTION assessment_onsite_item_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sample_status text;
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'assessment_onsite_item: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.sample_id, NEW.unit_code, NEW.group_code, NEW.task_id, NEW.unit_rank, NEW.task_rank,
      NEW.unit_draw_key, NEW.task_draw_key)
     IS DISTINCT FROM (OLD.sample_id, OLD.unit_code, OLD.group_code, OLD.task_id, OLD.unit_rank,
      OLD.task_rank, OLD.unit_draw_key, OLD.task_draw_key)
     OR (OLD.adjustment_id IS NOT NULL AND NEW.adjustment_id IS DISTINCT FROM OLD.adjustment_id) THEN
    RAISE EXCEPTION 'assessment_onsite_item: the draw and an applied deduction never change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT status INTO sample_status FROM assessment_onsite_sample WHERE id = OLD.sample_id;
  IF sample_status <> 'open'
     AND (NEW.outcome, NEW.note, NEW.evidence_ids, NEW.recorded_by, NEW.recorded_at)
         IS DISTINCT FROM (OLD.outcome, OLD.note, OLD.evidence_ids, OLD.recorded_by, OLD.recorded_at) THEN
    RAISE EXCEPTION 'assessment_onsite_item: the findings of a % sample are frozen', sample_status USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER assessment_onsite_item_guard BEFORE UPDATE OR DELETE ON assessment_onsite_item FOR EACH ROW EXECUTE FUNCTION assessment_onsite_item_guard()',
    );
    await queryRunner.query(
      'CREATE TRIGGER assessment_onsite_item_no_truncate BEFORE TRUNCATE ON assessment_onsite_item FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER assessment_onsite_item_no_truncate ON assessment_onsite_item',
    );
    await queryRunner.query('DROP TRIGGER assessment_onsite_item_guard ON assessment_onsite_item');
    await queryRunner.query('DROP FUNCTION assessment_onsite_item_guard()');
    await queryRunner.query(
      'DROP TRIGGER assessment_onsite_finding_event_no_truncate ON assessment_onsite_finding_event',
    );
    await queryRunner.query(
      'DROP TRIGGER assessment_onsite_finding_event_no_change ON assessment_onsite_finding_event',
    );
    await queryRunner.query('DROP TABLE "assessment_onsite_finding_event"');
    await queryRunner.query('DROP TABLE "assessment_onsite_item"');
    await queryRunner.query('DROP TABLE "assessment_onsite_sample"');
  }
}
