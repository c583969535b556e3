import { z } from 'zod';

/**
 * The rules of the three-colour urging notices (三色督办单), from the environment. Defaults follow
 * the provincial practice the issue describes; README "督办单规则" documents each variable.
 *
 * - BLUE (蓝色): the task is due within URGING_DUE_SOON_DAYS and behind schedule, or a
 *   supervisor orders it.
 * - ORANGE (橙色): the task is overdue, or a blue notice stayed unanswered for
 *   URGING_BLUE_TO_ORANGE_DAYS.
 * - RED (红色): an orange notice stayed unanswered for URGING_ORANGE_TO_RED_DAYS, or a supervisor
 *   orders it.
 *
 * Behind schedule, per task (the task-level reading of analytics' unit rule "verified share <
 * threshold × elapsed share of the cycle"; a single task has done 0 or all of its work until it
 * is submitted): the task is neither submitted nor verified, has not been started (NOT_STARTED,
 * or RETURNED and not taken up again), and at least URGING_BEHIND_ELAPSED of its own window
 * (cycle start → the task's due date) has elapsed.
 */
const days = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 365')
    .max(365, 'must be between 1 and 365')
    .default(fallback);

const points = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .min(0, 'must be between 0 and 100')
    .max(100, 'must be between 0 and 100')
    .default(fallback);

export const URGING_ENV = {
  URGING_DUE_SOON_DAYS: days(14),
  URGING_BEHIND_ELAPSED: z.coerce
    .number({ error: 'must be a number' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .default(0.7),
  URGING_BLUE_TO_ORANGE_DAYS: days(10),
  URGING_ORANGE_TO_RED_DAYS: days(10),
  URGING_ANSWER_DAYS: days(5),
  URGING_NUMBER_PATTERN: z
    .string()
    .trim()
    .max(40, 'must be at most 40 characters')
    .refine((v) => v.includes('{seq}'), 'must contain {seq} (and usually {year})')
    .default('鄂质督〔{year}〕{seq}号'),
  // Daily at 07:30 (Asia/Shanghai), before the working day starts.
  URGING_DAILY_CRON: z.string().trim().min(9).default('30 7 * * *'),
  // Deductions per notice in the assessment when the plan does not set its own.
  URGING_DEDUCTION_BLUE: points(0),
  URGING_DEDUCTION_ORANGE: points(0.5),
  URGING_DEDUCTION_RED: points(1),
};

export interface UrgingConfig {
  dueSoonDays: number;
  /** Share (0..1) of a task's window that must have elapsed for a not-started task to be behind. */
  behindElapsed: number;
  blueToOrangeDays: number;
  orangeToRedDays: number;
  /** Days from issue to the answer deadline (反馈期限) of an automatic notice. */
  answerDays: number;
  /** `{year}` and `{seq}` are replaced. */
  numberPattern: string;
  dailyCron: string;
  deductions: { BLUE: number; ORANGE: number; RED: number };
}

type UrgingEnv = { [K in keyof typeof URGING_ENV]: z.infer<(typeof URGING_ENV)[K]> };

export function urgingConfigFrom(e: UrgingEnv): UrgingConfig {
  return {
    dueSoonDays: e.URGING_DUE_SOON_DAYS,
    behindElapsed: e.URGING_BEHIND_ELAPSED,
    blueToOrangeDays: e.URGING_BLUE_TO_ORANGE_DAYS,
    orangeToRedDays: e.URGING_ORANGE_TO_RED_DAYS,
    answerDays: e.URGING_ANSWER_DAYS,
    numberPattern: e.URGING_NUMBER_PATTERN,
    dailyCron: e.URGING_DAILY_CRON,
    deductions: {
      BLUE: e.URGING_DEDUCTION_BLUE,
      ORANGE: e.URGING_DEDUCTION_ORANGE,
      RED: e.URGING_DEDUCTION_RED,
    },
  };
}

/** The number of a notice: the pattern with {year} and {seq} replaced. */
export function formatUrgingNumber(pattern: string, year: number, seq: number): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq));
}
