import { MEASURE_PROBLEM_CODES, PLAN_PROBLEM_CODES } from '@duty/assessment/scoring';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { DEDUCTION_KEYS, RULE_KEYS, type DeductionKey, type RuleKey } from './planDraft';

const isRuleKey = (key: string | undefined): key is RuleKey =>
  (RULE_KEYS as readonly (string | undefined)[]).includes(key);
const isDeductionKey = (key: string | undefined): key is DeductionKey =>
  (DEDUCTION_KEYS as readonly (string | undefined)[]).includes(key);

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

/** An indicator as it was sent: the server names indicators by their position in the list. */
export interface SentIndicator {
  id: string;
  name: string;
  chapter: number;
}

/**
 * The codes the editor has texts for (`assessment.plan.problemCodes`): the scoring library's
 * plan checks and the API's own (input checks made before the library runs).
 */
export const SERVER_PROBLEM_CODES = [
  ...PLAN_PROBLEM_CODES,
  'CHAPTER_DUPLICATE',
  'INDICATOR_EMPTY',
  'UNKNOWN_DUTY',
  'UNKNOWN_UNIT',
] as const;
export type ServerProblemCode = (typeof SERVER_PROBLEM_CODES)[number];

const isKnownCode = (code: string): code is ServerProblemCode =>
  (SERVER_PROBLEM_CODES as readonly string[]).includes(code);

const INDICATOR_PATH = /^indicators\.(\d+)(?:\.(\w+))?/;

/** The indicator a server path (`indicators.<position>…`) points at, if any. */
function sentIndicatorOf(path: string, sent: readonly SentIndicator[]) {
  const match = INDICATOR_PATH.exec(path);
  return match ? { indicator: sent[Number(match[1])], field: match[2] } : undefined;
}

/**
 * The editor field a server problem belongs to (see PlanFieldPath): the server's path, with an
 * indicator's position turned into its id; undefined when it names no field the editor shows.
 */
export function serverProblemField(
  path: string,
  sent: readonly SentIndicator[],
): string | undefined {
  const ofIndicator = sentIndicatorOf(path, sent);
  if (ofIndicator) {
    const { indicator, field } = ofIndicator;
    if (!indicator) return undefined;
    const shown =
      field === 'weight'
        ? 'weight'
        : field === 'chapter'
          ? 'chapter'
          : field === 'name' || field === 'id'
            ? 'name'
            : 'duties';
    return `indicators.${indicator.id}.${shown}`;
  }
  return /^(chapterWeights(\.\d+)?|rules\.\w+|deductions\.\w+|bonusCap|bands(\.\d+\.(grade|min))?)$/.test(
    path,
  )
    ? path
    : undefined;
}

/**
 * The text of a server problem: the i18n key under `assessment.plan.problemCodes` and its values
 * (indicator names as sent, chapter and grade numbers from the path). Undefined for a code
 * without a text, or when the path lacks what the text needs; show the server's message then.
 */
export function serverProblemText(
  problem: ServerPlanProblem,
  sent: readonly SentIndicator[],
): { key: ServerProblemCode; values: Record<string, string | number> } | undefined {
  const { code, path } = problem;
  if (!isKnownCode(code)) return undefined;
  const segments = path.split('.');
  // Measured-indicator problems (and UNKNOWN_UNIT, an override's unit) name the indicator.
  if ((MEASURE_PROBLEM_CODES as readonly string[]).includes(code) || code === 'UNKNOWN_UNIT') {
    const indicator = sentIndicatorOf(path, sent)?.indicator;
    return indicator
      ? { key: code, values: { name: indicator.name, chapter: indicator.chapter } }
      : undefined;
  }
  switch (code) {
    case 'CHAPTER_WEIGHT_NEGATIVE':
    case 'CHAPTER_INDICATOR_WEIGHTS_ZERO': {
      const chapter = Number(segments[1]);
      return Number.isInteger(chapter) && segments[0] === 'chapterWeights'
        ? { key: code, values: { chapter } }
        : undefined;
    }
    case 'INDICATOR_CHAPTER_UNWEIGHTED':
    case 'INDICATOR_WEIGHT_NEGATIVE':
    case 'INDICATOR_ID_DUPLICATE':
    case 'INDICATOR_EMPTY':
    case 'UNKNOWN_DUTY':
    case 'DUTY_IN_TWO_INDICATORS': {
      const indicator = sentIndicatorOf(path, sent)?.indicator;
      return indicator
        ? { key: code, values: { name: indicator.name, chapter: indicator.chapter } }
        : undefined;
    }
    case 'RULE_FRACTION_RANGE':
      return segments[0] === 'rules' && isRuleKey(segments[1])
        ? { key: code, values: { rule: segments[1] } }
        : undefined;
    case 'DEDUCTION_NEGATIVE':
      return segments[0] === 'deductions' && isDeductionKey(segments[1])
        ? { key: code, values: { deduction: segments[1] } }
        : undefined;
    case 'BANDS_ORDER':
    case 'BANDS_LAST_MIN':
    case 'BAND_GRADE_EMPTY':
    case 'BAND_GRADE_DUPLICATE': {
      const index = Number(segments[1]);
      return segments[0] === 'bands' && Number.isInteger(index)
        ? { key: code, values: { n: index + 1 } }
        : undefined;
    }
    default:
      return { key: code, values: {} };
  }
}
