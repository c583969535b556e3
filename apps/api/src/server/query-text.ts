import { ErrorCode } from '@duty/shared/errors';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../access/http-access';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPaths } from '../common/storable-text';

/**
 * The REST endpoints' query strings follow the rule of every text input (GraphQL:
 * graphql/text-input.ts; upload fields: EvidenceService.validateFields): a NUL (%00) is
 * refused with VALIDATION_FAILED before any handler passes it to the database.
 */
export function refuseUnstorableQueryText(req: Request, res: Response, next: NextFunction) {
  const paths = unstorableTextPaths(req.query, '');
  if (paths.length === 0) return next();
  sendError(res, ErrorCode.VALIDATION_FAILED, `查询参数${UNSTORABLE_TEXT_MESSAGE}`, {
    details: { fields: Object.fromEntries(paths.map((path) => [path, [UNSTORABLE_TEXT_MESSAGE]])) },
  });
}
