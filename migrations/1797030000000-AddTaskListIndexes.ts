import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the task list's province-wide pages (issue 20, found by the EXPLAIN test
 * apps/api/src/analytics/__tests__/hot-plans.int-spec.ts): without them the first page of a
 * cycle, its total count and the "returned" list read every task of every cycle (a sequential
 * scan of task) and sort the cycle's tasks.
 * - IDX_task_cycle_due: a cycle's active tasks by due date (the default sort), with the columns
 *   the page's joins need, so that the total count is an index-only scan of the cycle;
 * - IDX_task_cycle_updated: by last change (the "recently updated" sort);
 * - IDX_task_cycle_status: by status, then last change (the returned / submitted lists).
 */
export class AddTaskListIndexes1797030000000 implements MigrationInterface {
  name = 'AddTaskListIndexes1797030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_task_cycle_due" ON "task" ("cycle_id", "due_date", "id", "unit_code", "duty_id") WHERE "retired_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_cycle_updated" ON "task" ("cycle_id", "updated_at", "id") WHERE "retired_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_cycle_status" ON "task" ("cycle_id", "status", "updated_at", "id") WHERE "retired_at" IS NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_task_cycle_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_cycle_updated"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_cycle_due"');
  }
}
