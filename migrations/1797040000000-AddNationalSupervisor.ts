import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_ROLES = `'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR', 'COUNTY_OPERATOR', 'AUDITOR'`;
const NEW_ROLES = `'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'NATIONAL_SUPERVISOR', 'PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR', 'COUNTY_OPERATOR', 'AUDITOR'`;

const OLD_BINDING = `("role" IS NULL AND "unit_code" IS NULL AND "department_id" IS NULL)
   OR ("role" IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'PROVINCIAL_SUPERVISOR') AND "unit_code" IS NULL AND "department_id" IS NULL)
   OR ("role" = 'PREFECTURE_SUPERVISOR' AND "unit_code" IS NOT NULL AND "department_id" IS NULL)
   OR ("role" = 'COUNTY_OPERATOR' AND "unit_code" IS NOT NULL AND "department_id" IS NOT NULL)
   OR ("role" = 'AUDITOR' AND "department_id" IS NULL)`;

/** Same text as the @Check in apps/api/src/user/user.entity.ts. */
const NEW_BINDING = `("role" IS NULL AND "unit_code" IS NULL AND "department_id" IS NULL)
   OR ("role" IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'NATIONAL_SUPERVISOR') AND "unit_code" IS NULL AND "department_id" IS NULL)
   OR ("role" = 'PROVINCIAL_SUPERVISOR' AND "department_id" IS NULL)
   OR ("role" = 'PREFECTURE_SUPERVISOR' AND "unit_code" IS NOT NULL AND "department_id" IS NULL)
   OR ("role" = 'COUNTY_OPERATOR' AND "unit_code" IS NOT NULL AND "department_id" IS NOT NULL)
   OR ("role" = 'AUDITOR' AND "department_id" IS NULL)`;

/** Same text as the @Check in apps/api/src/user/user.entity.ts. */
const SCOPE = `"scope_province_codes" IS NULL
   OR (("role" = 'NATIONAL_SUPERVISOR' OR ("role" = 'AUDITOR' AND "unit_code" IS NULL))
       AND array_position("scope_province_codes", NULL) IS NULL
       AND array_to_string("scope_province_codes", ',') ~ '^([1-9][0-9]0000(,[1-9][0-9]0000)*)?$')`;

/**
 * Issue 20, point 1: one deployment holds several provinces.
 * - NATIONAL_SUPERVISOR (国家级督导): no unit, optionally limited to some provinces
 *   (scope_province_codes; null or empty: the whole country), read-only;
 * - an AUDITOR without a unit may be limited the same way;
 * - a PROVINCIAL_SUPERVISOR is now bound to its province (unit_code): existing ones, which had
 *   no unit because the deployment held one province, are bound to that province. Without any
 *   province unit they stay unbound (and see nothing until a security administrator binds them).
 * Array elements are checked as province codes (XX0000); that they exist as units is checked by
 * the user service (a foreign key cannot reach into an array).
 */
export class AddNationalSupervisor1797040000000 implements MigrationInterface {
  name = 'AddNationalSupervisor1797040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "scope_province_codes" character varying(6) array`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IS NULL OR "role" IN (${NEW_ROLES}))`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_binding"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_binding" CHECK (${NEW_BINDING})`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_scope_provinces" CHECK (${SCOPE})`,
    );
    await queryRunner.query(
      `UPDATE "app_user" SET "unit_code" = p."code"
         FROM (SELECT "code" FROM "admin_unit"
                WHERE "level" = 'province' AND "parent_code" IS NULL
                ORDER BY "code" LIMIT 1) p
        WHERE "app_user"."role" = 'PROVINCIAL_SUPERVISOR' AND "app_user"."unit_code" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old shape knows no national supervisor and no bound provincial supervisor: the former
    // lose their role (a security administrator binds them again), the latter their unit.
    await queryRunner.query(
      `UPDATE "app_user" SET "role" = NULL, "unit_code" = NULL, "department_id" = NULL WHERE "role" = 'NATIONAL_SUPERVISOR'`,
    );
    await queryRunner.query(
      `UPDATE "app_user" SET "unit_code" = NULL WHERE "role" = 'PROVINCIAL_SUPERVISOR'`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_scope_provinces"`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_binding"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_binding" CHECK (${OLD_BINDING})`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IS NULL OR "role" IN (${OLD_ROLES}))`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "scope_province_codes"`);
  }
}
