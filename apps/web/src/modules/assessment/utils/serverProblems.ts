import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** One entry of `extensions.details.problems` of a VALIDATION_FAILED answer to saveAssessmentPlan. */
export interface ServerPlanProblem {
  code: string;
  path: string;
  message: string;
}

const isProblem = (p: unknown): p is ServerPlanProblem =>
  !!p &&
  typeof p === 'object' &&
  typeof (p as ServerPlanProblem).message === 'string' &&
  typeof (p as ServerPlanProblem).code === 'string';

/** The server's list of plan problems carried by a failed mutation, if any. */
export function serverPlanProblems(error: unknown): ServerPlanProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  for (const e of error.errors) {
    const details = e.extensions?.details as { problems?: unknown } | undefined;
    if (Array.isArray(details?.problems)) {
      return details.problems.filter(isProblem).map((p) => ({
        code: p.code,
        path: typeof p.path === 'string' ? p.path : '',
        message: p.message,
      }));
    }
  }
  return [];
}
