import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessmentPlansAndResults1795773347995 implements MigrationInterface {
  name = 'CreateAssessmentPlansAndResults1795773347995';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_adjustment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "kind" character varying(10) NOT NULL, "points" numeric(6,2) NOT NULL, "reason" text NOT NULL, "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" character varying(64), "revoke_reason" text, CONSTRAINT "CHK_assessment_adjustment_points" CHECK (("kind" = \'remark\' AND "points" = 0) OR ("kind" <> \'remark\' AND "points" > 0)), CONSTRAINT "CHK_assessment_adjustment_kind" CHECK ("kind" IN (\'bonus\', \'deduction\', \'remark\')), CONSTRAINT "PK_cb477fd656fc5a84f664349e41d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_adjustment_unit" ON "assessment_adjustment"  ("cycle_id", "unit_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_plan_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "version" integer NOT NULL, "plan" jsonb NOT NULL, "note" text NOT NULL, "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff073623cd74d462ea4a1be3cfc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_plan_version" ON "assessment_plan_version"  ("cycle_id", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_result_set" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "version" integer NOT NULL, "plan_version" integer NOT NULL, "closed_by" character varying(64) NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "as_of" date NOT NULL, "rows_sha256" character(64) NOT NULL, "reopened_at" TIMESTAMP WITH TIME ZONE, "reopened_by" character varying(64), "reopen_reason" text, CONSTRAINT "PK_090480a40ac4eaf5901f053c21f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_result_set_version" ON "assessment_result_set"  ("cycle_id", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_result" ("result_set_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "rank_level" character varying(12) NOT NULL, "score" numeric(5,2) NOT NULL, "grade" character varying(20) NOT NULL, "rank" integer NOT NULL, "detail" jsonb NOT NULL, CONSTRAINT "PK_fca3229a61ef056263da4b2a83a" PRIMARY KEY ("result_set_id", "unit_code"))',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_adjustment" ADD CONSTRAINT "FK_c349243f1fe16bc27812a3ff786" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_adjustment" ADD CONSTRAINT "FK_007fa9a5ad622aa00612f99698c" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_plan_version" ADD CONSTRAINT "FK_e292473307c9b52e5dfaa7cc127" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_result_set" ADD CONSTRAINT "FK_92604041481539fe3d3d85d6239" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_result" ADD CONSTRAINT "FK_efa8fe63f0e673e713a373d8e81" FOREIGN KEY ("result_set_id") REFERENCES "assessment_result_set"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Plan versions and frozen results are immutable; a result set may only be marked reopened, once.
    await queryRunner.query(`CREATE FUNCTION assessment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    await queryRunner.query(`CREATE FUNCTION assessment_result_set_reopen_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR OLD.reopened_at IS NOT NULL
     OR (to_jsonb(NEW) - 'reopened_at' - 'reopened_by' - 'reopen_reason')
        IS DISTINCT FROM (to_jsonb(OLD) - 'reopened_at' - 'reopened_by' - 'reopen_reason') THEN
    RAISE EXCEPTION 'assessment_result_set is frozen: only a reopening may be recorded, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$`);
    for (const table of ['assessment_plan_version', 'assessment_result']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION assessment_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()`,
      );
    }
    await queryRunner.query(
      'CREATE TRIGGER assessment_result_set_frozen BEFORE UPDATE OR DELETE ON assessment_result_set FOR EACH ROW EXECUTE FUNCTION assessment_result_set_reopen_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER assessment_result_set_no_truncate BEFORE TRUNCATE ON assessment_result_set FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER assessment_result_set_no_truncate ON assessment_result_set',
    );
    await queryRunner.query('DROP TRIGGER assessment_result_set_frozen ON assessment_result_set');
    for (const table of ['assessment_plan_version', 'assessment_result']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_change ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION assessment_result_set_reopen_only()');
    await queryRunner.query('DROP FUNCTION assessment_append_only()');
    await queryRunner.query(
      'ALTER TABLE "assessment_result" DROP CONSTRAINT "FK_efa8fe63f0e673e713a373d8e81"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_result_set" DROP CONSTRAINT "FK_92604041481539fe3d3d85d6239"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_plan_version" DROP CONSTRAINT "FK_e292473307c9b52e5dfaa7cc127"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_adjustment" DROP CONSTRAINT "FK_007fa9a5ad622aa00612f99698c"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_adjustment" DROP CONSTRAINT "FK_c349243f1fe16bc27812a3ff786"',
    );
    await queryRunner.query('DROP TABLE "assessment_result"');
    await queryRunner.query('DROP INDEX "public"."UQ_assessment_result_set_version"');
    await queryRunner.query('DROP TABLE "assessment_result_set"');
    await queryRunner.query('DROP INDEX "public"."UQ_assessment_plan_version"');
    await queryRunner.query('DROP TABLE "assessment_plan_version"');
    await queryRunner.query('DROP INDEX "public"."IDX_assessment_adjustment_unit"');
    await queryRunner.query('DROP TABLE "assessment_adjustment"');
  }
}
