import dayjs, { type Dayjs } from 'dayjs';
import type { AssessmentStage } from '../../../graphql/generated/graphql';

/** The stages in order, as the API runs them. */
export const STAGE_ORDER: readonly AssessmentStage[] = [
  'SELF_ASSESSMENT',
  'PREFECTURE_REVIEW',
  'PROVINCIAL_REVIEW',
  'ONSITE_VERIFICATION',
  'PUBLICATION',
  'OBJECTION',
  'FINAL',
] as AssessmentStage[];

// Offices schedule in Beijing time (UTC+8 all year) whatever the browser's zone is.
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The picker value showing an instant as Beijing wall-clock time: a Dayjs in the browser's zone
 * whose fields (year … minute) are those of Beijing time at `iso`.
 */
export function beijingPickerValue(iso: string): Dayjs {
  const b = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS);
  return dayjs(
    new Date(
      b.getUTCFullYear(),
      b.getUTCMonth(),
      b.getUTCDate(),
      b.getUTCHours(),
      b.getUTCMinutes(),
    ),
  );
}

/** The instant (ISO) of a picker value read as Beijing wall-clock time, to the minute. */
export function beijingInstant(value: Dayjs): string {
  const utc = Date.UTC(value.year(), value.month(), value.date(), value.hour(), value.minute());
  return new Date(utc - BEIJING_OFFSET_MS).toISOString();
}

/** A stage's window as the dialog edits it. */
export interface WindowDraft {
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
}

export interface ScheduledWindow {
  stage: AssessmentStage;
  opensAt: string;
  closesAt: string;
}

/** A problem of the edited schedule: which field, which text (`assessmentStages.scheduleDialog.problems`). */
export interface ScheduleProblem {
  stage: AssessmentStage | null;
  field: 'opensAt' | 'closesAt' | null;
  code:
    | 'STAGE_WINDOW_INCOMPLETE'
    | 'STAGE_WINDOW_CLEARED'
    | 'STAGE_WINDOW_INVALID'
    | 'STAGE_WINDOW_ORDER'
    | 'STAGE_DUPLICATE';
  /** For STAGE_WINDOW_ORDER: the stage that must not open later. */
  previous?: AssessmentStage;
}

export interface ScheduleCheck {
  problems: ScheduleProblem[];
  /** The windows to send: the stages set or moved (unchanged ones are left as they are). */
  changed: ScheduledWindow[];
}

/**
 * Checks the edited windows against what is scheduled, as the API will: both ends or neither
 * (a scheduled stage cannot be cleared), the close after the opening, and stages opening in
 * order over the whole schedule. Unchanged stages keep their exact times.
 */
export function checkSchedule(
  current: readonly ScheduledWindow[],
  drafts: Partial<Record<AssessmentStage, WindowDraft>>,
): ScheduleCheck {
  const problems: ScheduleProblem[] = [];
  const changed: ScheduledWindow[] = [];
  const merged = new Map(current.map((w) => [w.stage, w]));
  for (const stage of STAGE_ORDER) {
    const draft = drafts[stage] ?? {};
    const was = merged.get(stage);
    const opens = draft.opensAt ? beijingInstant(draft.opensAt) : null;
    const closes = draft.closesAt ? beijingInstant(draft.closesAt) : null;
    if (!opens && !closes) {
      if (was) problems.push({ stage, field: 'opensAt', code: 'STAGE_WINDOW_CLEARED' });
      continue;
    }
    if (!opens || !closes) {
      problems.push({
        stage,
        field: opens ? 'closesAt' : 'opensAt',
        code: 'STAGE_WINDOW_INCOMPLETE',
      });
      continue;
    }
    if (Date.parse(closes) <= Date.parse(opens)) {
      problems.push({ stage, field: 'closesAt', code: 'STAGE_WINDOW_INVALID' });
      continue;
    }
    // A picker shows minutes: a window it did not move keeps its stored times.
    const same =
      was &&
      beijingInstant(beijingPickerValue(was.opensAt)) === opens &&
      beijingInstant(beijingPickerValue(was.closesAt)) === closes;
    if (!same) {
      const next = { stage, opensAt: opens, closesAt: closes };
      changed.push(next);
      merged.set(stage, next);
    }
  }
  if (problems.length === 0) {
    const ordered = STAGE_ORDER.flatMap((s) => merged.get(s) ?? []);
    for (let i = 1; i < ordered.length; i++) {
      if (Date.parse(ordered[i].opensAt) < Date.parse(ordered[i - 1].opensAt)) {
        problems.push({
          stage: ordered[i].stage,
          field: 'opensAt',
          code: 'STAGE_WINDOW_ORDER',
          previous: ordered[i - 1].stage,
        });
      }
    }
  }
  return { problems, changed };
}

const SERVER_CODES = ['STAGE_WINDOW_INVALID', 'STAGE_WINDOW_ORDER', 'STAGE_DUPLICATE'] as const;
type ServerCode = (typeof SERVER_CODES)[number];
const isServerCode = (code: string): code is ServerCode =>
  (SERVER_CODES as readonly string[]).includes(code);

/**
 * The API's schedule problems (`details.problems` of VALIDATION_FAILED) as the dialog shows them:
 * `windows.<i>.<field>` names the i-th window sent. Unknown codes are left out (the caller shows
 * the error's own text then).
 */
export function scheduleServerProblems(
  details: Readonly<Record<string, unknown>> | undefined,
  sent: readonly ScheduledWindow[],
): ScheduleProblem[] {
  const problems = Array.isArray(details?.problems) ? (details.problems as unknown[]) : [];
  return problems.flatMap((p): ScheduleProblem[] => {
    if (!p || typeof p !== 'object') return [];
    const { code, path } = p as { code?: unknown; path?: unknown };
    if (typeof code !== 'string' || !isServerCode(code)) return [];
    const match = /^windows\.(\d+)\.(\w+)$/.exec(typeof path === 'string' ? path : '');
    const stage = match ? (sent[Number(match[1])]?.stage ?? null) : null;
    const field = match?.[2] === 'opensAt' || match?.[2] === 'closesAt' ? match[2] : null;
    return [{ stage, field: stage ? (field ?? 'opensAt') : null, code }];
  });
}
