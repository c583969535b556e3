import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AssessmentPlan,
  Indicator,
  indicatorPlanMarks,
  toHundredths,
  UnitScore,
  validatePlan,
} from '@duty/assessment/scoring';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionOf, unitInJurisdiction, notFound, unitScopeSql } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { shanghaiDate } from '../common/iso-date';
import { AppError } from '../graphql/app-error';
import { AdjustmentKind, AssessmentAdjustment } from './assessment-adjustment.entity';
import { AssessmentPlanVersion } from './assessment-plan-version.entity';
import { AssessmentResult, AssessmentResultSet } from './assessment-result.entity';
import { measureSpecFromInput } from './measure/measure-mappers';
import type { MeasureSpecModel } from './measure/measure.models';
import {
  computeScores,
  planDuties,
  planInForce,
  PlanInForce,
  RankedUnitScore,
  RankLevel,
  resultRowsHash,
} from './assessment-scores';

export interface PlanIndicatorInput {
  id: string;
  name: string;
  chapter: number;
  weight: number;
  /** Duty lineage ids. */
  dutyIds?: string[];
  /** Whole articles: every tracked duty of these articles joins the indicator. */
  articles?: number[];
  /** work (default) or measure. */
  kind?: 'work' | 'measure';
  /** A measurement's unit, direction, targets and scoring function. */
  measure?: MeasureSpecModel | null;
}

export interface SavePlanInput {
  cycleId: string;
  expectedVersion: number;
  note?: string;
  chapterWeights: Array<{ chapter: number; weight: number }>;
  indicators?: PlanIndicatorInput[];
  rules: AssessmentPlan['rules'];
  deductions: AssessmentPlan['deductions'];
  bonusCap: number;
  bands: AssessmentPlan['bands'];
}

/** One unit's score as shown: live while the cycle is open, frozen once it is closed. */
export interface ShownScore extends RankedUnitScore {
  frozen: boolean;
  resultSetVersion: number | null;
}

const MAX_REASON = 500;

/**
 * The Article 40 assessment (质量工作考核): the plan per cycle (provincial supervisors, until
 * the cycle closes), supervisors' bonus/deduction/remark entries, and the scores — live while
 * the cycle is open, from the frozen result set once it is closed — within the caller's
 * jurisdiction (ranks are always among all units of the same level).
 */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async plan(cycleId: string): Promise<PlanInForce> {
    await this.cycle(cycleId);
    return planInForce(this.dataSource.manager, cycleId);
  }

  async savePlan(principal: Principal, input: SavePlanInput): Promise<PlanInForce> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(input.cycleId, manager, true);
      assertOpen(cycle);
      const current = await planInForce(manager, cycle.id);
      if (current.version !== input.expectedVersion) {
        throw new AppError(
          ErrorCode.CONFLICT,
          '考核方案已被他人修改，请刷新后重试；您的修改未保存。',
          {
            current: { version: current.version, createdBy: current.createdBy },
          },
        );
      }
      const duties = await planDuties(manager, cycle.id);
      const known = new Set(duties.map((d) => d.lineageId));
      const problems: Array<{ code: string; path: string; message: string }> = [];
      const overrideUnits = new Set<string>();
      const indicators = (input.indicators ?? current.plan.indicators).map((ind, i): Indicator => {
        if (ind.kind === 'measure') {
          // A measurement: scored by a reported value, not by duties (validatePlan checks it).
          // Input and stored specs share the shape; the mapper drops nulls and trims.
          const measure = ind.measure
            ? measureSpecFromInput(ind.measure as MeasureSpecModel)
            : undefined;
          measure?.overrides?.forEach((o) => overrideUnits.add(o.unitCode));
          return {
            id: ind.id,
            name: ind.name.trim(),
            chapter: ind.chapter,
            weight: ind.weight,
            dutyIds: ind.dutyIds ?? [],
            kind: 'measure',
            ...(measure ? { measure } : {}),
          };
        }
        const fromArticles =
          'articles' in ind && ind.articles
            ? duties.filter((d) => ind.articles!.includes(d.article)).map((d) => d.lineageId)
            : [];
        const dutyIds = [...new Set([...(ind.dutyIds ?? []), ...fromArticles])];
        for (const id of dutyIds) {
          if (!known.has(id)) {
            problems.push({
              code: 'UNKNOWN_DUTY',
              path: `indicators.${i}.dutyIds`,
              message: `指标“${ind.name}”引用了本年度未纳入跟踪的职责（${id}）`,
            });
          }
        }
        if (dutyIds.length === 0) {
          problems.push({
            code: 'INDICATOR_EMPTY',
            path: `indicators.${i}`,
            message: `指标“${ind.name}”未关联任何职责`,
          });
        }
        return {
          id: ind.id,
          name: ind.name.trim(),
          chapter: ind.chapter,
          weight: ind.weight,
          dutyIds,
        };
      });
      if (overrideUnits.size > 0) {
        const found: Array<{ code: string }> = await manager.query(
          `SELECT code FROM admin_unit WHERE code = ANY($1::varchar[])`,
          [[...overrideUnits]],
        );
        const exists = new Set(found.map((u) => u.code));
        indicators.forEach((ind, i) =>
          ind.measure?.overrides?.forEach((o, j) => {
            if (!exists.has(o.unitCode)) {
              problems.push({
                code: 'UNKNOWN_UNIT',
                path: `indicators.${i}.measure.overrides.${j}.unitCode`,
                message: `定量指标“${ind.name}”的单独目标引用了不存在的单位（${o.unitCode}）`,
              });
            }
          }),
        );
      }
      const plan: AssessmentPlan = {
        chapterWeights: Object.fromEntries(input.chapterWeights.map((c) => [c.chapter, c.weight])),
        indicators,
        rules: input.rules,
        deductions: input.deductions,
        bonusCap: input.bonusCap,
        bands: input.bands,
      };
      problems.push(...validatePlan(plan));
      if (input.chapterWeights.length !== Object.keys(plan.chapterWeights).length) {
        problems.push({
          code: 'CHAPTER_DUPLICATE',
          path: 'chapterWeights',
          message: '同一章的权重重复设置',
        });
      }
      if (problems.length === 0)
        problems.push(...(await stageScoreProblems(manager, cycle.id, plan)));
      if (problems.length) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `考核方案未保存：${problems.map((p) => p.message).join('；')}。`,
          { problems },
        );
      }
      const saved = manager.create(AssessmentPlanVersion, {
        cycleId: cycle.id,
        version: current.version + 1,
        plan,
        note: input.note?.trim() ?? '',
        createdBy: principal.username,
        createdAt: this.clock.now(),
      });
      await manager.insert(AssessmentPlanVersion, saved);
      return planInForce(manager, cycle.id);
    });
  }

  async addAdjustment(
    principal: Principal,
    input: {
      cycleId: string;
      unitCode: string;
      kind: AdjustmentKind;
      points: number;
      reason: string;
    },
  ): Promise<AssessmentAdjustment> {
    const reason = input.reason.normalize('NFC').trim();
    const points = Math.round(input.points * 100) / 100;
    const fields: Record<string, string> = {};
    if (!reason || reason.length > MAX_REASON)
      fields.reason = `请填写原因（最多 ${MAX_REASON} 字）。`;
    if (input.kind === 'remark' ? points !== 0 : !(points > 0 && points <= 100)) {
      fields.points =
        input.kind === 'remark' ? '督导意见不计分（0 分）。' : '分值须大于 0 且不超过 100。';
    }
    if (Object.keys(fields).length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, Object.values(fields).join(''), { fields });
    }
    return this.dataSource.transaction(async (manager) => {
      assertOpen(await this.cycle(input.cycleId, manager));
      await this.assertMayAdjust(manager, principal, input.unitCode);
      const row = manager.create(AssessmentAdjustment, {
        cycleId: input.cycleId,
        unitCode: input.unitCode,
        kind: input.kind,
        points: points.toFixed(2),
        reason,
        createdBy: principal.username,
        createdAt: this.clock.now(),
      });
      await manager.insert(AssessmentAdjustment, row);
      return manager.findOneOrFail(AssessmentAdjustment, { where: { id: row.id } });
    });
  }

  async revokeAdjustment(
    principal: Principal,
    input: { id: string; reason: string },
  ): Promise<AssessmentAdjustment> {
    const reason = input.reason.normalize('NFC').trim();
    if (!reason || reason.length > MAX_REASON) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '撤销须填写原因。', {
        fields: { reason: '请填写原因。' },
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(AssessmentAdjustment, { where: { id: input.id } });
      if (!row) throw notFound('加减分记录');
      await this.assertMayAdjust(manager, principal, row.unitCode);
      assertOpen(await this.cycle(row.cycleId, manager));
      if (row.revokedAt) throw new AppError(ErrorCode.CONFLICT, '该记录已撤销。');
      await manager.update(
        AssessmentAdjustment,
        { id: row.id },
        { revokedAt: this.clock.now(), revokedBy: principal.username, revokeReason: reason },
      );
      return manager.findOneOrFail(AssessmentAdjustment, { where: { id: row.id } });
    });
  }

  /** Adjustments on units in the jurisdiction (revoked ones included, marked). */
  async adjustments(principal: Principal, cycleId: string, unitCode?: string) {
    const q = this.dataSource
      .getRepository(AssessmentAdjustment)
      .createQueryBuilder('a')
      .innerJoin('admin_unit', 'u', 'u.code = a.unit_code')
      .where('a.cycle_id = :cycleId', { cycleId })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC');
    if (unitCode) q.andWhere('a.unit_code = :unitCode', { unitCode });
    const scope = unitScopeSql(jurisdictionOf(principal), 'u');
    return q.andWhere(scope.sql, scope.params).getMany();
  }

  /** Scores of the units in the jurisdiction, optionally of one level, by level then rank. */
  async scores(principal: Principal, cycleId: string, level?: RankLevel): Promise<ShownScore[]> {
    const { scores: all } = await this.allScores(cycleId);
    return all
      .filter((s) => (!level || s.level === level) && inJurisdiction(principal, s))
      .sort(
        (a, b) =>
          levelOrder(a.level) - levelOrder(b.level) ||
          a.rank - b.rank ||
          a.code.localeCompare(b.code),
      );
  }

  /**
   * One unit's score with its breakdown, and the plan in force (for the indicators' names and
   * chapters); NOT_FOUND outside the jurisdiction.
   */
  async unitScore(
    principal: Principal,
    cycleId: string,
    unitCode: string,
  ): Promise<{ score: ShownScore; plan: PlanInForce }> {
    const { scores, plan } = await this.allScores(cycleId);
    const score = scores.find((s) => s.code === unitCode);
    if (!score || !inJurisdiction(principal, score)) throw notFound('单位考核结果');
    return { score, plan: plan ?? (await planInForce(this.dataSource.manager, cycleId)) };
  }

  async resultSets(cycleId: string) {
    await this.cycle(cycleId);
    const sets = await this.dataSource
      .getRepository(AssessmentResultSet)
      .find({ where: { cycleId }, order: { version: 'ASC' } });
    const out = [];
    for (const set of sets) {
      const rows: Array<{
        unitCode: string;
        rankLevel: string;
        score: string;
        grade: string;
        rank: number;
      }> = await this.dataSource.query(
        `SELECT unit_code AS "unitCode", rank_level AS "rankLevel", score::text AS score, grade, rank
             FROM assessment_result WHERE result_set_id = $1`,
        [set.id],
      );
      out.push({
        ...set,
        units: rows.length,
        integrityOk: resultRowsHash(rows) === set.rowsSha256,
      });
    }
    return out;
  }

  /**
   * Every unit's score: frozen (latest result set) when the cycle is closed, else live, with
   * the plan the live scores were computed with (null for frozen scores: not loaded).
   */
  private async allScores(
    cycleId: string,
  ): Promise<{ scores: ShownScore[]; plan: PlanInForce | null }> {
    const cycle = await this.cycle(cycleId);
    if (cycle.state === 'closed') {
      const set = await this.dataSource
        .getRepository(AssessmentResultSet)
        .findOne({ where: { cycleId }, order: { version: 'DESC' } });
      if (set) {
        const rows = await this.dataSource
          .getRepository(AssessmentResult)
          .find({ where: { resultSetId: set.id } });
        const scores = rows.map((r) => ({
          ...(r.detail as unknown as RankedUnitScore),
          score: Number(r.score),
          grade: r.grade,
          rank: r.rank,
          frozen: true,
          resultSetVersion: set.version,
        }));
        return { scores, plan: null };
      }
    }
    const { scores, plan } = await computeScores(
      this.dataSource.manager,
      cycleId,
      shanghaiDate(this.clock.now()),
    );
    return { scores: scores.map((s) => ({ ...s, frozen: false, resultSetVersion: null })), plan };
  }

  private async cycle(
    cycleId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ) {
    const cycle = await manager.findOne(AssessmentCycle, {
      where: { id: cycleId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
    return cycle;
  }

  /** Provincial supervisors adjust any unit; a prefecture supervisor the units under it. */
  private async assertMayAdjust(manager: EntityManager, principal: Principal, unitCode: string) {
    const [unit] = await manager.query(`SELECT code, parent_code FROM admin_unit WHERE code = $1`, [
      unitCode,
    ]);
    if (principal.role === Role.PROVINCIAL_SUPERVISOR && unit) return;
    if (principal.role === Role.PREFECTURE_SUPERVISOR && unit?.parent_code === principal.unitCode)
      return;
    throw notFound('单位');
  }
}

export function assertOpen(cycle: AssessmentCycle): void {
  if (cycle.state !== 'open') {
    throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭，考核方案和加减分已固化。');
  }
}

function inJurisdiction(
  principal: Principal,
  s: Pick<RankedUnitScore, 'code' | 'parentCode'>,
): boolean {
  return unitInJurisdiction(jurisdictionOf(principal), s);
}

function levelOrder(level: string): number {
  return ['province', 'prefecture', 'county'].indexOf(level);
}

export type { UnitScore };

/**
 * Scores already given in the staged assessment (自评, 初审, 复核) are on each indicator's marks
 * in the plan: a new plan version may not give an indicator fewer marks than a score it already
 * has, or that score would stand above its indicator's marks (the reviewers lower it first).
 */
async function stageScoreProblems(
  manager: EntityManager,
  cycleId: string,
  plan: AssessmentPlan,
): Promise<Array<{ code: string; path: string; message: string }>> {
  const highest: Array<{ indicator_id: string; score: string }> = await manager.query(
    `SELECT indicator_id, max(greatest(self_score, prefecture_score, provincial_score))::text AS score
       FROM assessment_stage_entry WHERE cycle_id = $1
      GROUP BY indicator_id`,
    [cycleId],
  );
  const marks = indicatorPlanMarks(plan);
  const problems: Array<{ code: string; path: string; message: string }> = [];
  for (const row of highest) {
    const at = plan.indicators.findIndex((i) => i.id === row.indicator_id);
    if (at < 0 || row.score === null) continue;
    const available = marks.get(row.indicator_id) ?? 0;
    if (toHundredths(Number(row.score)) > toHundredths(available)) {
      problems.push({
        code: 'STAGE_SCORE_ABOVE_MARKS',
        path: `indicators.${at}`,
        message: `指标“${plan.indicators[at].name}”已有 ${row.score} 分的阶段评分，新方案只给 ${Math.round(available * 100) / 100} 分；请先由评分人调低该评分`,
      });
    }
  }
  return problems;
}
