import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { AppError } from '../../graphql/app-error';

/** `details.reason` of the CONFLICT that refuses closing a cycle while objections await a decision. */
export const OBJECTIONS_PENDING = 'OBJECTIONS_PENDING';

/** Where provincial supervisors handle a cycle's objections (异议处理). */
export const objectionLink = (cycleId: string) =>
  `/assessment?cycleId=${encodeURIComponent(cycleId)}&tab=objections`;

/** A unit's assessment page (公示结果, its objections). */
export const unitAssessmentLink = (cycleId: string, unitCode: string) =>
  `/units/${encodeURIComponent(unitCode)}?cycleId=${encodeURIComponent(cycleId)}`;

/** Objections of a cycle still awaiting the provincial reviewer's decision. */
export async function pendingObjectionCount(
  manager: EntityManager,
  cycleId: string,
): Promise<number> {
  const [{ n }] = await manager.query(
    `SELECT count(*)::int AS n FROM assessment_objection WHERE cycle_id = $1 AND decision IS NULL`,
    [cycleId],
  );
  return n;
}

/**
 * The final results freeze with the decisions on the objections (异议): closing a published
 * cycle is refused while an objection is undecided.
 */
export async function refuseWhileObjectionsPending(
  manager: EntityManager,
  cycleId: string,
): Promise<void> {
  const pending = await pendingObjectionCount(manager, cycleId);
  if (pending > 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `本考核年度还有 ${pending} 条考核异议待处理，请先在“异议处理”中逐条作出决定，再关闭考核年度。`,
      { reason: OBJECTIONS_PENDING, pending },
    );
  }
}
