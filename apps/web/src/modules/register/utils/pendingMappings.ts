import { ErrorCode } from '@duty/shared/errors';
import type { AppError } from '../../../graphql/errors';

/**
 * The count of a refusal because the version's duty mappings still await review (CONFLICT with
 * `details.reason` DUTY_MAPPINGS_PENDING), or undefined for any other error.
 */
export function pendingMappingsOf(error: AppError): number | undefined {
  const pending = error.details?.pending;
  return error.code === ErrorCode.CONFLICT &&
    error.details?.reason === 'DUTY_MAPPINGS_PENDING' &&
    typeof pending === 'number'
    ? pending
    : undefined;
}
