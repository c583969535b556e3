import { ErrorCode } from '@duty/shared/errors';
import { AppError } from './app-error';

/** A loaded row that must exist (a foreign key points to it); NOT_FOUND otherwise. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) throw new AppError(ErrorCode.NOT_FOUND);
  return value;
}
