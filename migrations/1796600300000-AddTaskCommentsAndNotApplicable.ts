import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, items 5 and 7: comments and leadership instructions (评论 / 批示) on tasks, their
 * attachments, and not-applicable requests (不适用).
 *
 * - task_comment and task_comment_attachment are append-only (a trigger refuses UPDATE, DELETE
 *   and TRUNCATE; the application role is not granted them either, see database/app-role.ts).
 *   Every comment is also a task_event (comment / instruction) carrying the SHA-256 of its body,
 *   so the hash-chained history vouches for the comment text.
 * - Attachments live in the evidence store (content-addressed) but are not evidence rows: they
 *   count nowhere as the task's evidence unless the uploader marked them so (evidence_id).
 * - task.not_applicable_status mirrors the latest request (REQUESTED / APPROVED / REJECTED, null
 *   = applies); APPROVED tasks are left out of completion rates and the assessment.
 */
export class AddTaskCommentsAndNotApplicable1796600300000 implements MigrationInterface {
  name = 'AddTaskCommentsAndNotApplicable1796600300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "task_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "parent_id" uuid, "kind" character varying(12) NOT NULL, "author_username" character varying(64) NOT NULL, "author_role" character varying(32) NOT NULL, "author_unit_code" character varying(12), "body" text NOT NULL, "mentions" jsonb NOT NULL, "attachment_ids" jsonb NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_task_comment_body" CHECK (length("body") BETWEEN 1 AND 5000), CONSTRAINT "CHK_task_comment_kind" CHECK ("kind" IN ('COMMENT', 'INSTRUCTION')), CONSTRAINT "PK_task_comment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_comment_task" ON "task_comment" ("task_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_comment_unit_cycle" ON "task_comment" ("unit_code", "cycle_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_comment_parent" ON "task_comment" ("parent_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_comment" ADD CONSTRAINT "FK_task_comment_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_comment" ADD CONSTRAINT "FK_task_comment_parent" FOREIGN KEY ("parent_id") REFERENCES "task_comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    await queryRunner.query(
      `CREATE TABLE "task_comment_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "file_type" character varying(8) NOT NULL, "mime_type" character varying(100) NOT NULL, "original_name" character varying(255) NOT NULL, "evidence_id" uuid, "uploaded_by" character varying(64) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_task_comment_attachment_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_task_comment_attachment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_comment_attachment_task" ON "task_comment_attachment" ("task_id", "uploaded_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_comment_attachment_sha256" ON "task_comment_attachment" ("sha256") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_comment_attachment" ADD CONSTRAINT "FK_task_comment_attachment_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_comment_attachment" ADD CONSTRAINT "FK_task_comment_attachment_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    // Append-only, like task_event: a comment is answered or corrected by a new one.
    await queryRunner.query(`CREATE FUNCTION task_comment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    for (const table of ['task_comment', 'task_comment_attachment']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION task_comment_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION task_comment_append_only()`,
      );
    }

    await queryRunner.query('ALTER TABLE "task" ADD "not_applicable_status" character varying(12)');
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "CHK_task_not_applicable_status" CHECK ("not_applicable_status" IN ('REQUESTED', 'APPROVED', 'REJECTED'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "task_not_applicable_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "cycle_id" uuid NOT NULL, "reason" text NOT NULL, "document_reference" character varying(200), "evidence_ids" jsonb NOT NULL, "requested_by" character varying(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "revoked_by" character varying(64), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" text, CONSTRAINT "CHK_task_not_applicable_request_status" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED')), CONSTRAINT "PK_task_not_applicable_request" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_not_applicable_request_task" ON "task_not_applicable_request" ("task_id", "requested_at") ',
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_task_not_applicable_request_pending" ON "task_not_applicable_request" ("task_id") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      'ALTER TABLE "task_not_applicable_request" ADD CONSTRAINT "FK_task_not_applicable_request_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "task_not_applicable_request"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "CHK_task_not_applicable_status"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "not_applicable_status"');
    await queryRunner.query('DROP TABLE "task_comment_attachment"');
    await queryRunner.query('DROP TABLE "task_comment"');
    await queryRunner.query('DROP FUNCTION task_comment_append_only()');
  }
}
