import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province of a unit is its code's first two digits (GB/T 2260), and every jurisdiction
 * filter and dashboard statement narrows units that way (`left(code, 2) = …`,
 * access/jurisdiction.ts; analytics-sql.ts). With one province's 117 units that is a scan of a
 * few pages; with all 31 provinces' 3,215 units (issue 20) it was a sequential scan of the whole
 * table in every statement — measured on the national data set: half a millisecond of a county
 * trend's one. An index on the expression lets PostgreSQL read one province's rows.
 *
 * An expression index: TypeORM's schema builder neither sees nor drops it (the entity cannot
 * declare it), as with IDX_admin_unit_search_grams.
 */
export class AddAdminUnitProvinceIndex1797080000000 implements MigrationInterface {
  name = 'AddAdminUnitProvinceIndex1797080000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_admin_unit_province" ON "admin_unit" (left("code", 2))`,
    );
    // The expression's statistics (one province's share of the units) come with ANALYZE.
    await queryRunner.query(`ANALYZE "admin_unit"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_admin_unit_province"`);
  }
}
