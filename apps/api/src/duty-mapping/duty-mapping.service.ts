import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal';
import { assertRegulationInJurisdiction } from '../cycle/cycle-scope';
import { Duty } from '../duty/duty.entity';
import { DutyDepartment } from '../duty/duty-department.entity';
import { recordDutyEvents } from '../duty/duty-events';
import { AppError } from '../graphql/app-error';
import { takeOverDuty } from '../regulation/carry-over';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { DutyMappingSuggestion, MappingStatus } from './duty-mapping-suggestion.entity';

export interface MappingDecision {
  decision: 'confirm' | 'reject';
  suggestions: Array<{ suggestionId: string; expectedRowVersion: number }>;
  reason?: string;
}

/**
 * The review queue of suggested duty mappings (映射审核): list a version's suggestions, and
 * confirm or reject them (provincial supervisors), singly or several at once, all or nothing.
 * With a principal (the API), a version or suggestion of another province's regulation is
 * NOT_FOUND, as a missing one; without one (internal callers), any.
 */
@Injectable()
export class DutyMappingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A version's suggestions, in the order of the new text (article, paragraph, item, sequence), best first. */
  async list(
    versionId: string,
    status?: MappingStatus,
    principal?: Principal | null,
  ): Promise<DutyMappingSuggestion[]> {
    const missing = () => new AppError(ErrorCode.NOT_FOUND, '未找到该法规版本。');
    if (principal !== undefined) {
      await assertRegulationInJurisdiction(
        this.dataSource.manager,
        principal,
        { versionId },
        missing,
      );
    }
    const version = await this.dataSource
      .getRepository(RegulationVersion)
      .findOne({ where: { id: versionId } });
    if (!version) throw missing();
    const query = this.dataSource
      .getRepository(DutyMappingSuggestion)
      .createQueryBuilder('s')
      .innerJoin(Duty, 'd', 'd.id = s.duty_id')
      .innerJoin('regulation_article', 'a', 'a.id = d.article_id')
      .innerJoin('regulation_paragraph', 'p', 'p.id = d.paragraph_id')
      .where('s.version_id = :versionId', { versionId })
      .orderBy('a.number', 'ASC')
      .addOrderBy('p.number', 'ASC')
      .addOrderBy('d.item_number', 'ASC')
      .addOrderBy('d.sequence', 'ASC')
      .addOrderBy('s.primary', 'DESC')
      .addOrderBy('s.similarity', 'DESC')
      .addOrderBy('s.id', 'ASC');
    if (status) query.andWhere('s.status = :status', { status });
    return query.getMany();
  }

  /** `actor` is what the history records (the username). */
  decide(
    input: MappingDecision,
    actor: string,
    principal?: Principal | null,
  ): Promise<DutyMappingSuggestion[]> {
    const reason = input.reason?.normalize('NFC').trim() || null;
    if (input.decision === 'reject' && !reason) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '驳回映射建议须填写原因。', {
        fields: { reason: '请填写驳回原因。' },
      });
    }
    const ids = input.suggestions.map((s) => s.suggestionId);
    if (new Set(ids).size !== ids.length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '同一条映射建议只能提交一次。', {
        fields: { suggestions: 'duplicate' },
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(DutyMappingSuggestion, 's')
        .setLock('pessimistic_write')
        .where('s.id IN (:...ids)', { ids })
        .getMany();
      if (principal !== undefined) {
        // Suggestions of a regulation the caller does not see count as missing (before any
        // CONFLICT, which would tell they exist).
        for (const versionId of new Set(rows.map((r) => r.versionId))) {
          await assertRegulationInJurisdiction(manager, principal, { versionId }, () => {
            const hidden = new Set(rows.filter((r) => r.versionId === versionId).map((r) => r.id));
            return new AppError(ErrorCode.NOT_FOUND, '未找到该映射建议。', {
              missing: ids.filter((id) => hidden.has(id) || !rows.some((r) => r.id === id)),
            });
          });
        }
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length) {
        throw new AppError(ErrorCode.NOT_FOUND, '未找到该映射建议。', { missing });
      }
      const stale = input.suggestions.filter((s) => {
        const row = byId.get(s.suggestionId) as DutyMappingSuggestion;
        return row.status !== 'pending' || row.rowVersion !== s.expectedRowVersion;
      });
      if (stale.length) {
        throw new AppError(
          ErrorCode.CONFLICT,
          '映射建议已被他人处理或修改，请刷新后重新审核；本次提交未保存任何决定。',
          {
            current: stale.map((s) => current(byId.get(s.suggestionId) as DutyMappingSuggestion)),
          },
        );
      }
      await assertLatestVersions(manager, [...new Set(rows.map((r) => r.versionId))]);
      const ordered = ids.map((id) => byId.get(id) as DutyMappingSuggestion);
      if (input.decision === 'confirm') {
        assertOneToOne(ordered);
        for (const suggestion of ordered) await confirm(manager, suggestion, actor, reason);
      } else {
        for (const suggestion of ordered) await reject(manager, suggestion, actor, reason ?? '');
      }
      return manager.find(DutyMappingSuggestion, { where: { id: In(ids) } }).then((saved) => {
        const savedById = new Map(saved.map((s) => [s.id, s]));
        return ids.map((id) => savedById.get(id) as DutyMappingSuggestion);
      });
    });
  }
}

/**
 * Pending suggestions of the given versions: they block moving a cycle onto (or across) them,
 * since a pending suggestion may still join a task's duty to a new one.
 */
export async function pendingMappingCount(
  manager: EntityManager,
  versionIds: string[],
): Promise<number> {
  if (versionIds.length === 0) return 0;
  return manager.count(DutyMappingSuggestion, {
    where: { versionId: In(versionIds), status: 'pending' },
  });
}

function current(s: DutyMappingSuggestion) {
  return {
    id: s.id,
    status: s.status,
    rowVersion: s.rowVersion,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
  };
}

/** Decisions change lineages: only on the latest version, whose duties nothing was carried from yet. */
async function assertLatestVersions(manager: EntityManager, versionIds: string[]): Promise<void> {
  const superseded: Array<{ id: string }> = await manager.query(
    `SELECT v.id FROM regulation_version v
      WHERE v.id = ANY ($1::uuid[])
        AND EXISTS (SELECT 1 FROM regulation_version n
                     WHERE n.regulation_id = v.regulation_id AND n.version_number > v.version_number)`,
    [versionIds],
  );
  if (superseded.length) {
    throw new AppError(
      ErrorCode.CONFLICT,
      '该映射建议属于法规的历史版本，只能审核最新版本的映射建议。',
    );
  }
}

/** A lineage continues in one duty: a bulk confirmation names each new and each old duty once. */
function assertOneToOne(suggestions: DutyMappingSuggestion[]): void {
  const duties = new Set<string>();
  const previous = new Set<string>();
  for (const s of suggestions) {
    if (duties.has(s.dutyId) || previous.has(s.previousDutyId)) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        '所选映射中有两条涉及同一项职责：一项职责只能延续一项旧职责，一项旧职责也只能由一项新职责延续。请分别确认。',
        { fields: { suggestions: 'overlapping' } },
      );
    }
    duties.add(s.dutyId);
    previous.add(s.previousDutyId);
  }
}

async function confirm(
  manager: EntityManager,
  suggestion: DutyMappingSuggestion,
  actor: string,
  note: string | null,
): Promise<void> {
  const [duty, old] = await Promise.all([
    manager.findOneOrFail(Duty, { where: { id: suggestion.dutyId } }),
    manager.findOneOrFail(Duty, { where: { id: suggestion.previousDutyId } }),
  ]);
  if (duty.carriedFromId) {
    throw new AppError(
      ErrorCode.CONFLICT,
      '该职责已延续上一版本的另一项职责，不能再确认其他映射。',
      {
        current: current(suggestion),
      },
    );
  }
  const taken = await manager.exists(Duty, {
    where: { versionId: duty.versionId, lineageId: old.lineageId },
  });
  if (taken) {
    throw new AppError(ErrorCode.CONFLICT, '该旧职责已由新版本的另一项职责延续。', {
      current: current(suggestion),
    });
  }
  // Tasks are keyed by lineage: a duty that already has tasks of its own keeps its lineage.
  const [{ tasks }] = await manager.query(
    `SELECT count(*)::int AS tasks FROM task WHERE duty_id = $1`,
    [duty.id],
  );
  if (tasks > 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `该职责已在考核年度中生成 ${tasks} 项任务，不能再改为延续旧职责；请驳回此建议。`,
      { current: current(suggestion), tasks },
    );
  }
  const departments = await manager.find(DutyDepartment, { where: { dutyId: old.id } });
  await takeOverDuty(manager, {
    old,
    duty,
    departments,
    actor,
    kind: 'mapping_confirmed',
    note: `确认映射：延续上一版本的职责（${old.id}），相似度 ${Math.round(suggestion.similarity * 100)}%。${note ?? ''}`,
  });
  await settle(manager, suggestion, 'confirmed', actor, note);
  // The other candidates of either duty can no longer be confirmed: close them, on the record.
  const others = await manager
    .createQueryBuilder(DutyMappingSuggestion, 's')
    .where('s.status = :pending', { pending: 'pending' })
    .andWhere('s.id <> :id', { id: suggestion.id })
    .andWhere('(s.duty_id = :duty OR s.previous_duty_id = :old)', { duty: duty.id, old: old.id })
    .getMany();
  for (const other of others) {
    await reject(
      manager,
      other,
      actor,
      `已确认另一映射（职责 ${suggestion.dutyId} 延续 ${suggestion.previousDutyId}）。`,
    );
  }
}

async function reject(
  manager: EntityManager,
  suggestion: DutyMappingSuggestion,
  actor: string,
  reason: string,
): Promise<void> {
  await settle(manager, suggestion, 'rejected', actor, reason);
  await recordDutyEvents(manager, [
    {
      dutyId: suggestion.dutyId,
      kind: 'mapping_rejected',
      actor,
      before: { previousDutyId: suggestion.previousDutyId, status: 'pending' },
      after: { previousDutyId: suggestion.previousDutyId, status: 'rejected' },
      note: reason,
    },
  ]);
}

async function settle(
  manager: EntityManager,
  suggestion: DutyMappingSuggestion,
  status: MappingStatus,
  actor: string,
  reason: string | null,
): Promise<void> {
  const updated = await manager
    .createQueryBuilder()
    .update(DutyMappingSuggestion)
    .set({
      status,
      decidedBy: actor,
      decidedAt: () => 'now()',
      reason,
      rowVersion: () => 'row_version + 1',
    })
    .where('id = :id AND status = :pending', { id: suggestion.id, pending: 'pending' })
    .execute();
  if (updated.affected !== 1) {
    throw new AppError(ErrorCode.CONFLICT, '映射建议已被他人处理，请刷新后重新审核。');
  }
}
