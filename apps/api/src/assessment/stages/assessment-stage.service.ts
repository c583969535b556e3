import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionOf, notFound } from '../../access/jurisdiction';
import { Clock, CLOCK } from '../../auth/clock';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { AppError } from '../../graphql/app-error';
import { shanghaiDate } from '../../common/iso-date';
import { liveUnitScores, planInForce } from '../assessment-scores';
import { assertOpen } from '../assessment.service';
import {
  ASSESSMENT_STAGES,
  AssessmentStage,
  AssessmentStageEntry,
  AssessmentStageUnit,
  AssessmentStageWindow,
  AssessmentScoreChange,
} from './assessment-stage.entities';
import {
  applicableIndicators,
  checkScore,
  finalOf,
  inJurisdiction,
  invalid,
  MAX_EVIDENCE,
  MAX_NARRATIVE,
  mayPreliminaryReview,
  maySelfAssess,
  Problem,
  ScopedUnit,
  StageUnitSummary,
  StageEvidenceFile,
  STAGE_ZH,
  UnitStageView,
} from './assessment-stage.rules';
import {
  applicableFor,
  applicableIndicator,
  assertSelfOpen,
  findCycle,
  findUnit,
  lockEntry,
  lockUnit,
  problemsError,
  recordChange,
  selfClosed,
  stageWindows,
  unitDuties,
} from './assessment-stage.store';

/** At most this many of the unit's evidence files are listed with its staged assessment. */
const MAX_LISTED_EVIDENCE = 500;

/**
 * The staged Article 40 assessment (自评 → 市州初审 → 省级复核 → …): the schedule of stage
 * windows, each unit's self-assessment (the unit's own operators score every applicable
 * indicator with a narrative and evidence, then submit; after the window closes a submission is
 * still taken but marked late), the preliminary review by the unit's prefecture (a score and
 * comment per indicator, or a return to the unit with a reason, which reopens its
 * self-assessment) and the provincial review. Every score change and hand-over is written to the
 * append-only, hash-chained `assessment_score_change`. Every id is checked here against the
 * caller's role and jurisdiction; outside it the answer is NOT_FOUND.
 */
@Injectable()
export class AssessmentStageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ---- schedule -------------------------------------------------------------------------

  async schedule(principal: Principal, cycleId: string): Promise<AssessmentStageWindow[]> {
    if (jurisdictionOf(principal).kind === 'none') throw notFound('考核年度');
    await findCycle(this.dataSource.manager, cycleId);
    return stageWindows(this.dataSource.manager, cycleId);
  }

  /**
   * Sets the windows of the given stages (others keep theirs). The schedule as a whole must run
   * in stage order: a stage opens no earlier than the stage before it.
   */
  async setSchedule(
    principal: Principal,
    cycleId: string,
    windows: Array<{ stage: AssessmentStage; opensAt: Date; closesAt: Date }>,
  ): Promise<AssessmentStageWindow[]> {
    if (principal.role !== Role.PROVINCIAL_SUPERVISOR) throw notFound('考核年度');
    const problems: Problem[] = [];
    const seen = new Set<string>();
    windows.forEach((w, i) => {
      if (!ASSESSMENT_STAGES.includes(w.stage)) {
        problems.push({ code: 'STAGE_UNKNOWN', path: `windows.${i}.stage`, message: '未知阶段。' });
      }
      if (seen.has(w.stage)) {
        problems.push({
          code: 'STAGE_DUPLICATE',
          path: `windows.${i}.stage`,
          message: `阶段“${STAGE_ZH[w.stage]}”重复。`,
        });
      }
      seen.add(w.stage);
      if (!(w.closesAt.getTime() > w.opensAt.getTime())) {
        problems.push({
          code: 'STAGE_WINDOW_INVALID',
          path: `windows.${i}.closesAt`,
          message: `阶段“${STAGE_ZH[w.stage] ?? w.stage}”的截止时间须晚于开始时间。`,
        });
      }
    });
    if (problems.length) throw problemsError(problems);
    return this.dataSource.transaction(async (manager) => {
      const cycle = await findCycle(manager, cycleId);
      assertOpen(cycle);
      const current = await stageWindows(manager, cycleId);
      const merged = new Map(current.map((w) => [w.stage, w]));
      const now = this.clock.now();
      for (const w of windows) {
        merged.set(w.stage, {
          cycleId,
          stage: w.stage,
          opensAt: w.opensAt,
          closesAt: w.closesAt,
          setBy: principal.username,
          setAt: now,
        });
      }
      const ordered = ASSESSMENT_STAGES.map((s) => merged.get(s)).filter(
        (w): w is AssessmentStageWindow => !!w,
      );
      for (let i = 1; i < ordered.length; i++) {
        if (ordered[i].opensAt.getTime() < ordered[i - 1].opensAt.getTime()) {
          throw invalid(
            'STAGE_WINDOW_ORDER',
            `“${STAGE_ZH[ordered[i].stage]}”不能早于“${STAGE_ZH[ordered[i - 1].stage]}”开始。`,
            'windows',
          );
        }
      }
      for (const w of windows) {
        await manager.upsert(AssessmentStageWindow, merged.get(w.stage)!, ['cycleId', 'stage']);
      }
      return stageWindows(manager, cycleId);
    });
  }

  // ---- reading ---------------------------------------------------------------------------

  /**
   * The unit's current evidence files of the cycle, to name as the source of a self-score, a
   * measured value, an objection or an on-site finding: for everyone whose jurisdiction holds
   * the unit — its own operators too, who act for the unit there (the evidence explorer is for
   * supervisors and auditors). NOT_FOUND outside scope.
   */
  async evidenceChoices(
    principal: Principal,
    cycleId: string,
    unitCode: string,
  ): Promise<StageEvidenceFile[]> {
    const manager = this.dataSource.manager;
    await findCycle(manager, cycleId);
    const unit = await findUnit(manager, unitCode);
    if (!unit || !inJurisdiction(principal, unit)) throw notFound('单位');
    return unitEvidenceFiles(manager, unit.code, cycleId, []);
  }

  /** A unit's staged assessment: indicators, scores per stage, record; NOT_FOUND outside scope. */
  async unitView(principal: Principal, cycleId: string, unitCode: string): Promise<UnitStageView> {
    const manager = this.dataSource.manager;
    const cycle = await findCycle(manager, cycleId);
    const unit = await findUnit(manager, unitCode);
    if (!unit || !inJurisdiction(principal, unit)) throw notFound('单位');
    const inForce = await planInForce(manager, cycleId);
    const { plan } = inForce;
    const indicators = await applicableFor(manager, cycleId, plan, unit);
    const entries = await manager.find(AssessmentStageEntry, { where: { cycleId, unitCode } });
    const state = await manager.findOne(AssessmentStageUnit, { where: { cycleId, unitCode } });
    const changes = await manager.find(AssessmentScoreChange, {
      where: { cycleId, unitCode },
      order: { id: 'ASC' },
    });
    const attached = [...new Set(entries.flatMap((e) => e.evidenceIds ?? []))];
    const evidence = await unitEvidenceFiles(manager, unit.code, cycleId, attached);
    const windows = new Map((await stageWindows(manager, cycleId)).map((w) => [w.stage, w]));
    const now = this.clock.now();
    const live = await liveUnitScores(manager, cycleId, shanghaiDate(now), [unit.code], {
      plan: inForce,
      cycleEnded: cycle.state !== 'open',
    });
    const openNow = (stage: AssessmentStage) => {
      const w = windows.get(stage);
      return cycle.state === 'open' && !!w && w.opensAt <= now && now < w.closesAt;
    };
    const byId = new Map(entries.map((e) => [e.indicatorId, e]));
    const rows = indicators.map((i) => ({ ...i, entry: byId.get(i.indicatorId) ?? null }));
    const selfOpen =
      cycle.state === 'open' &&
      !!windows.get('SELF_ASSESSMENT') &&
      windows.get('SELF_ASSESSMENT')!.opensAt <= now &&
      !selfClosed(windows, now);
    const submitted = state?.status === 'submitted';
    return {
      unit,
      state,
      indicators: rows,
      final: finalOf(live.get(unit.code)),
      changes,
      evidence,
      dueAt: state?.correctionDueAt ?? windows.get('SELF_ASSESSMENT')?.closesAt ?? null,
      canEditSelf: selfOpen && !submitted && maySelfAssess(principal, unit),
      canPreliminaryReview:
        openNow('PREFECTURE_REVIEW') && submitted && mayPreliminaryReview(principal, unit),
      canProvincialReview:
        openNow('PROVINCIAL_REVIEW') && submitted && principal.role === Role.PROVINCIAL_SUPERVISOR,
    };
  }

  /**
   * The units in the caller's jurisdiction that take part in the cycle (they have tasks in it),
   * with their self-assessment state and live score (the same figure as the assessment scores).
   */
  async units(principal: Principal, cycleId: string): Promise<StageUnitSummary[]> {
    const manager = this.dataSource.manager;
    const cycle = await findCycle(manager, cycleId);
    const j = jurisdictionOf(principal);
    if (j.kind === 'none') return [];
    const params: unknown[] = [cycleId];
    let scope = 'TRUE';
    if (j.kind === 'prefecture') {
      params.push(j.prefectureCode);
      scope = '(u.code = $2 OR u.parent_code = $2)';
    } else if (j.kind === 'unit') {
      params.push(j.unitCode);
      scope = 'u.code = $2';
    }
    const units: ScopedUnit[] = await manager.query(
      `SELECT u.code, u.name, u.level, u.parent_code AS "parentCode", p.level AS "parentLevel"
         FROM admin_unit u LEFT JOIN admin_unit p ON p.code = u.parent_code
        WHERE ${scope}
          AND EXISTS (SELECT 1 FROM task t WHERE t.cycle_id = $1 AND t.unit_code = u.code)
        ORDER BY u.code`,
      params,
    );
    const codes = units.map((u) => u.code);
    const states = await manager
      .createQueryBuilder(AssessmentStageUnit, 's')
      .where('s.cycle_id = :cycleId AND s.unit_code = ANY(:codes)', { cycleId, codes })
      .getMany();
    const live = await liveUnitScores(manager, cycleId, shanghaiDate(this.clock.now()), codes, {
      cycleEnded: cycle.state !== 'open',
    });
    const stateOf = new Map(states.map((s) => [s.unitCode, s]));
    return units.map((unit) => ({
      unit,
      state: stateOf.get(unit.code) ?? null,
      final: finalOf(live.get(unit.code)),
    }));
  }

  // ---- self-assessment -------------------------------------------------------------------

  async saveSelf(
    principal: Principal,
    input: {
      cycleId: string;
      unitCode: string;
      indicatorId: string;
      selfScore: number;
      narrative?: string | null;
      evidenceIds?: string[] | null;
    },
  ): Promise<void> {
    const narrative = input.narrative?.normalize('NFC').trim() || null;
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    if (narrative && narrative.length > MAX_NARRATIVE) {
      throw invalid('NARRATIVE_TOO_LONG', `自评说明最多 ${MAX_NARRATIVE} 字。`, 'narrative');
    }
    if (evidenceIds.length > MAX_EVIDENCE) {
      throw invalid('EVIDENCE_TOO_MANY', `每项最多附 ${MAX_EVIDENCE} 份佐证材料。`, 'evidenceIds');
    }
    await this.dataSource.transaction(async (manager) => {
      const cycle = await findCycle(manager, input.cycleId);
      const unit = await findUnit(manager, input.unitCode);
      if (!unit || !maySelfAssess(principal, unit)) throw notFound('单位');
      assertOpen(cycle);
      const now = this.clock.now();
      await assertSelfOpen(manager, cycle.id, now);
      const state = await lockUnit(manager, cycle.id, unit.code);
      if (state.status === 'submitted') {
        throw invalid(
          'SELF_ASSESSMENT_SUBMITTED',
          '本单位自评已提交，处于审核中；被退回后方可修改。',
          'unitCode',
        );
      }
      const indicator = await applicableIndicator(manager, cycle.id, unit, input.indicatorId);
      const score = checkScore(input.selfScore, indicator.planMarks, 'selfScore');
      if (evidenceIds.length) {
        const found: Array<{ id: string }> = await manager.query(
          `SELECT id FROM evidence
            WHERE id = ANY($1::uuid[]) AND unit_code = $2 AND cycle_id = $3 AND withdrawn_at IS NULL`,
          [evidenceIds, unit.code, cycle.id],
        );
        if (found.length !== evidenceIds.length) {
          throw invalid(
            'EVIDENCE_FOREIGN',
            '所选佐证材料须为本单位本年度的有效材料（未撤回）。',
            'evidenceIds',
          );
        }
      }
      const entry = await lockEntry(manager, cycle.id, unit.code, indicator.indicatorId);
      const before = entry?.selfScore ?? null;
      await manager.upsert(
        AssessmentStageEntry,
        {
          cycleId: cycle.id,
          unitCode: unit.code,
          indicatorId: indicator.indicatorId,
          selfScore: score,
          narrative,
          evidenceIds,
          selfBy: principal.username,
          selfAt: now,
        },
        ['cycleId', 'unitCode', 'indicatorId'],
      );
      if (before === null || Number(before) !== Number(score)) {
        await recordChange(manager, principal, {
          cycleId: cycle.id,
          unitCode: unit.code,
          indicatorId: indicator.indicatorId,
          stage: 'SELF_ASSESSMENT',
          action: 'SELF_SCORE',
          beforeScore: before,
          afterScore: score,
          reason: null,
          detail: {},
          occurredAt: now,
        });
      }
    });
  }

  /**
   * Hands the unit's self-assessment in. Every applicable indicator needs a self-score. After
   * the due time (the self-assessment window's close, or the correction due of a return) the
   * submission is taken and marked late.
   */
  async submitSelf(principal: Principal, cycleId: string, unitCode: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const cycle = await findCycle(manager, cycleId);
      const unit = await findUnit(manager, unitCode);
      if (!unit || !maySelfAssess(principal, unit)) throw notFound('单位');
      assertOpen(cycle);
      const now = this.clock.now();
      const window = await assertSelfOpen(manager, cycle.id, now);
      const state = await lockUnit(manager, cycle.id, unit.code);
      if (state.status === 'submitted') {
        throw invalid('SELF_ASSESSMENT_SUBMITTED', '本单位自评已提交。', 'unitCode');
      }
      const { plan } = await planInForce(manager, cycle.id);
      const duties = await unitDuties(manager, cycle.id, [unit.code]);
      const indicators = applicableIndicators(plan, unit, duties.get(unit.code) ?? new Set());
      const entries = await manager.find(AssessmentStageEntry, {
        where: { cycleId: cycle.id, unitCode: unit.code },
      });
      const missing = indicators.filter(
        (i) => entries.find((e) => e.indicatorId === i.indicatorId)?.selfScore == null,
      );
      if (!indicators.length || missing.length) {
        const message = indicators.length
          ? `尚有 ${missing.length} 项指标未自评：${missing
              .slice(0, 5)
              .map((i) => i.name)
              .join('、')}${missing.length > 5 ? '等' : ''}。`
          : '本单位没有适用的考核指标，无需自评。';
        throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
          problems: missing.length
            ? missing.map((i) => ({
                code: 'SELF_ASSESSMENT_INCOMPLETE',
                path: `indicators.${i.indicatorId}`,
                message: `指标“${i.name}”未自评`,
              }))
            : [{ code: 'SELF_ASSESSMENT_INCOMPLETE', path: 'indicators', message }],
        });
      }
      const dueAt = state.correctionDueAt ?? window.closesAt;
      const late = now.getTime() > dueAt.getTime();
      await manager.update(
        AssessmentStageUnit,
        { cycleId: cycle.id, unitCode: unit.code },
        {
          status: 'submitted',
          submittedAt: now,
          submittedBy: principal.username,
          late,
          submitCount: state.submitCount + 1,
        },
      );
      await manager.update(
        AssessmentStageEntry,
        { cycleId: cycle.id, unitCode: unit.code },
        { submittedAt: now, late },
      );
      await recordChange(manager, principal, {
        cycleId: cycle.id,
        unitCode: unit.code,
        indicatorId: null,
        stage: 'SELF_ASSESSMENT',
        action: 'SUBMIT',
        beforeScore: null,
        afterScore: null,
        reason: null,
        detail: { late, dueAt: dueAt.toISOString(), submission: state.submitCount + 1 },
        occurredAt: now,
      });
    });
  }
}

/**
 * A unit's evidence files of a cycle, newest first: the current ones (not withdrawn or replaced),
 * which may be attached, and those in `attached`, which stay listed (marked when withdrawn).
 */
function unitEvidenceFiles(
  manager: EntityManager,
  unitCode: string,
  cycleId: string,
  attached: string[],
): Promise<StageEvidenceFile[]> {
  return manager.query(
    `SELECT id, original_name AS "fileName", document_number AS "documentNumber",
            withdrawn_at IS NOT NULL AS withdrawn
       FROM evidence
      WHERE unit_code = $1 AND cycle_id = $2
        AND ((withdrawn_at IS NULL AND superseded_by_id IS NULL) OR id = ANY($3::uuid[]))
      ORDER BY uploaded_at DESC, id
      LIMIT ${MAX_LISTED_EVIDENCE}`,
    [unitCode, cycleId, attached],
  );
}
