import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import { intToChineseNumeral } from '@duty/regulation/parser';
import {
  Jurisdiction,
  jurisdictionOf,
  notFound,
  provinceInJurisdiction,
} from '../access/jurisdiction';
import { CycleProvinces } from '../access/cycle-provinces';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { isIsoDate } from '../common/iso-date';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { AdminLevelEnum } from '../duty/dto/duty-enums';
import { AdminUnitModel } from '../user/dto/user.models';
import { ReadRouting } from '../read-replica/read-routing';
import {
  behindScheduleSql,
  breakdownSql,
  Dimension,
  matrixSql,
  readsRollups,
  shanghaiDate,
  Statement,
  summarySql,
  trendSql,
  UnitLevel,
  unitRowsSql,
} from './analytics-sql';
import {
  AnalyticsFiguresModel,
  AnalyticsRankingModel,
  AnalyticsSummaryModel,
  BehindScheduleRowModel,
  BreakdownRowModel,
  MatrixCellModel,
  TrendPointModel,
  UnitAnalyticsModel,
} from './analytics.models';
import { queryPrepared } from '../database/prepared-query';

type Row = Record<string, unknown>;

/**
 * Who reads: a signed-in user (within their jurisdiction), or a machine API token (within the
 * subtree of the unit it is bound to, see api-token/token-jurisdiction.ts).
 */
export type AnalyticsReader = Principal | { jurisdiction: Jurisdiction };

/** A reader's jurisdiction: given (machine tokens), or a signed-in user's own. */
function readerJurisdiction(reader: AnalyticsReader): Jurisdiction {
  return 'jurisdiction' in reader ? reader.jurisdiction : jurisdictionOf(reader);
}

const LEVELS: readonly UnitLevel[] = ['province', 'prefecture', 'county'];
export const MAX_RANKING = 50;

/**
 * Analytics (统计分析) for the dashboard and the Article 40 assessment: completion figures of a
 * cycle per scope, unit, chapter/article/department kind, day, with behind-schedule detection and
 * rankings. One SQL statement per query (see analytics-sql.ts), restricted to the caller's
 * jurisdiction; a unit outside it is NOT_FOUND, never data.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: ReadRouting,
    private readonly cycles: CycleProvinces,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async summary(
    principal: AnalyticsReader,
    cycleId: string,
    unitCode?: string | null,
  ): Promise<AnalyticsSummaryModel> {
    const [row] = await this.run(
      principal,
      summarySql({ ...(await this.base(principal, cycleId)), unitCode: unitCode || null }),
    );
    return {
      ...figures(row),
      unitsBehindSchedule: Number(row.units_behind),
      daysLeft: Number(row.days_left),
      elapsedFraction: Number(row.elapsed_fraction),
      notApplicableTasks: Number(row.not_applicable),
    };
  }

  async units(
    principal: AnalyticsReader,
    cycleId: string,
    filter: { parentCode?: string | null; level?: string | null },
  ): Promise<UnitAnalyticsModel[]> {
    const rows = await this.run(
      principal,
      unitRowsSql({
        ...(await this.base(principal, cycleId)),
        parentCode: filter.parentCode || null,
        level: parseLevel(filter.level),
      }),
    );
    return rows.filter((r) => r.code !== null).map(unitAnalytics);
  }

  async ranking(
    principal: AnalyticsReader,
    cycleId: string,
    level: string,
    top: number,
  ): Promise<AnalyticsRankingModel> {
    const parsed = parseLevel(level);
    if (!parsed) throw invalid('level', '请指定行政层级（province、prefecture 或 county）。');
    if (!Number.isInteger(top) || top < 1 || top > MAX_RANKING) {
      throw invalid('top', `排名数量须为 1 至 ${MAX_RANKING} 之间的整数。`);
    }
    const rows = (
      await this.run(
        principal,
        unitRowsSql({ ...(await this.base(principal, cycleId)), level: parsed, rank: { top } }),
      )
    ).filter((r) => r.code !== null);
    const pick = (rank: 'top_rank' | 'bottom_rank') =>
      rows
        .filter((r) => Number(r[rank]) <= top)
        .sort((a, b) => Number(a[rank]) - Number(b[rank]))
        .map(unitAnalytics);
    return { top: pick('top_rank'), bottom: pick('bottom_rank') };
  }

  async breakdown(
    principal: AnalyticsReader,
    cycleId: string,
    by: Dimension,
    unitCode?: string | null,
  ): Promise<BreakdownRowModel[]> {
    const rows = await this.run(
      principal,
      breakdownSql({ ...(await this.base(principal, cycleId)), by, unitCode: unitCode || null }),
    );
    return rows
      .filter((r) => r.key !== null)
      .map((r) => ({
        key: String(r.key),
        label: by === 'ARTICLE' ? `第${intToChineseNumeral(Number(r.key))}条` : String(r.label),
        tasks: Number(r.tasks),
        verified: Number(r.verified),
        submitted: Number(r.submitted),
        overdue: Number(r.overdue),
        evidenceCount: Number(r.evidence_count),
        completionRate: Number(r.completion_rate),
        submissionRate: Number(r.submission_rate),
      }));
  }

  async matrix(
    principal: AnalyticsReader,
    cycleId: string,
    parentCode?: string | null,
  ): Promise<MatrixCellModel[]> {
    const rows = await this.run(
      principal,
      matrixSql({ ...(await this.base(principal, cycleId)), parentCode: parentCode || null }),
    );
    return rows
      .filter((r) => r.unit_code !== null)
      .map((r) => ({
        chapter: Number(r.chapter),
        chapterTitle: String(r.chapter_title),
        unitCode: String(r.unit_code),
        unitName: String(r.unit_name),
        tasks: Number(r.tasks),
        verified: Number(r.verified),
        completionRate: Number(r.completion_rate),
      }));
  }

  async trend(
    principal: AnalyticsReader,
    cycleId: string,
    unitCode?: string | null,
  ): Promise<TrendPointModel[]> {
    const rows = await this.run(
      principal,
      trendSql({ ...(await this.base(principal, cycleId)), unitCode: unitCode || null }),
    );
    return rows
      .filter((r) => r.date !== null)
      .map((r) => ({
        date: String(r.date),
        verified: Number(r.verified),
        tasks: Number(r.tasks),
        completionRate: Number(r.completion_rate),
      }));
  }

  async behindSchedule(
    principal: AnalyticsReader,
    cycleId: string,
    input: { threshold: number; asOf?: string | null; level?: string | null },
  ): Promise<BehindScheduleRowModel[]> {
    const { threshold } = input;
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
      throw invalid('threshold', '进度阈值须大于 0 且不大于 1。');
    }
    if (input.asOf && !isIsoDate(input.asOf)) {
      throw invalid('asOf', '日期格式应为 YYYY-MM-DD。');
    }
    const rows = await this.run(
      principal,
      behindScheduleSql({
        ...(await this.base(principal, cycleId)),
        threshold,
        asOf: input.asOf || this.today(),
        level: parseLevel(input.level),
      }),
    );
    return rows
      .filter((r) => r.code !== null)
      .map((r) => ({
        unit: unitOf(r),
        tasks: Number(r.tasks),
        verified: Number(r.verified),
        completionRate: Number(r.completion_rate),
        expected: Number(r.expected),
        gap: Number(r.gap),
      }));
  }

  /**
   * The cycle, today, and the reader's jurisdiction narrowed to the cycle's province: a cycle
   * is read as its province (a national reader sees its prefectures, not an empty column per
   * other province).
   */
  private async base(reader: AnalyticsReader, cycleId: string) {
    if (!isUuid(cycleId)) throw notFound('考核年度');
    const jurisdiction = readerJurisdiction(reader);
    const province = await this.cycles.of(cycleId);
    // Another province's cycle is not there for this reader (like a missing one).
    if (province && !provinceInJurisdiction(jurisdiction, province)) throw notFound('考核年度');
    const narrowed = narrowToProvince(jurisdiction, province);
    return { cycleId, today: this.today(), jurisdiction: narrowed };
  }

  /** Runs one statement; NOT_FOUND when the cycle or the requested unit is missing or outside. */
  private async run(reader: AnalyticsReader, statement: Statement): Promise<Row[]> {
    // On the read replica when it may serve this reader (read-replica/read-routing.ts); machine
    // tokens never write, so they have no write of their own to wait for.
    const writer = 'userId' in reader ? reader.userId : null;
    // Prepared (database/prepared-query.ts): the statements' texts are built by code from a
    // bounded set of shapes, and their planning costs more than their execution. Over the
    // rollups they read by key whatever the values: one generic plan per connection.
    const genericPlan = readsRollups(readerJurisdiction(reader));
    const rows: Row[] = await this.reads.read(writer, (db) =>
      queryPrepared<Row>(db, statement.sql, statement.params, { genericPlan }),
    );
    const meta = rows[0];
    if (!meta || Number(meta.cycle_found) === 0) throw notFound('考核年度');
    if (Number(meta.unit_found) === 0) throw notFound('单位');
    return rows;
  }
}

/**
 * A jurisdiction narrowed to one province's cycle: the whole country or a set of provinces that
 * includes it becomes that province; a set without it sees nothing of it; a prefecture's or a
 * unit's view is already inside one province.
 */
export function narrowToProvince(
  j: Jurisdiction,
  province: string | null | undefined,
): Jurisdiction {
  if (!province) return j;
  if (j.kind === 'all') return { kind: 'provinces', provinceCodes: [province] };
  if (j.kind === 'provinces') {
    return j.provinceCodes.includes(province)
      ? { kind: 'provinces', provinceCodes: [province] }
      : { kind: 'none' };
  }
  return j;
}

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: 'invalid' } });
}

/** A level argument: province | prefecture | county (any case); undefined when absent. */
function parseLevel(level: string | null | undefined): UnitLevel | undefined {
  if (level === undefined || level === null || level === '') return undefined;
  const value = level.trim().toLowerCase() as UnitLevel;
  if (!LEVELS.includes(value)) {
    throw invalid('level', '行政层级须为 province、prefecture 或 county。');
  }
  return value;
}

function figures(r: Row, prefix = ''): AnalyticsFiguresModel {
  const n = (c: string) => Number(r[`${prefix}${c}`] ?? 0);
  return {
    tasks: n('tasks'),
    verified: n('verified'),
    submitted: n('submitted'),
    inProgress: n('in_progress'),
    notStarted: n('not_started'),
    returned: n('returned'),
    overdue: n('overdue'),
    evidenceCount: n('evidence_count'),
    completionRate: n('completion_rate'),
    submissionRate: n('submission_rate'),
  };
}

function unitOf(r: Row): AdminUnitModel {
  return {
    code: String(r.code),
    name: String(r.name),
    level: r.level as AdminLevelEnum,
    parentCode: (r.parent_code as string | null) ?? null,
    directlyAdministered: Boolean(r.directly_administered),
    kind: String(r.kind),
  };
}

function unitAnalytics(r: Row): UnitAnalyticsModel {
  return {
    ...figures(r),
    unit: unitOf(r),
    withChildren: r.level === 'prefecture' || r.level === 'province' ? figures(r, 'wc_') : null,
  };
}
