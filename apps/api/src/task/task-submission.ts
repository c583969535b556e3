import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { AppError } from '../graphql/app-error';
import { Task } from './task.entity';

/**
 * What a task needs before it can be SUBMITTED.
 *
 * EVIDENCE HOOK: until evidence (佐证材料) exists, a non-empty progress note is required. The
 * evidence issue replaces this with "at least one piece of evidence" (and keeps the note rule).
 */
export async function assertReadyToSubmit(
  _manager: EntityManager,
  task: Pick<Task, 'progressNote'>,
): Promise<void> {
  if (!task.progressNote?.trim()) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, '提交前请填写进展情况。', {
      fields: { progressNote: '提交前请填写进展情况。' },
    });
  }
}
