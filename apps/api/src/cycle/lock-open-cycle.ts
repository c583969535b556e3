import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { AppError } from '../graphql/app-error';
import { AssessmentCycle } from './assessment-cycle.entity';

/**
 * The cycle, locked (FOR UPDATE) until the transaction ends so that a concurrent close waits;
 * NOT_FOUND if there is none, CONFLICT with `closedMessage` (what cannot be done, in words a
 * supervisor reads) unless it is open.
 */
export async function lockOpenCycle(
  manager: EntityManager,
  cycleId: string,
  closedMessage: string,
): Promise<AssessmentCycle> {
  const cycle = await manager
    .createQueryBuilder(AssessmentCycle, 'c')
    .setLock('pessimistic_write')
    .where('c.id = :id', { id: cycleId })
    .getOne();
  if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
  if (cycle.state !== 'open') throw new AppError(ErrorCode.CONFLICT, closedMessage);
  return cycle;
}
