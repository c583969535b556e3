import { MigrationInterface, QueryRunner } from 'typeorm';

/** The immutability trigger of CreateEvidence, with `except` also left free to change. */
function immutabilityFunction(except: string[]): string {
  const minus = ['superseded_by_id', 'withdrawn_at', 'withdrawn_by', 'withdraw_reason', ...except]
    .map((column) => ` - '${column}'`)
    .join('');
  return `CREATE OR REPLACE FUNCTION evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'evidence is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW)${minus})
     IS DISTINCT FROM (to_jsonb(OLD)${minus}) THEN
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
END $$`;
}

/**
 * Integrity on read (issue 15, finding 8): an evidence row records when its stored content was
 * found corrupt. The mark describes the storage, not the upload, so the immutability trigger
 * lets exactly these two columns change (set when found, cleared when the integrity check finds
 * the content intact again after a restore); everything else stays as immutable as before.
 */
export class AddEvidenceIntegrityMark1796549869589 implements MigrationInterface {
  name = 'AddEvidenceIntegrityMark1796549869589';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD "integrity_status" character varying(8) NOT NULL DEFAULT 'ok'`,
    );
    await queryRunner.query(`ALTER TABLE "evidence" ADD "corrupt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "CHK_evidence_integrity" CHECK (("integrity_status" = 'ok' AND "corrupt_at" IS NULL) OR ("integrity_status" = 'corrupt' AND "corrupt_at" IS NOT NULL))`,
    );
    await queryRunner.query(immutabilityFunction(['integrity_status', 'corrupt_at']));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(immutabilityFunction([]));
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "CHK_evidence_integrity"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "corrupt_at"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "integrity_status"`);
  }
}
