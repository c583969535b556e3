import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionOf, notFound } from '../../access/jurisdiction';
import { Clock, CLOCK } from '../../auth/clock';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { shanghaiDate } from '../../common/iso-date';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { AppError } from '../../graphql/app-error';
import { NotificationService } from '../../notification/notification.service';
import { AssessmentAdjustment } from '../assessment-adjustment.entity';
import { computeScores, resultRowsHash } from '../assessment-scores';
import { assertOpen } from '../assessment.service';
import {
  AssessmentObjection,
  AssessmentPublication,
  AssessmentPublicationResult,
  ObjectionDecision,
  PublishedIndicator,
} from './objection.entities';
import { objectionLink, pendingObjectionCount, unitAssessmentLink } from './objections-pending';

const MAX_REASON = 1000;
const MAX_EVIDENCE = 20;

/** Machine codes (`details.problems[].code` / `details.reason`) of the refusals below. */
export const OBJECTION_WINDOW_CLOSED = 'OBJECTION_WINDOW_CLOSED';
export const NOT_PUBLISHED = 'NOT_PUBLISHED';

export interface PublishedUnitResult {
  unitCode: string;
  unitName: string;
  level: string;
  parentCode: string | null;
  score: number;
  grade: string;
  rank: number;
  indicators: Array<Required<PublishedIndicator>>;
}

export interface PublicationView {
  publication: AssessmentPublication;
  results: PublishedUnitResult[];
  windowOpen: boolean;
}

export interface ObjectionView extends AssessmentObjection {
  unitName: string;
  parentCode: string | null;
  indicatorName: string;
  publicationVersion: number;
}

function invalid(code: string, message: string, path = ''): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, {
    problems: [{ code, path, message }],
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 公示与异议: a provincial supervisor publishes the provisional results of a cycle with an
 * objection window; a unit's operators object to one indicator of their own result, with a
 * reason and the unit's evidence, while the window is open; the provincial supervisor upholds
 * (optionally changing the unit's score through an ordinary adjustment) or rejects each
 * objection; the cycle cannot close while an objection awaits a decision. Each step notifies
 * the people concerned in the same transaction.
 */
@Injectable()
export class AssessmentObjectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  async publish(
    principal: Principal,
    cycleId: string,
    objectionClosesAt: Date,
  ): Promise<PublicationView> {
    const now = this.clock.now();
    if (!(objectionClosesAt instanceof Date) || Number.isNaN(objectionClosesAt.getTime())) {
      throw invalid('OBJECTION_CLOSES_INVALID', '请填写异议期截止时间。', 'objectionClosesAt');
    }
    if (objectionClosesAt.getTime() <= now.getTime()) {
      throw invalid('OBJECTION_CLOSES_PAST', '异议期截止时间须晚于现在。', 'objectionClosesAt');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const cycle = await manager.findOne(AssessmentCycle, {
        where: { id: cycleId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
      assertOpen(cycle);
      const { plan, scores } = await computeScores(manager, cycleId, shanghaiDate(now));
      if (scores.length === 0) {
        throw invalid('NOTHING_TO_PUBLISH', '本考核年度还没有可公示的单位得分。');
      }
      const names = new Map(plan.plan.indicators.map((i) => [i.id, i]));
      const rows = scores
        .map((s) => ({
          unitCode: s.code,
          rankLevel: s.level,
          score: s.score.toFixed(2),
          grade: s.grade,
          rank: s.rank,
          indicators: s.breakdown.map((b): PublishedIndicator => ({
            indicatorId: b.indicatorId,
            name: names.get(b.indicatorId)?.name ?? b.indicatorId,
            kind: b.kind,
            marks: round2(b.marks),
            earned: round2(b.earned),
            stage: b.stage,
          })),
        }))
        .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
      const rowsSha256 = resultRowsHash(rows);
      const latest = await manager.findOne(AssessmentPublication, {
        where: { cycleId },
        order: { version: 'DESC' },
      });
      if (
        latest &&
        latest.rowsSha256 === rowsSha256 &&
        latest.objectionClosesAt.getTime() === objectionClosesAt.getTime()
      ) {
        // Nothing changed since the last publication: it stands (no new version, no notice).
        return latest.id;
      }
      const publication = manager.create(AssessmentPublication, {
        cycleId,
        version: (latest?.version ?? 0) + 1,
        planVersion: plan.version,
        objectionClosesAt,
        rowsSha256,
        units: rows.length,
        publishedBy: principal.username,
        publishedAt: now,
      });
      await manager.insert(AssessmentPublication, publication);
      for (let i = 0; i < rows.length; i += 200) {
        await manager.insert(
          AssessmentPublicationResult,
          rows.slice(i, i + 200).map((r) => ({ ...r, publicationId: publication.id })),
        );
      }
      const closes = formatShanghai(objectionClosesAt);
      const title = `${cycle.title}：考核结果公示（第 ${publication.version} 版）`;
      const prefectures = [
        ...new Set(
          scores.map((s) => (s.level === 'county' ? s.parentCode : s.code)).filter(Boolean),
        ),
      ] as string[];
      const supervisors: Array<{ username: string }> = await manager.query(
        `SELECT username FROM app_user
          WHERE role = 'PREFECTURE_SUPERVISOR' AND NOT disabled AND unit_code = ANY($1::varchar[])`,
        [prefectures],
      );
      await this.notifications.notify(manager, [
        ...scores.map((s) => ({
          kind: 'ASSESSMENT_PUBLISHED' as const,
          recipients: { unitOperators: [{ unitCode: s.code }] },
          title,
          body: `本单位考核初步结果：${s.score.toFixed(2)} 分，${s.grade}，同级第 ${s.rank} 名。如有异议，请在 ${closes} 前就具体指标提出，并附理由和佐证材料。`,
          link: unitAssessmentLink(cycleId, s.code),
          unitCode: s.code,
          dedupeKey: `publication:${publication.id}:${s.code}`,
        })),
        {
          kind: 'ASSESSMENT_PUBLISHED' as const,
          recipients: { usernames: supervisors.map((s) => s.username) },
          title,
          body: `全省 ${rows.length} 个单位的考核初步结果已公示，异议期至 ${closes}。`,
          link: objectionLink(cycleId),
          dedupeKey: `publication:${publication.id}`,
        },
      ]);
      return publication.id;
    });
    return this.publicationView(principal, id);
  }

  /** The latest (or a given) publication of a cycle with the results in the jurisdiction. */
  async publication(
    principal: Principal,
    cycleId: string,
    version?: number | null,
  ): Promise<PublicationView | null> {
    const found = await this.dataSource.getRepository(AssessmentPublication).findOne({
      where: version ? { cycleId, version } : { cycleId },
      order: { version: 'DESC' },
    });
    if (!found) {
      if (version) throw notFound('考核结果公示');
      return null;
    }
    return this.publicationView(principal, found.id);
  }

  async file(
    principal: Principal,
    input: {
      cycleId: string;
      unitCode: string;
      indicatorId: string;
      reason: string;
      evidenceIds?: string[] | null;
    },
  ): Promise<ObjectionView> {
    if (principal.role !== Role.COUNTY_OPERATOR || principal.unitCode !== input.unitCode) {
      throw notFound('单位考核结果');
    }
    const reason = input.reason.normalize('NFC').trim();
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    if (!reason || reason.length > MAX_REASON) {
      throw invalid('REASON_REQUIRED', `请填写异议理由（最多 ${MAX_REASON} 字）。`, 'reason');
    }
    if (evidenceIds.length > MAX_EVIDENCE) {
      throw invalid('EVIDENCE_TOO_MANY', `佐证材料最多 ${MAX_EVIDENCE} 份。`, 'evidenceIds');
    }
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      // Shared lock: a concurrent close waits, then sees this objection pending.
      const cycle = await manager.findOne(AssessmentCycle, {
        where: { id: input.cycleId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
      assertOpen(cycle);
      const publication = await manager.findOne(AssessmentPublication, {
        where: { cycleId: cycle.id },
        order: { version: 'DESC' },
      });
      if (!publication) {
        throw invalid(NOT_PUBLISHED, '本考核年度的考核结果尚未公示，暂不能提出异议。');
      }
      if (now.getTime() >= publication.objectionClosesAt.getTime()) {
        throw invalid(
          OBJECTION_WINDOW_CLOSED,
          `异议期已于 ${formatShanghai(publication.objectionClosesAt)} 截止，不能再提出异议。`,
        );
      }
      const result = await manager.findOne(AssessmentPublicationResult, {
        where: { publicationId: publication.id, unitCode: input.unitCode },
      });
      if (!result) throw notFound('单位考核结果');
      const indicator = result.indicators.find((i) => i.indicatorId === input.indicatorId);
      if (!indicator) {
        throw invalid('INDICATOR_UNKNOWN', '本单位公示结果中没有该指标。', 'indicatorId');
      }
      if (evidenceIds.length) {
        const own: Array<{ id: string }> = await manager.query(
          `SELECT id FROM evidence
            WHERE id = ANY($1::uuid[]) AND unit_code = $2 AND cycle_id = $3 AND withdrawn_at IS NULL`,
          [evidenceIds, input.unitCode, cycle.id],
        );
        if (own.length !== evidenceIds.length) {
          throw invalid(
            'EVIDENCE_NOT_OF_UNIT',
            '佐证材料须是本单位本考核年度上传且未撤回的材料。',
            'evidenceIds',
          );
        }
      }
      const objection = manager.create(AssessmentObjection, {
        cycleId: cycle.id,
        publicationId: publication.id,
        unitCode: input.unitCode,
        indicatorId: input.indicatorId,
        reason,
        evidenceIds,
        filedBy: principal.username,
        filedAt: now,
      });
      await manager.insert(AssessmentObjection, objection);
      const [unit] = await manager.query(`SELECT name FROM admin_unit WHERE code = $1`, [
        input.unitCode,
      ]);
      const provincial: Array<{ username: string }> = await manager.query(
        `SELECT username FROM app_user WHERE role = 'PROVINCIAL_SUPERVISOR' AND NOT disabled
            AND left(unit_code, 2) = left($1, 2)`,
        [input.unitCode],
      );
      await this.notifications.notify(manager, [
        {
          kind: 'OBJECTION_FILED',
          recipients: { usernames: provincial.map((p) => p.username) },
          title: `${unit?.name ?? input.unitCode}对考核结果提出异议`,
          body: `指标“${indicator.name}”（公示得分 ${indicator.earned} / ${indicator.marks}）：${clip(reason, 200)}`,
          link: objectionLink(cycle.id),
          unitCode: input.unitCode,
          dedupeKey: `objection:${objection.id}:filed`,
        },
      ]);
      return objection.id;
    });
    return this.objection(principal, id);
  }

  async decide(
    principal: Principal,
    input: {
      objectionId: string;
      decision: ObjectionDecision;
      reason: string;
      scoreChange?: number | null;
    },
  ): Promise<ObjectionView> {
    const reason = input.reason.normalize('NFC').trim();
    const change =
      input.scoreChange === null || input.scoreChange === undefined ? 0 : round2(input.scoreChange);
    const problems: Array<{ code: string; path: string; message: string }> = [];
    if (!['UPHELD', 'REJECTED'].includes(input.decision)) {
      problems.push({
        code: 'DECISION_UNKNOWN',
        path: 'decision',
        message: '请选择成立或不成立。',
      });
    }
    if (!reason || reason.length > MAX_REASON) {
      problems.push({
        code: 'REASON_REQUIRED',
        path: 'reason',
        message: `请填写处理理由（最多 ${MAX_REASON} 字）。`,
      });
    }
    if (input.decision === 'REJECTED' && change !== 0) {
      problems.push({
        code: 'SCORE_CHANGE_ON_REJECT',
        path: 'scoreChange',
        message: '异议不成立时不能调整分数。',
      });
    }
    if (!Number.isFinite(change) || Math.abs(change) > 100) {
      problems.push({
        code: 'SCORE_CHANGE_RANGE',
        path: 'scoreChange',
        message: '分数调整须在 −100 到 100 之间。',
      });
    }
    if (problems.length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, problems.map((p) => p.message).join(''), {
        problems,
      });
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const objection = await manager.findOne(AssessmentObjection, {
        where: { id: input.objectionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!objection || principal.role !== Role.PROVINCIAL_SUPERVISOR) throw notFound('异议');
      const cycle = await manager.findOneOrFail(AssessmentCycle, {
        where: { id: objection.cycleId },
        lock: { mode: 'pessimistic_read' },
      });
      assertOpen(cycle);
      if (objection.decision) {
        throw new AppError(ErrorCode.CONFLICT, '该异议已处理，处理结果不能更改。', {
          current: { decision: objection.decision, decidedBy: objection.decidedBy },
        });
      }
      const indicatorName = await this.indicatorName(manager, objection);
      let adjustmentId: string | null = null;
      if (input.decision === 'UPHELD' && change !== 0) {
        const adjustment = manager.create(AssessmentAdjustment, {
          cycleId: objection.cycleId,
          unitCode: objection.unitCode,
          kind: change > 0 ? 'bonus' : 'deduction',
          points: Math.abs(change).toFixed(2),
          reason: clip(
            `异议成立（异议 ${objection.id.slice(0, 8)}，指标“${indicatorName}”）：${reason}`,
            500,
          ),
          createdBy: principal.username,
          createdAt: now,
        });
        await manager.insert(AssessmentAdjustment, adjustment);
        adjustmentId = adjustment.id;
      }
      await manager.update(
        AssessmentObjection,
        { id: objection.id },
        {
          decision: input.decision,
          decisionReason: reason,
          scoreChange: adjustmentId ? change.toFixed(2) : null,
          adjustmentId,
          decidedBy: principal.username,
          decidedAt: now,
        },
      );
      const verdict = input.decision === 'UPHELD' ? '成立' : '不成立';
      const points =
        adjustmentId === null
          ? ''
          : `，${change > 0 ? '加' : '扣'} ${Math.abs(change).toFixed(2)} 分`;
      await this.notifications.notify(manager, [
        {
          kind: 'OBJECTION_DECIDED',
          recipients: { unitOperators: [{ unitCode: objection.unitCode }] },
          title: `考核异议处理结果：${verdict}`,
          body: `对指标“${indicatorName}”的异议${verdict}${points}。理由：${clip(reason, 200)}`,
          link: unitAssessmentLink(objection.cycleId, objection.unitCode),
          unitCode: objection.unitCode,
          dedupeKey: `objection:${objection.id}:decided`,
        },
      ]);
    });
    return this.objection(principal, input.objectionId);
  }

  /** One objection; NOT_FOUND outside the jurisdiction. */
  async objection(principal: Principal, id: string): Promise<ObjectionView> {
    const [found] = await this.list(principal, { id });
    if (!found) throw notFound('异议');
    return found;
  }

  /** Objections of a cycle in the jurisdiction, oldest first (optionally of one unit, or pending). */
  objections(
    principal: Principal,
    cycleId: string,
    filter: { unitCode?: string | null; pendingOnly?: boolean | null } = {},
  ): Promise<ObjectionView[]> {
    return this.list(principal, { cycleId, ...filter });
  }

  /** Objections still awaiting a decision in a cycle (the close check uses the same count). */
  pendingCount(cycleId: string, manager: EntityManager = this.dataSource.manager) {
    return pendingObjectionCount(manager, cycleId);
  }

  private async list(
    principal: Principal,
    f: { id?: string; cycleId?: string; unitCode?: string | null; pendingOnly?: boolean | null },
  ): Promise<ObjectionView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const bind = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.id) {
      if (!/^[0-9a-f-]{36}$/i.test(f.id)) return [];
      where.push(`o.id = ${bind(f.id)}`);
    }
    if (f.cycleId) where.push(`o.cycle_id = ${bind(f.cycleId)}`);
    if (f.unitCode) where.push(`o.unit_code = ${bind(f.unitCode)}`);
    if (f.pendingOnly) where.push('o.decision IS NULL');
    const j = jurisdictionOf(principal);
    if (j.kind === 'none') return [];
    if (j.kind === 'prefecture') {
      const p = bind(j.prefectureCode);
      where.push(`(u.code = ${p} OR u.parent_code = ${p})`);
    }
    if (j.kind === 'unit') where.push(`u.code = ${bind(j.unitCode)}`);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT o.id, o.cycle_id AS "cycleId", o.publication_id AS "publicationId",
              o.unit_code AS "unitCode", o.indicator_id AS "indicatorId", o.reason,
              o.evidence_ids AS "evidenceIds", o.filed_by AS "filedBy", o.filed_at AS "filedAt",
              o.decision, o.decision_reason AS "decisionReason", o.score_change::text AS "scoreChange",
              o.adjustment_id AS "adjustmentId", o.decided_by AS "decidedBy", o.decided_at AS "decidedAt",
              u.name AS "unitName", u.parent_code AS "parentCode", p.version AS "publicationVersion",
              coalesce((SELECT i->>'name' FROM jsonb_array_elements(r.indicators) i
                         WHERE i->>'indicatorId' = o.indicator_id LIMIT 1), o.indicator_id) AS "indicatorName"
         FROM assessment_objection o
         JOIN admin_unit u ON u.code = o.unit_code
         JOIN assessment_publication p ON p.id = o.publication_id
         LEFT JOIN assessment_publication_result r
                ON r.publication_id = o.publication_id AND r.unit_code = o.unit_code
        WHERE ${where.length ? where.join(' AND ') : 'TRUE'}
        ORDER BY o.filed_at, o.id`,
      params,
    );
    return rows as unknown as ObjectionView[];
  }

  private async publicationView(principal: Principal, id: string): Promise<PublicationView> {
    const publication = await this.dataSource
      .getRepository(AssessmentPublication)
      .findOneOrFail({ where: { id } });
    const j = jurisdictionOf(principal);
    const params: unknown[] = [id];
    let scope = 'TRUE';
    if (j.kind === 'none') scope = 'FALSE';
    if (j.kind === 'prefecture') {
      params.push(j.prefectureCode);
      scope = '(u.code = $2 OR u.parent_code = $2)';
    }
    if (j.kind === 'unit') {
      params.push(j.unitCode);
      scope = 'u.code = $2';
    }
    const rows: Array<{
      unitCode: string;
      unitName: string;
      level: string;
      parentCode: string | null;
      score: string;
      grade: string;
      rank: number;
      indicators: PublishedIndicator[];
    }> = await this.dataSource.query(
      `SELECT r.unit_code AS "unitCode", u.name AS "unitName", r.rank_level AS level,
              u.parent_code AS "parentCode", r.score::text AS score, r.grade, r.rank, r.indicators
         FROM assessment_publication_result r JOIN admin_unit u ON u.code = r.unit_code
        WHERE r.publication_id = $1 AND ${scope}
        ORDER BY array_position(ARRAY['province', 'prefecture', 'county'], r.rank_level::text),
                 r.rank, r.unit_code`,
      params,
    );
    return {
      publication,
      results: rows.map((r) => ({
        ...r,
        score: Number(r.score),
        indicators: r.indicators.map((i) => ({ ...i, stage: i.stage ?? 'computed' })),
      })),
      windowOpen: this.clock.now().getTime() < publication.objectionClosesAt.getTime(),
    };
  }

  private async indicatorName(manager: EntityManager, o: AssessmentObjection): Promise<string> {
    const [row] = await manager.query(
      `SELECT i->>'name' AS name FROM assessment_publication_result r,
              jsonb_array_elements(r.indicators) i
        WHERE r.publication_id = $1 AND r.unit_code = $2 AND i->>'indicatorId' = $3`,
      [o.publicationId, o.unitCode, o.indicatorId],
    );
    return row?.name ?? o.indicatorId;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "2026-07-10 18:00" in the province's time zone. */
function formatShanghai(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
