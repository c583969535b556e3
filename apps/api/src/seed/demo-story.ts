import { createHash } from 'node:crypto';

/**
 * The story of the demo cycle, planned in code from the day it is seeded (pure: no database).
 *
 * - The cycle runs for a year and today sits two thirds through it: it started eight months ago
 *   (same day of the month) and is due a year after its start, less a day. Its 考核年度 is the
 *   year it started in.
 * - Units get a profile by rank within their level (deterministic by unit code): a few well
 *   ahead (优秀), a quarter good (良好), most on schedule (合格), some behind and a few badly behind
 *   (不合格).
 * - Within a unit, each chapter's tasks are ordered (by task id; in units on schedule the duties
 *   due at mid-cycle first) and take the statuses of the unit's profile in that order, so every
 *   chapter — and so the unit's score under the default plan — follows the profile closely; the
 *   units behind have overdue tasks.
 * - Every step has a day (from the cycle start) that is before today; verifications spread over
 *   the elapsed months, so the completion trend climbs.
 */

export type DemoStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED';

export type DemoProfile = 'AHEAD' | 'GOOD' | 'ON_SCHEDULE' | 'BEHIND' | 'FAR_BEHIND';

/** Cumulative shares of a unit's tasks: verified, submitted, returned, in progress; the rest not started. */
const PROFILES: Record<DemoProfile, [number, number, number, number]> = {
  AHEAD: [0.88, 0.95, 0.95, 1],
  GOOD: [0.76, 0.88, 0.9, 0.98],
  ON_SCHEDULE: [0.54, 0.7, 0.74, 0.93],
  BEHIND: [0.3, 0.45, 0.5, 0.85],
  FAR_BEHIND: [0.1, 0.18, 0.22, 0.6],
};

const BEHIND_PROFILES: readonly DemoProfile[] = ['BEHIND', 'FAR_BEHIND'];

/** Upper bounds of a unit's rank share (0–1) within its level, per profile. */
const PROFILE_SHARES: Array<[number, DemoProfile]> = [
  [0.12, 'AHEAD'],
  [0.37, 'GOOD'],
  [0.75, 'ON_SCHEDULE'],
  [0.92, 'BEHIND'],
  [1, 'FAR_BEHIND'],
];

export interface DemoCycleDates {
  /** YYYY-MM-DD */
  start: string;
  due: string;
  /** Duties due earlier (at mid-cycle: six months after the start, less a day). */
  midDue: string;
  /** The day of seeding (Asia/Shanghai). */
  today: string;
  year: number;
  title: string;
  /** Days from the start to today. */
  elapsedDays: number;
}

const DAY = 86_400_000;

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The same day `months` later (or the month's last day when it has no such day). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(first);
}

export function addDays(date: string, days: number): string {
  return iso(new Date(parse(date).getTime() + days * DAY));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY);
}

/** The demo cycle's dates for a day of seeding (YYYY-MM-DD, Asia/Shanghai). */
export function demoCycleDates(today: string): DemoCycleDates {
  const start = addMonths(today, -8);
  const due = addDays(addMonths(start, 12), -1);
  const year = Number(start.slice(0, 4));
  return {
    start,
    due,
    midDue: addDays(addMonths(start, 6), -1),
    today,
    year,
    title: `${year}年度湖北省质量促进条例实施考核（演示）`,
    elapsedDays: daysBetween(start, today),
  };
}

/** A stable number in [0, 1) from a string (a task or unit id and a salt). */
export function unitHash(value: string): number {
  return createHash('sha256').update(value).digest().readUInt32BE(0) / 2 ** 32;
}

/** An instant on a day of the cycle (days from the start), at a working hour (Asia/Shanghai). */
export function dayAt(dates: DemoCycleDates, day: number, fraction = 0): Date {
  const minutes = 9 * 60 + Math.floor(fraction * 8 * 60); // 09:00–16:59
  return new Date(parse(dates.start).getTime() + day * DAY + (minutes - 8 * 60) * 60_000);
}

export interface DemoUnit {
  code: string;
  level: string;
}

/**
 * The units of the demo operators (江岸区, 恩施市) swap profiles with the unit that has the one
 * they need, so that their pages show work in every state (not a unit that is all done).
 */
export const DEMO_OPERATOR_PROFILES: Readonly<Record<string, DemoProfile>> = {
  '420102': 'GOOD',
  '422801': 'BEHIND',
};

/**
 * Each unit's profile: ranks within its level by a hash of its code, shares as above (the demo
 * operators' units swapped onto theirs, the shares unchanged).
 */
export function unitProfiles(units: DemoUnit[]): Map<string, DemoProfile> {
  const byLevel = new Map<string, DemoUnit[]>();
  for (const u of units) byLevel.set(u.level, [...(byLevel.get(u.level) ?? []), u]);
  const profiles = new Map<string, DemoProfile>();
  for (const list of byLevel.values()) {
    const ranked = [...list].sort(
      (a, b) => unitHash(`${a.code}:profile`) - unitHash(`${b.code}:profile`),
    );
    ranked.forEach((u, i) => {
      const q = (i + 0.5) / ranked.length;
      profiles.set(u.code, PROFILE_SHARES.find(([max]) => q < max)![1]);
    });
    for (const [code, wanted] of Object.entries(DEMO_OPERATOR_PROFILES)) {
      const own = profiles.get(code);
      if (!own || own === wanted || !list.some((u) => u.code === code)) continue;
      const other = ranked.find(
        (u) => profiles.get(u.code) === wanted && !(u.code in DEMO_OPERATOR_PROFILES),
      );
      if (!other) continue;
      profiles.set(other.code, own);
      profiles.set(code, wanted);
    }
  }
  return profiles;
}

export interface DemoTaskInput {
  id: string;
  unitCode: string;
  chapter: number;
  /** The task's duty is due at mid-cycle. */
  early: boolean;
}

export interface DemoTaskStory {
  id: string;
  status: DemoStatus;
  /** Day of acknowledgement (签收); null: still 待签收. */
  acknowledgedDay: number | null;
  startedDay: number | null;
  submittedDay: number | null;
  returnedDay: number | null;
  verifiedDay: number | null;
  extension: { requestedDay: number; decidedDay: number | null; newDue: string } | null;
  /** Fractions for the hour of each step and picks of notes. */
  h: [number, number, number];
}

/** The status at a position (0–1) of a unit's ordered tasks under a profile. */
export function statusAt(profile: DemoProfile, q: number): DemoStatus {
  const [v, s, r, p] = PROFILES[profile];
  if (q < v) return 'VERIFIED';
  if (q < s) return 'SUBMITTED';
  if (q < r) return 'RETURNED';
  if (q < p) return 'IN_PROGRESS';
  return 'NOT_STARTED';
}

/**
 * Every task's story. Days count from the cycle start; every step is at least a day before
 * today. Deterministic by task id and unit code.
 */
export function planStories(
  dates: DemoCycleDates,
  tasks: DemoTaskInput[],
  profiles: Map<string, DemoProfile>,
): DemoTaskStory[] {
  const e = dates.elapsedDays;
  const mid = daysBetween(dates.start, dates.midDue);
  const groups = new Map<string, DemoTaskInput[]>();
  for (const t of tasks) {
    const key = `${t.unitCode}:${t.chapter}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const stories: DemoTaskStory[] = [];
  for (const group of groups.values()) {
    const profile = profiles.get(group[0].unitCode) ?? 'ON_SCHEDULE';
    // Units on schedule did the duties due at mid-cycle first; units behind did not, and their
    // unfinished ones are overdue now.
    const prioritised = !BEHIND_PROFILES.includes(profile);
    const ordered = [...group].sort(
      (a, b) =>
        (prioritised ? Number(b.early) - Number(a.early) : 0) ||
        unitHash(`${a.id}:order`) - unitHash(`${b.id}:order`),
    );
    ordered.forEach((t, i) => {
      const status = statusAt(profile, (i + 0.5) / ordered.length);
      const h: [number, number, number] = [
        unitHash(`${t.id}:1`),
        unitHash(`${t.id}:2`),
        unitHash(`${t.id}:3`),
      ];
      stories.push(story(t, status, h, e, mid, dates));
    });
  }
  return stories.sort((a, b) => a.id.localeCompare(b.id));
}

function story(
  t: DemoTaskInput,
  status: DemoStatus,
  h: [number, number, number],
  e: number,
  mid: number,
  dates: DemoCycleDates,
): DemoTaskStory {
  const [h1, h2, h3] = h;
  const s: DemoTaskStory = {
    id: t.id,
    status,
    acknowledgedDay: 1 + Math.floor(h1 * 10),
    startedDay: null,
    submittedDay: null,
    returnedDay: null,
    verifiedDay: null,
    extension: null,
    h,
  };
  const startedBefore = (day: number) => 15 + Math.floor(h3 * Math.max(day - 20, 0));
  switch (status) {
    case 'NOT_STARTED':
      // Most untouched tasks were at least acknowledged; some still wait (待签收).
      if (h3 < 0.6) s.acknowledgedDay = null;
      break;
    case 'VERIFIED': {
      // Verified from the seventh week on, spread over the elapsed months (before mid-cycle for
      // the duties due then).
      const last = t.early ? Math.min(mid - 5, e - 2) : e - 2;
      s.verifiedDay = 45 + Math.floor(h1 * Math.max(last - 45, 1));
      s.submittedDay = s.verifiedDay - 5 - Math.floor(h2 * 20);
      s.startedDay = startedBefore(s.submittedDay);
      break;
    }
    case 'SUBMITTED':
      // Waiting for the supervisor: submitted in the last five weeks.
      s.submittedDay = e - 1 - Math.floor(h1 * 35);
      s.startedDay = startedBefore(s.submittedDay);
      break;
    case 'RETURNED':
      s.submittedDay = e - 20 - Math.floor(h1 * 40);
      s.returnedDay = s.submittedDay + 3 + Math.floor(h2 * 10);
      s.startedDay = startedBefore(s.submittedDay);
      break;
    case 'IN_PROGRESS': {
      s.startedDay = 15 + Math.floor(h3 * (e - 45));
      if (h2 < 0.1) {
        // An approved extension: duties due at mid-cycle to the cycle's end, the others by a quarter.
        const requestedDay = t.early
          ? mid - 30 + Math.floor(h1 * 20)
          : e - 40 + Math.floor(h1 * 20);
        s.startedDay = Math.min(s.startedDay, requestedDay - 10);
        s.extension = {
          requestedDay,
          decidedDay: requestedDay + 2,
          newDue: t.early ? dates.due : addMonths(dates.due, 3),
        };
      } else if (h2 < 0.14) {
        // A request still waiting for the supervisor (the supervisors' workbench lists it).
        const requestedDay = e - 3;
        s.startedDay = Math.min(s.startedDay, requestedDay - 10);
        s.extension = {
          requestedDay,
          decidedDay: null,
          newDue: t.early ? dates.due : addMonths(dates.due, 2),
        };
      }
      break;
    }
  }
  return s;
}
