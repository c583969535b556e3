import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { countCurrentEvidence } from '../evidence/evidence-count';
import { AppError } from '../graphql/app-error';
import { Task } from './task.entity';

/**
 * What a task needs before it can be SUBMITTED: a progress note (进展情况) and at least one
 * current evidence file (佐证材料: not withdrawn, not superseded). The task row is locked first
 * so that a concurrent withdrawal cannot slip between this count and the status change;
 * `rowLocked`: the caller has locked it already (SELECT … FOR UPDATE in this transaction, in a
 * statement before this one, so that the count below sees what committed before the lock).
 */
export async function assertReadyToSubmit(
  manager: EntityManager,
  task: Pick<Task, 'id' | 'progressNote'>,
  { rowLocked = false }: { rowLocked?: boolean } = {},
): Promise<void> {
  if (!rowLocked) await manager.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [task.id]);
  const problem = submissionProblem(task, await countCurrentEvidence(manager, task.id));
  if (problem) throw problem;
}

/** The refusal of a submission of `task` with so many current evidence files, if any. */
export function submissionProblem(
  task: Pick<Task, 'progressNote'>,
  currentEvidence: number,
): AppError | null {
  const fields: Record<string, string> = {};
  if (!task.progressNote?.trim()) fields.progressNote = '提交前请填写进展情况。';
  if (currentEvidence === 0) fields.evidence = '提交前请至少上传一份佐证材料。';
  if (Object.keys(fields).length === 0) return null;
  return new AppError(ErrorCode.VALIDATION_FAILED, Object.values(fields).join(''), { fields });
}

/**
 * The current evidence files of the task `taskParam` names, as a scalar subquery (the count of
 * countCurrentEvidence): for the statement that submits the task, in the transaction that
 * locked its row in an earlier statement (see assertReadyToSubmit).
 */
export function currentEvidenceCountSql(taskParam: string): string {
  return `(SELECT count(*)::int FROM evidence
            WHERE task_id = ${taskParam} AND withdrawn_at IS NULL AND superseded_by_id IS NULL)`;
}
