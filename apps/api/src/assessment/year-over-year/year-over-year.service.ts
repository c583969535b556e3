import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { jurisdictionOf, notFound, unitJurisdictionSql } from '../../access/jurisdiction';
import { Principal } from '../../auth/principal';
import { AppError } from '../../graphql/app-error';
import { RankLevel } from '../assessment-scores';
import { AssessmentService, ShownScore } from '../assessment.service';
import {
  EarlierPeriod,
  earlierPeriods,
  periodIndicatorRows,
  PeriodUnitRow,
  periodUnitRows,
} from './year-over-year.sql';

/** Where a period's figures come from. */
export type PeriodSource = 'live' | 'frozen' | 'imported';

export interface YoyPeriod {
  year: number;
  source: PeriodSource;
  cycleId: string | null;
  resultSetVersion: number | null;
  importId: string | null;
  sourceFileName: string | null;
  importedBy: string | null;
  importedAt: Date | null;
}

export interface UnitYoyPoint {
  year: number;
  source: PeriodSource;
  score: number;
  rank: number;
  level: string;
  grade: string | null;
  completion: number | null;
}

export interface IndicatorYoyPoint {
  year: number;
  score: number;
  marks: number | null;
  completion: number | null;
}

export interface IndicatorYoy {
  indicatorId: string;
  name: string;
  /** Oldest first; a period without the indicator has no point. */
  points: IndicatorYoyPoint[];
  scoreChange: number | null;
  completionChange: number | null;
}

export interface Changes {
  scoreChange: number | null;
  /** Previous rank − this rank (positive: moved up); null when either is missing or levels differ. */
  rankChange: number | null;
  completionChange: number | null;
  previousGrade: string | null;
}

export interface UnitYearOverYear extends Changes {
  unitCode: string;
  unitName: string;
  level: string;
  /** Newest first: this cycle, then the earlier ones. */
  periods: YoyPeriod[];
  /** Oldest first. */
  points: UnitYoyPoint[];
  indicators: IndicatorYoy[];
}

export interface YoyRow extends Changes {
  unitCode: string;
  unitName: string;
  level: string;
  parentCode: string | null;
  score: number;
  rank: number;
  grade: string;
  completion: number | null;
  previousScore: number | null;
  previousRank: number | null;
  previousCompletion: number | null;
}

export interface YoyTable {
  year: number;
  current: YoyPeriod;
  previous: YoyPeriod | null;
  rows: YoyRow[];
}

const MAX_PERIODS = 10;

/**
 * Year over year (历年对比) of the Article 40 assessment: this cycle (live while open, frozen once
 * closed) against earlier ones — closed cycles of the same regulation (their latest frozen result
 * set) and imported history of years the system did not run. Only units in the caller's
 * jurisdiction; ranks are the province-wide ones of each period.
 */
@Injectable()
export class YearOverYearService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessment: AssessmentService,
  ) {}

  async unit(
    principal: Principal,
    cycleId: string,
    unitCode: string,
    years = 5,
  ): Promise<UnitYearOverYear> {
    const limit = clampYears(years);
    const { bind, params } = positional();
    const scope = unitJurisdictionSql(jurisdictionOf(principal), 'u', bind);
    const [unit]: Array<{ code: string; name: string; level: string }> =
      await this.dataSource.query(
        `SELECT u.code, u.name, u.level FROM admin_unit u
          WHERE u.code = ${bind('code', unitCode)} AND ${scope}`,
        params(),
      );
    if (!unit) throw notFound('单位');
    const { current, scores } = await this.current(principal, cycleId);
    const mine = scores.find((s) => s.code === unitCode) ?? null;
    const periods = await earlierPeriods(this.dataSource.manager, cycleId, limit - 1);
    const earlier = await periodUnitRows(this.dataSource.manager, periods, [unitCode]);
    const points: UnitYoyPoint[] = earlier.map((r) => ({
      year: r.year,
      source: sourceOf(periods, r.year),
      score: r.score,
      rank: r.rank,
      level: r.level,
      grade: r.grade,
      completion: r.completion,
    }));
    if (mine) {
      points.unshift({
        year: current.year,
        source: current.source,
        score: mine.score,
        rank: mine.rank,
        level: mine.level,
        grade: mine.grade,
        completion: completionOf(mine),
      });
    }
    const previous = mine ? points.find((p) => p.year < current.year) : undefined;

    // Indicators: this cycle's plan, each matched in earlier periods by id, else by name.
    const plan = await this.assessment.plan(cycleId);
    const history = await periodIndicatorRows(this.dataSource.manager, periods, unitCode);
    const indicators = plan.plan.indicators.map((ind): IndicatorYoy => {
      const found = new Map<number, IndicatorYoyPoint>();
      const key = nameKey(ind.name);
      for (const match of [
        (h: (typeof history)[number]) => h.indicatorId === ind.id,
        (h: (typeof history)[number]) => h.name !== null && nameKey(h.name) === key,
      ]) {
        for (const h of history) {
          if (!found.has(h.year) && match(h)) {
            found.set(h.year, {
              year: h.year,
              score: h.score,
              marks: h.marks,
              completion: h.completion,
            });
          }
        }
      }
      const now = mine?.breakdown.find((b) => b.indicatorId === ind.id);
      if (now) {
        found.set(current.year, {
          year: current.year,
          score: round2(now.earned),
          marks: round2(now.marks),
          completion: ratio(
            now.tasks.filter((t) => t.status === 'VERIFIED').length,
            now.tasks.length,
          ),
        });
      }
      const series = [...found.values()].sort((a, b) => a.year - b.year);
      const last = found.get(current.year);
      const before = series.filter((p) => p.year < current.year).at(-1);
      return {
        indicatorId: ind.id,
        name: ind.name,
        points: series,
        scoreChange: last && before ? round2(last.score - before.score) : null,
        completionChange: diff4(last?.completion ?? null, before?.completion ?? null),
      };
    });
    return {
      unitCode: unit.code,
      unitName: unit.name,
      level: unit.level,
      periods: [...(mine ? [current] : []), ...periods.map(toPeriod)],
      points: points.sort((a, b) => a.year - b.year),
      indicators,
      ...changes(points.find((p) => p.year === current.year) ?? null, previous ?? null),
    };
  }

  /**
   * Improvers and decliners: every unit in the jurisdiction (optionally of one level) with this
   * cycle's score, rank, grade and completion against the most recent earlier period, by score
   * change (largest rise first; units without an earlier figure last).
   */
  async table(principal: Principal, cycleId: string, level?: RankLevel): Promise<YoyTable> {
    const { current, scores } = await this.current(principal, cycleId, level);
    const [previous] = await earlierPeriods(this.dataSource.manager, cycleId, 1);
    const before = new Map<string, PeriodUnitRow>(
      previous
        ? (
            await periodUnitRows(
              this.dataSource.manager,
              [previous],
              scores.map((s) => s.code),
            )
          ).map((r) => [r.unitCode, r])
        : [],
    );
    const rows = scores.map((s): YoyRow => {
      const p = before.get(s.code);
      const completion = completionOf(s);
      const now = {
        score: s.score,
        rank: s.rank,
        level: s.level,
        grade: s.grade,
        completion,
      };
      return {
        unitCode: s.code,
        unitName: s.unitName,
        level: s.level,
        parentCode: s.parentCode,
        score: s.score,
        rank: s.rank,
        grade: s.grade,
        completion,
        previousScore: p?.score ?? null,
        previousRank: p?.rank ?? null,
        previousCompletion: p?.completion ?? null,
        ...changes(now, p ?? null),
      };
    });
    rows.sort(
      (a, b) =>
        (a.scoreChange === null ? 1 : 0) - (b.scoreChange === null ? 1 : 0) ||
        (b.scoreChange ?? 0) - (a.scoreChange ?? 0) ||
        (b.rankChange ?? 0) - (a.rankChange ?? 0) ||
        a.unitCode.localeCompare(b.unitCode),
    );
    return { year: current.year, current, previous: previous ? toPeriod(previous) : null, rows };
  }

  /** This cycle's scores in the jurisdiction (live or frozen) and how the period is described. */
  private async current(
    principal: Principal,
    cycleId: string,
    level?: RankLevel,
  ): Promise<{ current: YoyPeriod; scores: ShownScore[] }> {
    const scores = await this.assessment.scores(principal, cycleId, level);
    const [cycle] = await this.dataSource.query(`SELECT year FROM assessment_cycle WHERE id = $1`, [
      cycleId,
    ]);
    const frozen = scores.find((s) => s.frozen);
    return {
      scores,
      current: {
        year: cycle.year,
        source: frozen ? 'frozen' : 'live',
        cycleId,
        resultSetVersion: frozen?.resultSetVersion ?? null,
        importId: null,
        sourceFileName: null,
        importedBy: null,
        importedAt: null,
      },
    };
  }
}

function changes(
  now: { score: number; rank: number; level: string; completion: number | null } | null,
  before: {
    score: number;
    rank: number;
    level: string;
    grade: string | null;
    completion: number | null;
  } | null,
): Changes {
  if (!now || !before) {
    return {
      scoreChange: null,
      rankChange: null,
      completionChange: null,
      previousGrade: before?.grade ?? null,
    };
  }
  return {
    scoreChange: round2(now.score - before.score),
    rankChange: now.level === before.level ? before.rank - now.rank : null,
    completionChange: diff4(now.completion, before.completion),
    previousGrade: before.grade,
  };
}

/** Verified tasks ÷ tasks over the unit's indicators (as the frozen figures are counted in SQL). */
function completionOf(s: ShownScore): number | null {
  const tasks = s.breakdown.flatMap((b) => b.tasks);
  return ratio(tasks.filter((t) => t.status === 'VERIFIED').length, tasks.length);
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;
}

function diff4(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.round((a - b) * 10_000) / 10_000;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Names compared across years: compatibility forms folded, whitespace and punctuation dropped. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}

function sourceOf(periods: EarlierPeriod[], year: number): PeriodSource {
  return periods.find((p) => p.year === year)?.source ?? 'frozen';
}

function toPeriod(p: EarlierPeriod): YoyPeriod {
  return {
    year: p.year,
    source: p.source,
    cycleId: p.cycleId,
    resultSetVersion: p.resultSetVersion,
    importId: p.importId,
    sourceFileName: p.sourceFileName,
    importedBy: p.importedBy,
    importedAt: p.importedAt,
  };
}

function clampYears(years: number): number {
  if (!Number.isInteger(years) || years < 2 || years > MAX_PERIODS) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `对比年数须为 2 至 ${MAX_PERIODS} 之间的整数。`,
      { fields: { years: 'YEARS_OUT_OF_RANGE' } },
    );
  }
  return years;
}

/** Positional parameters for the jurisdiction helper's named binder. */
function positional(): {
  bind: (name: string, value: unknown) => string;
  params: () => unknown[];
} {
  const values: unknown[] = [];
  return {
    bind: (_name, value) => {
      values.push(value);
      return `$${values.length}`;
    },
    params: () => values,
  };
}
