import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvidence1795771517355 implements MigrationInterface {
  name = 'CreateEvidence1795771517355';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "lineage_id" uuid NOT NULL, "version" integer NOT NULL, "supersedes_id" uuid, "superseded_by_id" uuid, "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "file_type" character varying(8) NOT NULL, "mime_type" character varying(100) NOT NULL, "original_name" character varying(255) NOT NULL, "description" text NOT NULL DEFAULT \'\', "document_number" character varying(100), "issuing_authority" character varying(200), "document_date" date, "uploaded_by" character varying(64) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" character varying(64), "withdraw_reason" text, CONSTRAINT "CHK_evidence_withdrawal" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL)), CONSTRAINT "CHK_evidence_version" CHECK ("version" >= 1), CONSTRAINT "CHK_evidence_size" CHECK ("size" >= 0), CONSTRAINT "CHK_evidence_sha256" CHECK ("sha256" ~ \'^[0-9a-f]{64}$\'), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_evidence_current_per_lineage" ON "evidence"  ("lineage_id") WHERE superseded_by_id IS NULL AND withdrawn_at IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_evidence_lineage_version" ON "evidence"  ("lineage_id", "version") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_evidence_unit_cycle" ON "evidence"  ("unit_code", "cycle_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_evidence_sha256" ON "evidence"  ("sha256") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_evidence_task" ON "evidence"  ("task_id", "uploaded_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evidence_integrity_run" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" character varying(16) NOT NULL, "checked" integer NOT NULL, "missing" integer NOT NULL, "corrupt" integer NOT NULL, "unreferenced" integer NOT NULL, "ok" boolean NOT NULL, "problems" jsonb NOT NULL, CONSTRAINT "PK_cc9f99b54a0e9340fd166729d64" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_evidence_integrity_run_finished" ON "evidence_integrity_run"  ("finished_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_96ff8d3c9e17cfa031db423766f" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_277b2a67cfd4f7b0d0b53ca4f1a" FOREIGN KEY ("supersedes_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_76ae4ff81cde17b5c9bc829b228" FOREIGN KEY ("superseded_by_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED',
    );
    // Evidence is immutable (佐证材料不可篡改): content and metadata never change; the only
    // updates are setting superseded_by_id once (a new version) and the withdrawal fields once.
    await queryRunner.query(`CREATE FUNCTION evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'evidence is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW) - 'superseded_by_id' - 'withdrawn_at' - 'withdrawn_by' - 'withdraw_reason')
     IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_by_id' - 'withdrawn_at' - 'withdrawn_by' - 'withdraw_reason') THEN
    RAISE EXCEPTION 'evidence is immutable: only supersession and withdrawal may be recorded' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.superseded_by_id IS NOT NULL AND NEW.superseded_by_id IS DISTINCT FROM OLD.superseded_by_id THEN
    RAISE EXCEPTION 'evidence is immutable: supersession is recorded once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at, NEW.withdrawn_by, NEW.withdraw_reason)
     IS DISTINCT FROM (OLD.withdrawn_at, OLD.withdrawn_by, OLD.withdraw_reason) THEN
    RAISE EXCEPTION 'evidence is immutable: withdrawal is recorded once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER evidence_no_change BEFORE UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION evidence_immutable()',
    );
    await queryRunner.query(
      'CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence FOR EACH STATEMENT EXECUTE FUNCTION evidence_immutable()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER evidence_no_truncate ON evidence');
    await queryRunner.query('DROP TRIGGER evidence_no_change ON evidence');
    await queryRunner.query('DROP FUNCTION evidence_immutable()');
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_76ae4ff81cde17b5c9bc829b228"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_277b2a67cfd4f7b0d0b53ca4f1a"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_96ff8d3c9e17cfa031db423766f"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_evidence_integrity_run_finished"');
    await queryRunner.query('DROP TABLE "evidence_integrity_run"');
    await queryRunner.query('DROP INDEX "public"."IDX_evidence_task"');
    await queryRunner.query('DROP INDEX "public"."IDX_evidence_sha256"');
    await queryRunner.query('DROP INDEX "public"."IDX_evidence_unit_cycle"');
    await queryRunner.query('DROP INDEX "public"."UQ_evidence_lineage_version"');
    await queryRunner.query('DROP INDEX "public"."UQ_evidence_current_per_lineage"');
    await queryRunner.query('DROP TABLE "evidence"');
  }
}
