import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staged Article 40 assessment (issue 18, point 1): a schedule of stage windows per cycle,
 * each unit's self-assessment (status, lateness, returns), per unit × indicator the self-score
 * with narrative and evidence and the preliminary (prefecture) and provincial review scores, and
 * `assessment_score_change`, the record of every score change and hand-over.
 *
 * The record is append-only (assessment_append_only, as for plan versions) and hash-chained
 * exactly like task_event (migration AddIntegrityHashChains): chain columns, a head in
 * integrity_chain_head, integrity_canonical(row), a BEFORE INSERT trigger that leaves a new row
 * unlinked and a deferred constraint trigger that links it at commit. Kept in step by hand with
 * apps/api/src/integrity/chains.ts (the verifier's copy; a test checks both agree).
 */
const CHAINED = 'assessment_score_change';
const CANONICAL_FIELDS: Array<[string, 'text' | 'ts' | 'json']> = [
  ['id', 'text'],
  ['cycle_id', 'text'],
  ['unit_code', 'text'],
  ['indicator_id', 'text'],
  ['stage', 'text'],
  ['action', 'text'],
  ['before_score', 'text'],
  ['after_score', 'text'],
  ['reason', 'text'],
  ['detail', 'json'],
  ['actor', 'text'],
  ['actor_role', 'text'],
  ['occurred_at', 'ts'],
];

function render(column: string, kind: 'text' | 'ts' | 'json'): string {
  const ref = `r.${column}`;
  if (kind === 'ts') return `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return kind === 'json' ? ref : `${ref}::text`;
}

export class AddAssessmentStages1796960000000 implements MigrationInterface {
  name = 'AddAssessmentStages1796960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_stage_window" ("cycle_id" uuid NOT NULL, "stage" character varying(24) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "set_by" character varying(64) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_assessment_stage_window_order" CHECK ("closes_at" > "opens_at"), CONSTRAINT "CHK_assessment_stage_window_stage" CHECK ("stage" IN (\'SELF_ASSESSMENT\', \'PREFECTURE_REVIEW\', \'PROVINCIAL_REVIEW\', \'ONSITE_VERIFICATION\', \'PUBLICATION\', \'OBJECTION\', \'FINAL\')), CONSTRAINT "PK_7b6821ec388f047cc5850095f77" PRIMARY KEY ("cycle_id", "stage"))',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_stage_unit" ("cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'draft\', "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" character varying(64), "late" boolean NOT NULL DEFAULT false, "submit_count" integer NOT NULL DEFAULT \'0\', "correction_due_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, "returned_by" character varying(64), "return_reason" text, "return_count" integer NOT NULL DEFAULT \'0\', CONSTRAINT "CHK_assessment_stage_unit_return" CHECK ("status" <> \'returned\' OR "return_reason" IS NOT NULL), CONSTRAINT "CHK_assessment_stage_unit_status" CHECK ("status" IN (\'draft\', \'submitted\', \'returned\')), CONSTRAINT "PK_e44788c21abe790fd4b60bc37d0" PRIMARY KEY ("cycle_id", "unit_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_stage_entry" ("cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "indicator_id" character varying(64) NOT NULL, "self_score" numeric(8,2), "narrative" text, "evidence_ids" uuid array NOT NULL DEFAULT \'{}\', "self_by" character varying(64), "self_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "late" boolean NOT NULL DEFAULT false, "prefecture_score" numeric(8,2), "prefecture_comment" text, "prefecture_by" character varying(64), "prefecture_at" TIMESTAMP WITH TIME ZONE, "provincial_score" numeric(8,2), "provincial_comment" text, "provincial_by" character varying(64), "provincial_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e2550ff7a104eff1353b1228c73" PRIMARY KEY ("cycle_id", "unit_code", "indicator_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_score_change" ("chain_seq" bigint, "prev_hash" character(64), "content_hash" character(64), "id" BIGSERIAL NOT NULL, "cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "indicator_id" character varying(64), "stage" character varying(24) NOT NULL, "action" character varying(20) NOT NULL, "before_score" numeric(8,2), "after_score" numeric(8,2), "reason" text, "detail" jsonb NOT NULL DEFAULT \'{}\', "actor" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_assessment_score_change_action" CHECK ("action" IN (\'SELF_SCORE\', \'SUBMIT\', \'RETURN\', \'PREFECTURE_SCORE\', \'PROVINCIAL_SCORE\')), CONSTRAINT "PK_bd41a3d7a9acdedbff529805b21" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_score_change_unit" ON "assessment_score_change"  ("cycle_id", "unit_code") ',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_stage_window" ADD CONSTRAINT "FK_b149bd6acd4dfa352f3ccefe58b" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_stage_unit" ADD CONSTRAINT "FK_0dc49e084e8d100757dc273ec6c" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_stage_unit" ADD CONSTRAINT "FK_b83333cba45251e8a3ff3af6a38" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_stage_entry" ADD CONSTRAINT "FK_16f541019aa9c1640d26baa7b9e" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_stage_entry" ADD CONSTRAINT "FK_740133dabe832cd9befb30b2da1" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_score_change" ADD CONSTRAINT "FK_c6ff1dbddf4bbd3727eb8997d2a" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_score_change" ADD CONSTRAINT "FK_de8d701b6103d773bfb0df4e281" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    const t = CHAINED;
    await queryRunner.query(`INSERT INTO integrity_chain_head (chain) VALUES ('${t}')`);
    await queryRunner.query(`CREATE FUNCTION integrity_canonical(r ${t}) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(${CANONICAL_FIELDS.map(([c, k]) => render(c, k)).join(', ')})::text
$$`);
    await queryRunner.query(`CREATE FUNCTION ${t}_chain_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  r ${t} := NEW;
  link record;
BEGIN
  SELECT * INTO link FROM integrity_chain_advance('${t}', r.id::text, integrity_canonical(r));
  UPDATE ${t} SET chain_seq = link.seq, prev_hash = link.prev, content_hash = link.hash
   WHERE id = r.id;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION ${t}_chain_unset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.chain_seq := NULL;
  NEW.prev_hash := NULL;
  NEW.content_hash := NULL;
  PERFORM set_config('duty.chain_${t}_pending',
    (COALESCE(NULLIF(current_setting('duty.chain_${t}_pending', true), '')::integer, 0) + 1)::text, true);
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER ${t}_chain_unset BEFORE INSERT ON ${t} FOR EACH ROW EXECUTE FUNCTION ${t}_chain_unset()`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER ${t}_chain_link AFTER INSERT ON ${t} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${t}_chain_link()`,
    );
    // Append-only; assessment_append_only lets the one-time chain link through.
    await queryRunner.query(
      `CREATE TRIGGER ${t}_no_change BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION assessment_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const t = CHAINED;
    await queryRunner.query(`DROP TRIGGER ${t}_no_truncate ON ${t}`);
    await queryRunner.query(`DROP TRIGGER ${t}_no_change ON ${t}`);
    await queryRunner.query(`DROP TRIGGER ${t}_chain_link ON ${t}`);
    await queryRunner.query(`DROP TRIGGER ${t}_chain_unset ON ${t}`);
    await queryRunner.query(`DROP FUNCTION ${t}_chain_unset()`);
    await queryRunner.query(`DROP FUNCTION ${t}_chain_link()`);
    await queryRunner.query(`DROP FUNCTION integrity_canonical(${t})`);
    await queryRunner.query(`DELETE FROM integrity_chain_head WHERE chain = '${t}'`);
    await queryRunner.query('DROP TABLE "assessment_score_change"');
    await queryRunner.query('DROP TABLE "assessment_stage_entry"');
    await queryRunner.query('DROP TABLE "assessment_stage_unit"');
    await queryRunner.query('DROP TABLE "assessment_stage_window"');
  }
}
