import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { pendingMappingCount } from '../duty-mapping/duty-mapping.service';
import { AppError } from '../graphql/app-error';

/** `details.reason` of the CONFLICT that refuses task generation while mappings await a decision. */
export const DUTY_MAPPINGS_PENDING = 'DUTY_MAPPINGS_PENDING';

/**
 * Tasks follow duty lineages, and a pending mapping decides whether a new duty continues an old
 * one (its lineage, tracked flag and review): generating or moving tasks before it is decided
 * would give a unit a new task in place of its running one. Refused until the mapping review of
 * `versionIds` is done; the message names `subject` (the version) and the `action` refused, and
 * `field`, when given, is the input field it belongs to.
 */
export async function refuseWhileMappingsPending(
  manager: EntityManager,
  versionIds: string[],
  { subject, action, field }: { subject: string; action: string; field?: string },
): Promise<void> {
  const pending = await pendingMappingCount(manager, versionIds);
  if (pending > 0) {
    const message = `${subject}还有 ${pending} 条职责映射建议待审核，请先在职责清单的“版本变化”页确认或驳回，再${action}。`;
    throw new AppError(ErrorCode.CONFLICT, message, {
      reason: DUTY_MAPPINGS_PENDING,
      pending,
      ...(field ? { fields: { [field]: message } } : {}),
    });
  }
}
