import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Indicator, measureTargetFor, roundValue, UnitLevel } from '@duty/assessment/scoring';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionOf, unitInJurisdiction, notFound } from '../../access/jurisdiction';
import { Clock, CLOCK } from '../../auth/clock';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { AppError } from '../../graphql/app-error';
import { planInForce } from '../assessment-scores';
import { assertOpen } from '../assessment.service';
import { AssessmentMeasureEvent, MeasureAction } from './assessment-measure-event.entity';
import { AssessmentMeasureValue } from './assessment-measure-value.entity';

const MAX_TEXT = 500;
/** numeric(18,4): 14 integer digits. */
const MAX_ABS_VALUE = 1e14;

interface ScopedUnit {
  code: string;
  level: UnitLevel;
  parentCode: string | null;
}

/** A measured indicator that applies to a unit, with its value, source and record of changes. */
export interface UnitMeasure {
  indicator: Indicator;
  target: number;
  floor: number | null;
  targetFrom: 'override' | 'level';
  value: AssessmentMeasureValue | null;
  evidenceName: string | null;
  events: AssessmentMeasureEvent[];
  canReport: boolean;
  canAdjust: boolean;
}

/**
 * Values of measured indicators (定量指标): a unit reports its value with the source document
 * (its operator, or a supervisor whose jurisdiction holds the unit); a reviewing supervisor may
 * set an adjusted value with a reason, which is then the value scored. Each change is written to
 * the append-only `assessment_measure_event`; the scores (assessment-scores) read the current
 * values. Every id is checked here: the unit against the caller's scope, the indicator against
 * the plan in force, the evidence against the unit and cycle.
 */
@Injectable()
export class AssessmentMeasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(
    principal: Principal,
    input: {
      cycleId: string;
      unitCode: string;
      indicatorId: string;
      value: number;
      evidenceId?: string | null;
      sourceRef?: string | null;
    },
  ): Promise<AssessmentMeasureValue> {
    const sourceRef = input.sourceRef?.normalize('NFC').trim() || null;
    const evidenceId = input.evidenceId || null;
    const fields: Record<string, string> = {};
    const problems: Array<{ code: string; path: string; message: string }> = [];
    if (!Number.isFinite(input.value) || Math.abs(input.value) >= MAX_ABS_VALUE) {
      fields.value = '数值无效。';
    }
    if (!evidenceId && !sourceRef) {
      fields.sourceRef = '请上传或选择数据来源的佐证材料，或填写来源文件（如文号、统计公报）。';
      problems.push({
        code: 'MEASURE_SOURCE_MISSING',
        path: 'sourceRef',
        message: '上报数值须注明来源文件',
      });
    }
    if (sourceRef && sourceRef.length > MAX_TEXT) fields.sourceRef = `来源最多 ${MAX_TEXT} 字。`;
    if (Object.keys(fields).length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, Object.values(fields).join(''), {
        fields,
        problems,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, input.cycleId);
      const unit = await this.unit(manager, input.unitCode);
      if (!unit || !mayReport(principal, unit)) throw notFound('单位');
      assertOpen(cycle);
      const indicator = await this.applicableIndicator(manager, cycle.id, unit, input.indicatorId);
      if (evidenceId) {
        const [evidence] = await manager.query(
          `SELECT id FROM evidence
            WHERE id = $1 AND unit_code = $2 AND cycle_id = $3 AND withdrawn_at IS NULL`,
          [evidenceId, unit.code, cycle.id],
        );
        if (!evidence) {
          throw new AppError(
            ErrorCode.VALIDATION_FAILED,
            '所选佐证材料不属于该单位本年度（或已撤回）。',
            {
              fields: { evidenceId: '所选佐证材料不属于该单位本年度（或已撤回）。' },
              problems: [
                {
                  code: 'MEASURE_EVIDENCE_FOREIGN',
                  path: 'evidenceId',
                  message: '佐证材料须为该单位本年度的有效材料',
                },
              ],
            },
          );
        }
      }
      const value = roundValue(input.value);
      const current = await this.lockValue(manager, cycle.id, unit.code, indicator.id);
      const now = this.clock.now();
      await manager.upsert(
        AssessmentMeasureValue,
        {
          cycleId: cycle.id,
          unitCode: unit.code,
          indicatorId: indicator.id,
          reportedValue: value.toFixed(4),
          evidenceId,
          sourceRef,
          reportedBy: principal.username,
          reportedAt: now,
        },
        ['cycleId', 'unitCode', 'indicatorId'],
      );
      await this.record(manager, principal, {
        cycleId: cycle.id,
        unitCode: unit.code,
        indicatorId: indicator.id,
        action: 'report',
        beforeValue: current?.reportedValue ?? null,
        afterValue: value.toFixed(4),
        evidenceId,
        sourceRef,
        reason: null,
        createdAt: now,
      });
      return this.findValue(manager, cycle.id, unit.code, indicator.id);
    });
  }

  async adjust(
    principal: Principal,
    input: {
      cycleId: string;
      unitCode: string;
      indicatorId: string;
      value?: number | null;
      reason: string;
    },
  ): Promise<AssessmentMeasureValue> {
    const reason = input.reason.normalize('NFC').trim();
    const value = input.value ?? null;
    const fields: Record<string, string> = {};
    if (!reason || reason.length > MAX_TEXT)
      fields.reason = `请填写调整原因（最多 ${MAX_TEXT} 字）。`;
    if (value !== null && (!Number.isFinite(value) || Math.abs(value) >= MAX_ABS_VALUE)) {
      fields.value = '数值无效。';
    }
    if (Object.keys(fields).length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, Object.values(fields).join(''), { fields });
    }
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, input.cycleId);
      const unit = await this.unit(manager, input.unitCode);
      if (!unit || !mayAdjust(principal, unit)) throw notFound('单位');
      assertOpen(cycle);
      const indicator = await this.applicableIndicator(manager, cycle.id, unit, input.indicatorId);
      const current = await this.lockValue(manager, cycle.id, unit.code, indicator.id);
      if (value === null && !current?.adjustedValue) {
        throw new AppError(ErrorCode.CONFLICT, '该指标没有可撤销的调整值。');
      }
      const now = this.clock.now();
      const after = value === null ? null : roundValue(value).toFixed(4);
      await manager.upsert(
        AssessmentMeasureValue,
        {
          cycleId: cycle.id,
          unitCode: unit.code,
          indicatorId: indicator.id,
          adjustedValue: after,
          adjustReason: after === null ? null : reason,
          adjustedBy: after === null ? null : principal.username,
          adjustedAt: after === null ? null : now,
        },
        ['cycleId', 'unitCode', 'indicatorId'],
      );
      await this.record(manager, principal, {
        cycleId: cycle.id,
        unitCode: unit.code,
        indicatorId: indicator.id,
        action: after === null ? 'unadjust' : 'adjust',
        beforeValue: current?.adjustedValue ?? null,
        afterValue: after,
        evidenceId: null,
        sourceRef: null,
        reason,
        createdAt: now,
      });
      return this.findValue(manager, cycle.id, unit.code, indicator.id);
    });
  }

  /**
   * The measured indicators of the plan in force that apply to a unit (it has a target), with
   * values and changes; NOT_FOUND outside the caller's jurisdiction.
   */
  async unitMeasures(
    principal: Principal,
    cycleId: string,
    unitCode: string,
  ): Promise<UnitMeasure[]> {
    const manager = this.dataSource.manager;
    const cycle = await this.cycle(manager, cycleId);
    const unit = await this.unit(manager, unitCode);
    if (!unit || !inJurisdiction(principal, unit)) throw notFound('单位');
    const { plan } = await planInForce(manager, cycleId);
    const values = await manager.find(AssessmentMeasureValue, {
      where: { cycleId, unitCode },
    });
    const events = await manager.find(AssessmentMeasureEvent, {
      where: { cycleId, unitCode },
      order: { id: 'ASC' },
    });
    const evidenceIds = values.map((v) => v.evidenceId).filter((id): id is string => !!id);
    const names = new Map<string, string>(
      evidenceIds.length
        ? (
            await manager.query(
              `SELECT id, original_name AS name FROM evidence WHERE id = ANY($1::uuid[])`,
              [evidenceIds],
            )
          ).map((e: { id: string; name: string }) => [e.id, e.name])
        : [],
    );
    const open = cycle.state === 'open';
    const out: UnitMeasure[] = [];
    for (const indicator of plan.indicators) {
      if (indicator.kind !== 'measure' || !indicator.measure) continue;
      const target = measureTargetFor(indicator.measure, unit.code, unit.level);
      if (!target) continue;
      const value = values.find((v) => v.indicatorId === indicator.id) ?? null;
      out.push({
        indicator,
        target: target.target,
        floor: target.floor,
        targetFrom: target.from,
        value,
        evidenceName: value?.evidenceId ? (names.get(value.evidenceId) ?? null) : null,
        events: events.filter((e) => e.indicatorId === indicator.id),
        canReport: open && mayReport(principal, unit),
        canAdjust: open && mayAdjust(principal, unit),
      });
    }
    return out;
  }

  private async applicableIndicator(
    manager: EntityManager,
    cycleId: string,
    unit: ScopedUnit,
    indicatorId: string,
  ): Promise<Indicator> {
    const { plan } = await planInForce(manager, cycleId);
    const indicator = plan.indicators.find((i) => i.id === indicatorId);
    if (!indicator || indicator.kind !== 'measure' || !indicator.measure) {
      // A mistaken indicator id is a wrong input against the plan, not something hidden by
      // jurisdiction (NOT_FOUND is kept for units outside it).
      const message = '考核方案中没有该定量指标。';
      throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
        problems: [{ code: 'MEASURE_NOT_APPLICABLE', path: 'indicatorId', message }],
      });
    }
    if (!measureTargetFor(indicator.measure, unit.code, unit.level)) {
      const message = `定量指标“${indicator.name}”未对该单位设置目标值，无需上报。`;
      throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
        problems: [{ code: 'MEASURE_NOT_APPLICABLE', path: 'indicatorId', message }],
      });
    }
    return indicator;
  }

  private async cycle(manager: EntityManager, cycleId: string): Promise<AssessmentCycle> {
    const cycle = await manager.findOne(AssessmentCycle, { where: { id: cycleId } });
    if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
    return cycle;
  }

  private async unit(manager: EntityManager, code: string): Promise<ScopedUnit | null> {
    const [unit] = await manager.query(
      `SELECT code, level, parent_code AS "parentCode" FROM admin_unit WHERE code = $1`,
      [code],
    );
    return unit ?? null;
  }

  /** The current row, locked for this transaction (or null: nothing recorded yet). */
  private async lockValue(
    manager: EntityManager,
    cycleId: string,
    unitCode: string,
    indicatorId: string,
  ): Promise<AssessmentMeasureValue | null> {
    return manager.findOne(AssessmentMeasureValue, {
      where: { cycleId, unitCode, indicatorId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private findValue(
    manager: EntityManager,
    cycleId: string,
    unitCode: string,
    indicatorId: string,
  ): Promise<AssessmentMeasureValue> {
    return manager.findOneOrFail(AssessmentMeasureValue, {
      where: { cycleId, unitCode, indicatorId },
    });
  }

  private async record(
    manager: EntityManager,
    principal: Principal,
    event: {
      cycleId: string;
      unitCode: string;
      indicatorId: string;
      action: MeasureAction;
      beforeValue: string | null;
      afterValue: string | null;
      evidenceId: string | null;
      sourceRef: string | null;
      reason: string | null;
      createdAt: Date;
    },
  ): Promise<void> {
    await manager.insert(AssessmentMeasureEvent, {
      ...event,
      actor: principal.username,
      actorRole: principal.role ?? '',
    });
  }
}

/** The unit's own operators, and supervisors whose jurisdiction holds the unit. */
function mayReport(principal: Principal, unit: ScopedUnit): boolean {
  switch (principal.role) {
    case Role.COUNTY_OPERATOR:
      return principal.unitCode === unit.code;
    case Role.PROVINCIAL_SUPERVISOR:
    case Role.PREFECTURE_SUPERVISOR:
      return inJurisdiction(principal, unit);
    default:
      return false;
  }
}

/**
 * Reviewers: a provincial supervisor for any unit, a prefecture supervisor for the units under
 * the prefecture (not the prefecture's own value: nobody reviews their own unit).
 */
function mayAdjust(principal: Principal, unit: ScopedUnit): boolean {
  if (principal.role === Role.PROVINCIAL_SUPERVISOR) return true;
  return principal.role === Role.PREFECTURE_SUPERVISOR && unit.parentCode === principal.unitCode;
}

function inJurisdiction(principal: Principal, unit: ScopedUnit): boolean {
  return unitInJurisdiction(jurisdictionOf(principal), unit);
}
