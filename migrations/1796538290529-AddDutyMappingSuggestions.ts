import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suggested mappings between duties of a reworded article (changed, merged, split) and the
 * duties of its source article(s) in the previous version, with the supervisor's decision; and
 * two new kinds of duty history events for those decisions.
 */
export class AddDutyMappingSuggestions1796538290529 implements MigrationInterface {
  name = 'AddDutyMappingSuggestions1796538290529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "duty_mapping_suggestion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "duty_id" uuid NOT NULL, "previous_duty_id" uuid NOT NULL, "article_change" character varying(10) NOT NULL, "similarity" double precision NOT NULL, "primary" boolean NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "decided_by" character varying(100), "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, "row_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_duty_mapping_suggestion_similarity" CHECK ("similarity" >= 0 AND "similarity" <= 1), CONSTRAINT "CHK_duty_mapping_suggestion_decided" CHECK (("status" = 'pending') = ("decided_by" IS NULL AND "decided_at" IS NULL)), CONSTRAINT "CHK_duty_mapping_suggestion_change" CHECK ("article_change" IN ('changed', 'merged', 'split')), CONSTRAINT "CHK_duty_mapping_suggestion_status" CHECK ("status" IN ('pending', 'confirmed', 'rejected')), CONSTRAINT "PK_c358da51cf621356350f89e92df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_duty_mapping_suggestion_previous" ON "duty_mapping_suggestion"  ("previous_duty_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_duty_mapping_suggestion_version" ON "duty_mapping_suggestion"  ("version_id", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_duty_mapping_suggestion_pair" ON "duty_mapping_suggestion"  ("duty_id", "previous_duty_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_mapping_suggestion" ADD CONSTRAINT "FK_b262a8f4a70685586c141503677" FOREIGN KEY ("version_id") REFERENCES "regulation_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_mapping_suggestion" ADD CONSTRAINT "FK_d0077dd1dba7a175e2f3fd45b36" FOREIGN KEY ("duty_id") REFERENCES "duty"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_mapping_suggestion" ADD CONSTRAINT "FK_111d1e7fe73b97aa261270d12dc" FOREIGN KEY ("previous_duty_id") REFERENCES "duty"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // TypeORM compares CHECK constraints by name only: the new event kinds are added by hand.
    await queryRunner.query(
      'ALTER TABLE "duty_review_event" DROP CONSTRAINT "CHK_duty_review_event_kind"',
    );
    await queryRunner.query(
      `ALTER TABLE "duty_review_event" ADD CONSTRAINT "CHK_duty_review_event_kind" CHECK ("kind" IN ('extracted', 'carried_over', 'reviewed', 'mapping_confirmed', 'mapping_rejected'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The decisions' history events go with the table they describe.
    await queryRunner.query(
      `DELETE FROM "duty_review_event" WHERE "kind" IN ('mapping_confirmed', 'mapping_rejected')`,
    );
    await queryRunner.query(
      'ALTER TABLE "duty_review_event" DROP CONSTRAINT "CHK_duty_review_event_kind"',
    );
    await queryRunner.query(
      `ALTER TABLE "duty_review_event" ADD CONSTRAINT "CHK_duty_review_event_kind" CHECK ("kind" IN ('extracted', 'carried_over', 'reviewed'))`,
    );
    await queryRunner.query(
      'ALTER TABLE "duty_mapping_suggestion" DROP CONSTRAINT "FK_111d1e7fe73b97aa261270d12dc"',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_mapping_suggestion" DROP CONSTRAINT "FK_d0077dd1dba7a175e2f3fd45b36"',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_mapping_suggestion" DROP CONSTRAINT "FK_b262a8f4a70685586c141503677"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_duty_mapping_suggestion_pair"');
    await queryRunner.query('DROP INDEX "public"."IDX_duty_mapping_suggestion_version"');
    await queryRunner.query('DROP INDEX "public"."IDX_duty_mapping_suggestion_previous"');
    await queryRunner.query('DROP TABLE "duty_mapping_suggestion"');
  }
}
