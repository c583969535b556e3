import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { jurisdictionOf, notFound } from '../access/jurisdiction';
import { Principal } from '../auth/principal';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { AssessmentCycle } from './assessment-cycle.entity';
import { cycleInJurisdiction } from './cycle-scope';

/**
 * The cycle, locked (FOR UPDATE) until the transaction ends so that a concurrent close waits;
 * NOT_FOUND if there is none, CONFLICT with `closedMessage` (what cannot be done, in words a
 * supervisor reads) unless it is open. With `principal`, a cycle outside their jurisdiction (another
 * province's) is NOT_FOUND too.
 */
export async function lockOpenCycle(
  manager: EntityManager,
  cycleId: string,
  closedMessage: string,
  principal?: Principal,
): Promise<AssessmentCycle> {
  const cycle = isUuid(cycleId)
    ? await manager
        .createQueryBuilder(AssessmentCycle, 'c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: cycleId })
        .getOne()
    : null;
  if (principal && (!cycle || !cycleInJurisdiction(jurisdictionOf(principal), cycle))) {
    throw notFound('考核年度');
  }
  if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
  if (cycle.state !== 'open') throw new AppError(ErrorCode.CONFLICT, closedMessage);
  return cycle;
}
