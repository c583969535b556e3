import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20, point 1: one deployment holds several provinces.
 * - assessment_cycle.province_code: the province (XX0000) whose units a cycle's tasks are
 *   generated for; one cycle per year and regulation version in each province. Existing cycles
 *   belong to the deployment's (first) province.
 * - regulation.owner_province_code: the province that owns a regulation (a provincial
 *   regulation, e.g. 湖北省质量促进条例); null: national (全国通用), every province may open
 *   cycles on it. The shipped Hubei draft (codes starting hubei-) is Hubei's.
 */
export class AddProvinceCyclesAndRegulationOwners1797050000000 implements MigrationInterface {
  name = 'AddProvinceCyclesAndRegulationOwners1797050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" ADD "province_code" character varying(12)',
    );
    await queryRunner.query(
      `UPDATE "assessment_cycle" SET "province_code" = (
         SELECT "code" FROM "admin_unit" WHERE "level" = 'province' AND "parent_code" IS NULL
          ORDER BY "code" LIMIT 1)`,
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" ALTER COLUMN "province_code" SET NOT NULL',
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_cycle" ADD CONSTRAINT "CHK_assessment_cycle_province" CHECK ("province_code" ~ '^[1-9][0-9]0000$')`,
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" ADD CONSTRAINT "FK_f151f14a587de50674dfb237acc" FOREIGN KEY ("province_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_assessment_cycle_year_version"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_cycle_year_version_province" ON "assessment_cycle" ("year", "regulation_version_id", "province_code") ',
    );

    await queryRunner.query(
      'ALTER TABLE "regulation" ADD "owner_province_code" character varying(12)',
    );
    await queryRunner.query(
      `UPDATE "regulation" r SET "owner_province_code" = '420000'
        WHERE r."code" LIKE 'hubei-%' AND EXISTS (SELECT 1 FROM "admin_unit" u WHERE u."code" = '420000')`,
    );
    await queryRunner.query(
      'ALTER TABLE "regulation" ADD CONSTRAINT "FK_505dcfcedbed64df3f6ae25296d" FOREIGN KEY ("owner_province_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "regulation" DROP CONSTRAINT "FK_505dcfcedbed64df3f6ae25296d"',
    );
    await queryRunner.query('ALTER TABLE "regulation" DROP COLUMN "owner_province_code"');
    await queryRunner.query('DROP INDEX "public"."UQ_assessment_cycle_year_version_province"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_cycle_year_version" ON "assessment_cycle" ("year", "regulation_version_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" DROP CONSTRAINT "FK_f151f14a587de50674dfb237acc"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_cycle" DROP CONSTRAINT "CHK_assessment_cycle_province"',
    );
    await queryRunner.query('ALTER TABLE "assessment_cycle" DROP COLUMN "province_code"');
  }
}
