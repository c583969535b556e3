import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 3: people are shown by name and office (单位/科室), with an optional phone.
 * Both are free text kept short; the phone is checked for a plausible shape (digits, spaces,
 * hyphens, an optional leading + and an extension after 转), the detailed rule lives in the
 * user service. Existing accounts keep an empty office until an administrator fills it in.
 */
export class AddUserOfficeAndPhone1796750000000 implements MigrationInterface {
  name = 'AddUserOfficeAndPhone1796750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "office" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "phone" character varying(32)`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_phone" CHECK ("phone" IS NULL OR "phone" ~ '^\\+?[0-9][0-9 -]{4,24}([ ]?转[0-9]{1,6})?$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_phone"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "office"`);
  }
}
