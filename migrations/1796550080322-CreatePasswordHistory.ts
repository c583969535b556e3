import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hashes of the passwords users chose, so that a new password can be refused when it is one of
 * the last PASSWORD_HISTORY (issue 15, finding 11). Starts empty: the current password, which
 * is still checked against app_user, covers every user until they next change it.
 */
export class CreatePasswordHistory1796550080322 implements MigrationInterface {
  name = 'CreatePasswordHistory1796550080322';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_history" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" uuid NOT NULL, "password_hash" character varying(300) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_da65ed4600e5e6bc9315754a8b2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_password_history_user" ON "password_history"  ("user_id", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "password_history" ADD CONSTRAINT "FK_4933dc7a01356ac0733a5ad52d9" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "password_history" DROP CONSTRAINT "FK_4933dc7a01356ac0733a5ad52d9"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_password_history_user"');
    await queryRunner.query('DROP TABLE "password_history"');
  }
}
