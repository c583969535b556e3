import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'TASK_ASSIGNED', 'TASK_REASSIGNED', 'TASK_RETURNED', 'TASK_VERIFIED', 'EXTENSION_DECIDED', 'COMMENT', 'INSTRUCTION', 'URGING_ISSUED', 'URGING_ESCALATED', 'DUE_SOON', 'OVERDUE', 'CYCLE_OPENED', 'CYCLE_CLOSED', 'BULLETIN_PUBLISHED', 'APPROVAL_REQUESTED', 'APPROVAL_DECIDED'`;
const KINDS = `${OLD_KINDS}, 'ASSESSMENT_PUBLISHED', 'OBJECTION_FILED', 'OBJECTION_DECIDED'`;

/**
 * Publication (公示) and objections (异议) of the Article 40 assessment: each published version
 * of a cycle's provisional results with its objection window and a snapshot of every unit's
 * result (append-only), and the units' objections with the provincial reviewer's decision (what
 * was filed never changes, a decision is made once, nothing is deleted). Three notification
 * kinds join the notification centre's list.
 */
export class AddAssessmentObjections1797000000000 implements MigrationInterface {
  name = 'AddAssessmentObjections1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_publication" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "version" integer NOT NULL, "plan_version" integer NOT NULL, "objection_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rows_sha256" character(64) NOT NULL, "units" integer NOT NULL, "published_by" character varying(64) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_106c22b3da4a198b165f9d7e171" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_assessment_publication_version" ON "assessment_publication"  ("cycle_id", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_publication_result" ("publication_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "rank_level" character varying(12) NOT NULL, "score" numeric(5,2) NOT NULL, "grade" character varying(20) NOT NULL, "rank" integer NOT NULL, "indicators" jsonb NOT NULL, CONSTRAINT "PK_ea48f31a9e8cdc9417957732116" PRIMARY KEY ("publication_id", "unit_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_objection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "publication_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "indicator_id" character varying(64) NOT NULL, "reason" text NOT NULL, "evidence_ids" uuid array NOT NULL DEFAULT \'{}\', "filed_by" character varying(64) NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decision" character varying(10), "decision_reason" text, "score_change" numeric(6,2), "adjustment_id" uuid, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_assessment_objection_change" CHECK (("score_change" IS NULL OR ("decision" = \'UPHELD\' AND "score_change" <> 0)) AND (("adjustment_id" IS NULL) = ("score_change" IS NULL))), CONSTRAINT "CHK_assessment_objection_decided" CHECK (("decision" IS NULL) = ("decided_at" IS NULL) AND ("decision" IS NULL) = ("decision_reason" IS NULL) AND ("decision" IS NULL) = ("decided_by" IS NULL)), CONSTRAINT "CHK_assessment_objection_decision" CHECK ("decision" IS NULL OR "decision" IN (\'UPHELD\', \'REJECTED\')), CONSTRAINT "PK_8c53f61df8cbe3351f90c7a7a28" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_assessment_objection_unit" ON "assessment_objection"  ("cycle_id", "unit_code") ',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_publication" ADD CONSTRAINT "FK_26722e05b43efb29e2b0ffbb378" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_publication_result" ADD CONSTRAINT "FK_238cb6a1b0bf21a704a3804461f" FOREIGN KEY ("publication_id") REFERENCES "assessment_publication"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_publication_result" ADD CONSTRAINT "FK_810fd90d5f56c69859ddfda6b0a" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_objection" ADD CONSTRAINT "FK_85a4f675a77874031e05ef1f6fd" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_objection" ADD CONSTRAINT "FK_1e00a37635535bd3a27a8599029" FOREIGN KEY ("publication_id") REFERENCES "assessment_publication"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_objection" ADD CONSTRAINT "FK_71956ec1b584309de8da61dbc5b" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_objection" ADD CONSTRAINT "FK_b37a1b157bd6a7cd4db3eb54f64" FOREIGN KEY ("adjustment_id") REFERENCES "assessment_adjustment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Publications and their snapshots are append-only, like plan versions and frozen results.
    for (const table of ['assessment_publication', 'assessment_publication_result']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION assessment_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()`,
      );
    }
    // An objection keeps what was filed; its decision is recorded once and never changes.
    await queryRunner.query(`CREATE FUNCTION assessment_objection_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'assessment_objection: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.cycle_id, NEW.publication_id, NEW.unit_code, NEW.indicator_id, NEW.reason, NEW.evidence_ids,
      NEW.filed_by, NEW.filed_at)
     IS DISTINCT FROM (OLD.cycle_id, OLD.publication_id, OLD.unit_code, OLD.indicator_id, OLD.reason,
      OLD.evidence_ids, OLD.filed_by, OLD.filed_at) THEN
    RAISE EXCEPTION 'assessment_objection: what was filed never changes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.decision IS NOT NULL THEN
    RAISE EXCEPTION 'assessment_objection: a decision never changes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER assessment_objection_guard BEFORE UPDATE OR DELETE ON assessment_objection FOR EACH ROW EXECUTE FUNCTION assessment_objection_guard()',
    );
    await queryRunner.query(
      'CREATE TRIGGER assessment_objection_no_truncate BEFORE TRUNCATE ON assessment_objection FOR EACH STATEMENT EXECUTE FUNCTION assessment_append_only()',
    );
    await this.setKinds(queryRunner, KINDS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM notification_setting WHERE kind IN ('ASSESSMENT_PUBLISHED', 'OBJECTION_FILED', 'OBJECTION_DECIDED')`,
    );
    await this.setKinds(queryRunner, OLD_KINDS);
    await queryRunner.query(
      'DROP TRIGGER assessment_objection_no_truncate ON assessment_objection',
    );
    await queryRunner.query('DROP TRIGGER assessment_objection_guard ON assessment_objection');
    await queryRunner.query('DROP FUNCTION assessment_objection_guard()');
    await queryRunner.query('DROP TABLE "assessment_objection"');
    for (const table of ['assessment_publication_result', 'assessment_publication']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_change ON ${table}`);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }

  private async setKinds(queryRunner: QueryRunner, kinds: string): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"');
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${kinds}))`,
    );
    await queryRunner.query(
      'ALTER TABLE "notification_setting" DROP CONSTRAINT "CHK_notification_setting_kind"',
    );
    await queryRunner.query(
      `ALTER TABLE "notification_setting" ADD CONSTRAINT "CHK_notification_setting_kind" CHECK ("kind" IN (${kinds}))`,
    );
  }
}
