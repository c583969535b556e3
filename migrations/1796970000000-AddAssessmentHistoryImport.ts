import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported history of the Article 40 assessment (历年考核结果): earlier years' results and ledger
 * notes (台账) brought in from a workbook the office already had, one import per year, all or
 * nothing. Each import records the source file name, its SHA-256, the column mapping used,
 * who imported it and when; each row is one unit's total (indicator '') or one indicator of a
 * unit. Both tables are append-only, like the frozen result sets they stand in for.
 */
export class AddAssessmentHistoryImport1796970000000 implements MigrationInterface {
  name = 'AddAssessmentHistoryImport1796970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assessment_history_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "source_file_name" character varying(255) NOT NULL, "source_sha256" character(64) NOT NULL, "mapping" jsonb NOT NULL, "row_count" integer NOT NULL, "imported_by" character varying(64) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_assessment_history_import_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "UQ_assessment_history_import_year" UNIQUE ("year"), CONSTRAINT "PK_assessment_history_import" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_history_row" ("import_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "indicator" character varying(200) NOT NULL, "sheet_row" integer NOT NULL, "score" numeric(7,2) NOT NULL, "rank" integer, "grade" character varying(20), "completion" numeric(5,4), "ledger" text, CONSTRAINT "CHK_assessment_history_row_completion" CHECK ("completion" IS NULL OR "completion" BETWEEN 0 AND 1), CONSTRAINT "CHK_assessment_history_row_rank" CHECK ("rank" IS NULL OR "rank" > 0), CONSTRAINT "PK_assessment_history_row" PRIMARY KEY ("import_id", "unit_code", "indicator"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_history_row_unit" ON "assessment_history_row" ("unit_code")',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_history_row" ADD CONSTRAINT "FK_assessment_history_row_import" FOREIGN KEY ("import_id") REFERENCES "assessment_history_import"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_history_row" ADD CONSTRAINT "FK_assessment_history_row_unit" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    for (const table of ['assessment_history_import', 'assessment_history_row']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION assessment_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['assessment_history_row', 'assessment_history_import']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_change ON ${table}`);
    }
    await queryRunner.query('DROP TABLE "assessment_history_row"');
    await queryRunner.query('DROP TABLE "assessment_history_import"');
  }
}
