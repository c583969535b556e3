import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic bulletins (情况通报, issue 16 item 8): one row per scope, cycle and period. A draft
 * holds the content model (the figures as of the period's end and the supervisor's texts) and
 * may be regenerated, edited or deleted; publishing freezes the DOCX bytes with their SHA-256,
 * after which a trigger refuses any change or deletion of the row.
 */
export class CreateBulletins1796600400000 implements MigrationInterface {
  name = 'CreateBulletins1796600400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "bulletin" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "scope_unit_code" character varying(12) NOT NULL,
        "cycle_id" uuid NOT NULL,
        "period_kind" character varying(10) NOT NULL,
        "period_start" date NOT NULL,
        "period_end" date NOT NULL,
        "as_of" date NOT NULL,
        "title" character varying(300) NOT NULL,
        "status" character varying(10) NOT NULL DEFAULT 'DRAFT',
        "content" jsonb NOT NULL,
        "number" character varying(60),
        "year" integer,
        "seq" integer,
        "docx" bytea,
        "sha256" character(64),
        "size" integer,
        "generated_by" character varying(64) NOT NULL,
        "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" character varying(64) NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "row_version" integer NOT NULL DEFAULT 1,
        "published_by" character varying(64),
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_bulletin" PRIMARY KEY ("id"),
        CONSTRAINT "FK_bulletin_unit" FOREIGN KEY ("scope_unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT,
        CONSTRAINT "FK_bulletin_cycle" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_bulletin_period_kind" CHECK ("period_kind" IN ('MONTH', 'QUARTER')),
        CONSTRAINT "CHK_bulletin_status" CHECK ("status" IN ('DRAFT', 'PUBLISHED')),
        CONSTRAINT "CHK_bulletin_period" CHECK ("period_start" <= "period_end" AND "as_of" <= "period_end"),
        CONSTRAINT "CHK_bulletin_published" CHECK (
          ("status" = 'DRAFT' AND "docx" IS NULL AND "sha256" IS NULL AND "published_at" IS NULL AND "number" IS NULL)
          OR ("status" = 'PUBLISHED' AND "docx" IS NOT NULL AND "sha256" IS NOT NULL AND "size" IS NOT NULL
              AND "published_by" IS NOT NULL AND "published_at" IS NOT NULL
              AND "number" IS NOT NULL AND "year" IS NOT NULL AND "seq" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_bulletin_period" ON "bulletin" ("scope_unit_code", "cycle_id", "period_kind", "period_start")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_bulletin_number" ON "bulletin" ("scope_unit_code", "year", "seq") WHERE "status" = 'PUBLISHED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bulletin_scope_period" ON "bulletin" ("scope_unit_code", "period_start")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION bulletin_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'bulletin: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'bulletin % is published: % refused', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER bulletin_published_no_change BEFORE UPDATE OR DELETE ON bulletin FOR EACH ROW EXECUTE FUNCTION bulletin_published_immutable()',
    );
    await queryRunner.query(
      'CREATE TRIGGER bulletin_no_truncate BEFORE TRUNCATE ON bulletin FOR EACH STATEMENT EXECUTE FUNCTION bulletin_published_immutable()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "bulletin"');
    await queryRunner.query('DROP FUNCTION bulletin_published_immutable()');
  }
}
