import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 2: the review queue sorts by submission time (newest or oldest first) and names
 * who submitted. `updated_at` is not that time: any later touch (an extension request, a
 * reassignment, the demo seed's bulk update) moves it. `submitted_at` / `submitted_by` are the
 * latest submission event of the task's history (kind `status`, after.status `SUBMITTED`),
 * backfilled from it here.
 *
 * The submit workflow sets both in the transaction that appends the event (task.service.ts).
 * Writers that append history without the workflow — the demo seed dates a whole year of
 * submissions in bulk — are kept in step by an AFTER INSERT trigger on task_event, which is a
 * no-op when the workflow already wrote the same values; so the column always equals what the
 * history says.
 *
 * The partial index serves the queue: one cycle's submitted, active tasks in submission order.
 */
export class AddTaskSubmittedAt1796800000000 implements MigrationInterface {
  name = 'AddTaskSubmittedAt1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "submitted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "task" ADD "submitted_by" character varying(64)`);
    await queryRunner.query(`
      UPDATE task t SET submitted_at = s.occurred_at, submitted_by = s.actor_username
        FROM (SELECT DISTINCT ON (e.task_id) e.task_id, e.occurred_at, e.actor_username
                FROM task_event e
               WHERE e.kind = 'status' AND e.after ->> 'status' = 'SUBMITTED'
               ORDER BY e.task_id, e.occurred_at DESC, e.id DESC) s
       WHERE s.task_id = t.id`);
    await queryRunner.query(
      `CREATE INDEX "IDX_task_submitted" ON "task" ("cycle_id", "submitted_at", "id") WHERE "status" = 'SUBMITTED' AND "retired_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION task_submission_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE task SET submitted_at = NEW.occurred_at, submitted_by = NEW.actor_username
         WHERE id = NEW.task_id
           AND (submitted_at IS NULL OR submitted_at <= NEW.occurred_at)
           AND (submitted_at IS DISTINCT FROM NEW.occurred_at
                OR submitted_by IS DISTINCT FROM NEW.actor_username);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER task_event_submission AFTER INSERT ON task_event FOR EACH ROW
        WHEN (NEW.kind = 'status' AND NEW.after ->> 'status' = 'SUBMITTED')
        EXECUTE FUNCTION task_submission_from_event()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER task_event_submission ON task_event');
    await queryRunner.query('DROP FUNCTION task_submission_from_event()');
    await queryRunner.query(`DROP INDEX "public"."IDX_task_submitted"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "submitted_by"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "submitted_at"`);
  }
}
