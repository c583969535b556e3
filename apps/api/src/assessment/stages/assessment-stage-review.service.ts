import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../access/jurisdiction';
import { Clock, CLOCK } from '../../auth/clock';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { assertOpen } from '../assessment.service';
import { AssessmentStageEntry, AssessmentStageUnit } from './assessment-stage.entities';
import { checkScore, invalid, MAX_TEXT, mayPreliminaryReview } from './assessment-stage.rules';
import {
  applicableIndicator,
  assertStageOpen,
  findCycle,
  findUnit,
  lockEntry,
  lockUnit,
  recordChange,
} from './assessment-stage.store';

/**
 * The review stages of the staged assessment: the preliminary review (市州初审) by the unit's
 * prefecture supervisor — a score and comment per indicator, or a return of the whole
 * self-assessment for correction — and the provincial review (省级复核). Each score and return
 * is written to the hash-chained record; ids outside the reviewer's scope answer NOT_FOUND.
 */
@Injectable()
export class AssessmentStageReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A review score with its comment: the preliminary (prefecture) or the provincial review. */
  async review(
    principal: Principal,
    stage: 'PREFECTURE_REVIEW' | 'PROVINCIAL_REVIEW',
    input: {
      cycleId: string;
      unitCode: string;
      indicatorId: string;
      score: number;
      comment: string;
    },
  ): Promise<void> {
    const comment = input.comment.normalize('NFC').trim();
    if (!comment || comment.length > MAX_TEXT) {
      throw invalid('COMMENT_REQUIRED', `请填写审核意见（最多 ${MAX_TEXT} 字）。`, 'comment');
    }
    await this.dataSource.transaction(async (manager) => {
      const cycle = await findCycle(manager, input.cycleId);
      const unit = await findUnit(manager, input.unitCode);
      const allowed =
        stage === 'PREFECTURE_REVIEW'
          ? unit && mayPreliminaryReview(principal, unit)
          : unit && principal.role === Role.PROVINCIAL_SUPERVISOR;
      if (!unit || !allowed) throw notFound('单位');
      assertOpen(cycle);
      const now = this.clock.now();
      await assertStageOpen(manager, cycle.id, stage, now);
      const state = await lockUnit(manager, cycle.id, unit.code);
      if (state.status !== 'submitted') {
        throw invalid('UNIT_NOT_SUBMITTED', '该单位自评尚未提交（或已退回修改），暂不能审核。');
      }
      const indicator = await applicableIndicator(manager, cycle.id, unit, input.indicatorId);
      const score = checkScore(input.score, indicator.planMarks, 'score');
      const entry = await lockEntry(manager, cycle.id, unit.code, indicator.indicatorId);
      const prefecture = stage === 'PREFECTURE_REVIEW';
      const before = (prefecture ? entry?.prefectureScore : entry?.provincialScore) ?? null;
      await manager.upsert(
        AssessmentStageEntry,
        prefecture
          ? {
              cycleId: cycle.id,
              unitCode: unit.code,
              indicatorId: indicator.indicatorId,
              prefectureScore: score,
              prefectureComment: comment,
              prefectureBy: principal.username,
              prefectureAt: now,
            }
          : {
              cycleId: cycle.id,
              unitCode: unit.code,
              indicatorId: indicator.indicatorId,
              provincialScore: score,
              provincialComment: comment,
              provincialBy: principal.username,
              provincialAt: now,
            },
        ['cycleId', 'unitCode', 'indicatorId'],
      );
      await recordChange(manager, principal, {
        cycleId: cycle.id,
        unitCode: unit.code,
        indicatorId: indicator.indicatorId,
        stage,
        action: prefecture ? 'PREFECTURE_SCORE' : 'PROVINCIAL_SCORE',
        beforeScore: before,
        afterScore: score,
        reason: comment,
        detail: {},
        occurredAt: now,
      });
    });
  }

  /**
   * Returns a submitted self-assessment to the unit for correction, with a reason: it reopens
   * for the unit's operators until `correctionDueAt` (by default the preliminary review's close).
   */
  async returnSelf(
    principal: Principal,
    input: { cycleId: string; unitCode: string; reason: string; correctionDueAt?: Date | null },
  ): Promise<void> {
    const reason = input.reason.normalize('NFC').trim();
    if (!reason || reason.length > MAX_TEXT) {
      throw invalid('RETURN_REASON_REQUIRED', `请填写退回原因（最多 ${MAX_TEXT} 字）。`, 'reason');
    }
    await this.dataSource.transaction(async (manager) => {
      const cycle = await findCycle(manager, input.cycleId);
      const unit = await findUnit(manager, input.unitCode);
      if (!unit || !mayPreliminaryReview(principal, unit)) throw notFound('单位');
      assertOpen(cycle);
      const now = this.clock.now();
      const window = await assertStageOpen(manager, cycle.id, 'PREFECTURE_REVIEW', now);
      const due = input.correctionDueAt ?? window.closesAt;
      if (due.getTime() <= now.getTime() || due.getTime() > window.closesAt.getTime()) {
        throw invalid(
          'CORRECTION_DUE_INVALID',
          '修改截止时间须晚于现在，且不晚于市州初审截止时间。',
          'correctionDueAt',
        );
      }
      const state = await lockUnit(manager, cycle.id, unit.code);
      if (state.status !== 'submitted') {
        throw invalid('UNIT_NOT_SUBMITTED', '该单位自评尚未提交（或已退回修改），不能退回。');
      }
      await manager.update(
        AssessmentStageUnit,
        { cycleId: cycle.id, unitCode: unit.code },
        {
          status: 'returned',
          returnedAt: now,
          returnedBy: principal.username,
          returnReason: reason,
          returnCount: state.returnCount + 1,
          correctionDueAt: due,
        },
      );
      await recordChange(manager, principal, {
        cycleId: cycle.id,
        unitCode: unit.code,
        indicatorId: null,
        stage: 'PREFECTURE_REVIEW',
        action: 'RETURN',
        beforeScore: null,
        afterScore: null,
        reason,
        detail: { correctionDueAt: due.toISOString() },
        occurredAt: now,
      });
    });
  }
}
