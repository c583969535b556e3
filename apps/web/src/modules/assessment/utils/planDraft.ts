import type { MeasureSpecInput } from '../../../graphql/generated/graphql';
import type { AssessmentPlan, SaveAssessmentPlanInput } from '../graphql/types';

/** The editable copy of a plan. Numbers may be null while a field is being cleared. */
export interface PlanDraft {
  chapterWeights: { chapter: number; weight: number | null }[];
  rules: Record<RuleKey, number | null>;
  deductions: Record<DeductionKey, number | null>;
  bonusCap: number | null;
  bands: { grade: string; min: number | null }[];
  indicators: PlanIndicatorDraft[];
  note: string;
}

/**
 * An indicator (指标): duties (lineage ids) and/or whole articles of one chapter, with its
 * weight within the chapter. The server expands `articles` into their duties on save.
 */
export interface PlanIndicatorDraft {
  id: string;
  name: string;
  chapter: number;
  weight: number | null;
  dutyIds: string[];
  articles: number[];
  /** Set for a measurement (定量指标); absent for a work item. */
  kind?: 'measure';
  /** A measurement's unit, direction, targets and scoring function. */
  measure?: MeasureSpecInput;
}

type PlanMeasure = NonNullable<AssessmentPlan['indicators'][number]['measure']>;

/** A measurement's settings as sent back (without GraphQL's __typename fields). */
export function measureInputOf(m: PlanMeasure): MeasureSpecInput {
  const target = (t: { target: number; floor?: number | null } | null | undefined) =>
    t ? { target: t.target, floor: t.floor ?? null } : null;
  return {
    unitOfMeasure: m.unitOfMeasure,
    direction: m.direction,
    scoring: m.scoring,
    levels: {
      province: target(m.levels.province),
      prefecture: target(m.levels.prefecture),
      county: target(m.levels.county),
    },
    overrides: (m.overrides ?? []).map((o) => ({
      unitCode: o.unitCode,
      target: o.target,
      floor: o.floor ?? null,
    })),
    bands: (m.bands ?? []).map((b) => ({
      min: b.min ?? null,
      max: b.max ?? null,
      points: b.points,
    })),
  };
}

export const RULE_KEYS = [
  'verified',
  'submitted',
  'returnedOrInProgress',
  'notStarted',
  'overdueAtCycleEnd',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export const DEDUCTION_KEYS = ['perReturn', 'perExtensionBeyondFirst'] as const;
export type DeductionKey = (typeof DEDUCTION_KEYS)[number];

/**
 * A problem found before saving: an i18n key under `assessment.plan.problems`, its values, and
 * the field it concerns (a {@link PlanFieldPath}) when it concerns one.
 */
export interface DraftProblem {
  key:
    | 'chapterSum'
    | 'chapterWeight'
    | 'rule'
    | 'deduction'
    | 'bonusCap'
    | 'bandsEmpty'
    | 'bandGrade'
    | 'bandDuplicate'
    | 'bandMin'
    | 'bandsOrder'
    | 'bandsLast'
    | 'indicatorName'
    | 'indicatorWeight'
    | 'indicatorEmpty'
    | 'chapterIndicatorsZero';
  values?: Record<string, string | number>;
  path?: PlanFieldPath;
}

/**
 * Where a problem shows in the editor: `chapterWeights.<chapter>`, `rules.<key>`,
 * `deductions.<key>`, `bonusCap`, `bands`, `bands.<index>.grade|min`, or
 * `indicators.<id>.name|chapter|weight|duties` (by id, so it follows the row when others are
 * removed).
 */
export type PlanFieldPath = string;

export const indicatorPath = (id: string, field: 'name' | 'chapter' | 'weight' | 'duties') =>
  `indicators.${id}.${field}`;

const SUM_TOLERANCE = 0.001;

const isNumber = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x);

export function draftFromPlan(plan: AssessmentPlan): PlanDraft {
  return {
    chapterWeights: plan.chapterWeights.map((c) => ({ chapter: c.chapter, weight: c.weight })),
    rules: Object.fromEntries(RULE_KEYS.map((k) => [k, plan.rules[k]])) as PlanDraft['rules'],
    deductions: Object.fromEntries(
      DEDUCTION_KEYS.map((k) => [k, plan.deductions[k]]),
    ) as PlanDraft['deductions'],
    bonusCap: plan.bonusCap,
    bands: plan.bands.map((b) => ({ grade: b.grade, min: b.min })),
    indicators: plan.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      chapter: i.chapter,
      weight: i.weight,
      dutyIds: [...i.dutyIds],
      articles: [],
      ...(i.kind === 'measure' && i.measure
        ? { kind: 'measure' as const, measure: measureInputOf(i.measure) }
        : {}),
    })),
    note: plan.note,
  };
}

/** Sum of the chapter weights, to two decimals (what the running total shows). */
export function chapterWeightSum(draft: Pick<PlanDraft, 'chapterWeights'>): number {
  const sum = draft.chapterWeights.reduce((s, c) => s + (isNumber(c.weight) ? c.weight : 0), 0);
  return Math.round(sum * 100) / 100;
}

export const chapterSumIsValid = (draft: Pick<PlanDraft, 'chapterWeights'>) =>
  Math.abs(chapterWeightSum(draft) - 100) <= SUM_TOLERANCE;

/** The checks the server makes, done before sending so mistakes show at once. */
export function validatePlanDraft(draft: PlanDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const c of draft.chapterWeights) {
    if (!isNumber(c.weight) || c.weight < 0) {
      problems.push({
        key: 'chapterWeight',
        values: { chapter: c.chapter },
        path: `chapterWeights.${c.chapter}`,
      });
    }
  }
  if (!chapterSumIsValid(draft)) {
    problems.push({ key: 'chapterSum', values: { sum: chapterWeightSum(draft) } });
  }
  for (const key of RULE_KEYS) {
    const v = draft.rules[key];
    if (!isNumber(v) || v < 0 || v > 1) {
      problems.push({ key: 'rule', values: { rule: key }, path: `rules.${key}` });
    }
  }
  for (const key of DEDUCTION_KEYS) {
    const v = draft.deductions[key];
    if (!isNumber(v) || v < 0) {
      problems.push({ key: 'deduction', values: { deduction: key }, path: `deductions.${key}` });
    }
  }
  if (!isNumber(draft.bonusCap) || draft.bonusCap < 0 || draft.bonusCap > 100) {
    problems.push({ key: 'bonusCap', path: 'bonusCap' });
  }
  problems.push(...bandProblems(draft.bands));
  const chapterTotals = new Map<number, number>();
  draft.indicators.forEach((ind, i) => {
    if (!ind.name.trim()) {
      problems.push({
        key: 'indicatorName',
        values: { n: i + 1 },
        path: indicatorPath(ind.id, 'name'),
      });
    }
    if (!isNumber(ind.weight) || ind.weight < 0) {
      problems.push({
        key: 'indicatorWeight',
        values: { name: ind.name },
        path: indicatorPath(ind.id, 'weight'),
      });
    }
    if (ind.kind !== 'measure' && ind.dutyIds.length === 0 && ind.articles.length === 0) {
      problems.push({
        key: 'indicatorEmpty',
        values: { name: ind.name },
        path: indicatorPath(ind.id, 'duties'),
      });
    }
    chapterTotals.set(
      ind.chapter,
      (chapterTotals.get(ind.chapter) ?? 0) + (isNumber(ind.weight) ? ind.weight : 0),
    );
  });
  for (const [chapter, total] of chapterTotals) {
    if (!(total > 0)) {
      problems.push({
        key: 'chapterIndicatorsZero',
        values: { chapter },
        path: `chapterWeights.${chapter}`,
      });
    }
  }
  return problems;
}

function bandProblems(bands: PlanDraft['bands']): DraftProblem[] {
  if (bands.length === 0) return [{ key: 'bandsEmpty', path: 'bands' }];
  const problems: DraftProblem[] = [];
  const seen = new Set<string>();
  bands.forEach((band, i) => {
    const grade = band.grade.trim();
    const gradePath = `bands.${i}.grade`;
    const minPath = `bands.${i}.min`;
    if (!grade) problems.push({ key: 'bandGrade', values: { n: i + 1 }, path: gradePath });
    else if (seen.has(grade)) {
      problems.push({ key: 'bandDuplicate', values: { grade }, path: gradePath });
    }
    seen.add(grade);
    if (!isNumber(band.min) || band.min < 0 || band.min > 100) {
      problems.push({ key: 'bandMin', values: { n: i + 1 }, path: minPath });
    } else if (i > 0) {
      const previous = bands[i - 1].min;
      if (isNumber(previous) && !(band.min < previous)) {
        problems.push({
          key: 'bandsOrder',
          values: { grade, min: band.min, previous },
          path: minPath,
        });
      }
    }
  });
  const last = bands[bands.length - 1];
  if (isNumber(last.min) && last.min !== 0) {
    problems.push({
      key: 'bandsLast',
      values: { grade: last.grade.trim() },
      path: `bands.${bands.length - 1}.min`,
    });
  }
  return problems;
}

/** The mutation input of a draft that passed {@link validatePlanDraft}. */
export function toSaveInput(
  draft: PlanDraft,
  cycleId: string,
  expectedVersion: number,
): SaveAssessmentPlanInput {
  const n = (x: number | null) => x ?? 0;
  return {
    cycleId,
    expectedVersion,
    chapterWeights: draft.chapterWeights.map((c) => ({ chapter: c.chapter, weight: n(c.weight) })),
    rules: {
      verified: n(draft.rules.verified),
      submitted: n(draft.rules.submitted),
      returnedOrInProgress: n(draft.rules.returnedOrInProgress),
      notStarted: n(draft.rules.notStarted),
      overdueAtCycleEnd: n(draft.rules.overdueAtCycleEnd),
    },
    deductions: {
      perReturn: n(draft.deductions.perReturn),
      perExtensionBeyondFirst: n(draft.deductions.perExtensionBeyondFirst),
    },
    bonusCap: n(draft.bonusCap),
    bands: draft.bands.map((b) => ({ grade: b.grade.trim(), min: n(b.min) })),
    indicators: draft.indicators.map((i) => ({
      id: i.id,
      name: i.name.trim(),
      chapter: i.chapter,
      weight: n(i.weight),
      dutyIds: i.dutyIds,
      ...(i.articles.length > 0 ? { articles: i.articles } : {}),
      ...(i.kind === 'measure' ? { kind: 'measure', measure: i.measure } : {}),
    })),
    note: draft.note.trim(),
  };
}
