import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured indicators (定量指标) of the Article 40 assessment: each unit's reported value with its
 * source and a reviewer's adjusted value (current state), and the append-only record of every
 * change (who, when, role, before/after, source, reason). The indicators themselves live in the
 * versioned plan (jsonb), so the plan needs no new column.
 */
export class AddAssessmentMeasures1796920000000 implements MigrationInterface {
  name = 'AddAssessmentMeasures1796920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_measure_value" ("cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "indicator_id" character varying(64) NOT NULL, "reported_value" numeric(18,4), "evidence_id" uuid, "source_ref" text, "reported_by" character varying(64), "reported_at" TIMESTAMP WITH TIME ZONE, "adjusted_value" numeric(18,4), "adjust_reason" text, "adjusted_by" character varying(64), "adjusted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_assessment_measure_value_adjust_reason" CHECK ("adjusted_value" IS NULL OR "adjust_reason" IS NOT NULL), CONSTRAINT "CHK_assessment_measure_value_source" CHECK ("reported_value" IS NULL OR "evidence_id" IS NOT NULL OR "source_ref" IS NOT NULL), CONSTRAINT "PK_1156750f8f6d3349c2aa2fc7c2c" PRIMARY KEY ("cycle_id", "unit_code", "indicator_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_measure_event" ("id" BIGSERIAL NOT NULL, "cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "indicator_id" character varying(64) NOT NULL, "action" character varying(10) NOT NULL, "before_value" numeric(18,4), "after_value" numeric(18,4), "evidence_id" uuid, "source_ref" text, "reason" text, "actor" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_assessment_measure_event_action" CHECK ("action" IN (\'report\', \'adjust\', \'unadjust\')), CONSTRAINT "PK_6dfeef4857003a7dedd96c4cc6c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_measure_event_unit" ON "assessment_measure_event"  ("cycle_id", "unit_code", "indicator_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_measure_value" ADD CONSTRAINT "FK_10d5462e549551cb6f32734f6ec" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_measure_value" ADD CONSTRAINT "FK_2a119048b5d98f53b9c51d11fdc" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_measure_value" ADD CONSTRAINT "FK_382ed6b3611d2c13ae20b4366f9" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_measure_event" ADD CONSTRAINT "FK_bdf2a2b38a77fd8dbf5fb52e1a6" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_measure_event" ADD CONSTRAINT "FK_5ec88020b433be844a57c8cb198" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // The record of changes is append-only, like plan versions and frozen results.
    await queryRunner.query(
      'CREATE TRIGGER assessment_measure_event_no_change BEFORE UPDATE OR DELETE ON assessment_measure_event FOR EACH ROW EXECUTE FUNCTION assessment_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER assessment_measure_event_no_truncate BEFORE TRUNCATE ON assessment_measure_event FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER assessment_measure_event_no_truncate ON assessment_measure_event',
    );
    await queryRunner.query(
      'DROP TRIGGER assessment_measure_event_no_change ON assessment_measure_event',
    );
    await queryRunner.query('DROP TABLE "assessment_measure_event"');
    await queryRunner.query('DROP TABLE "assessment_measure_value"');
  }
}
