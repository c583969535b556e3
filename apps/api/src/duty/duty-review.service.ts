import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager, In } from 'typeorm';

import type { Principal } from '../auth/principal';
import { assertRegulationInJurisdiction } from '../cycle/cycle-scope';
import { DepartmentKindEntity } from '../department/department-kind.entity';
import { AppError } from '../graphql/app-error';
import { NotificationService } from '../notification/notification.service';
import { notifyLeadChanges } from '../task-assignment/lead-change-notifications';
import { followDutyLeads } from '../task-assignment/lead-change';
import { DEFAULT_LEAD_DEPARTMENT_CODE } from '@duty/regulation/duties';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { ReviewDutyInput } from './dto/duty.inputs';
import { Duty } from './duty.entity';
import { DutyDepartment } from './duty-department.entity';
import { recordDutyEvents } from './duty-events';
import { ADMIN_LEVELS } from './duty.types';

const GOVERNMENT_ACTORS = new Set(['government', 'department']);

interface ReviewSnapshot {
  actorType: string;
  levels: string[];
  modality: string;
  tracked: boolean;
  reviewState: string;
  leadDepartment: string | null;
  assistingDepartments: string[];
}

/**
 * Review (审核) of extracted duties by a provincial administrator: corrects actor type, levels,
 * modality, lead and assisting departments and whether the duty is tracked. Every review is
 * recorded with who, when, before and after. Concurrent reviews are detected by row version.
 */
@Injectable()
export class DutyReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * `reviewer.id` is what the history records (the username). A changed lead department reaches
   * the open cycles' tasks of the duty still led by the previous one (`tasksFollowedLead`).
   * With `principal` (the API), a duty of another province's regulation is NOT_FOUND, as a
   * missing one: a reviewer changes only national regulations' duties and their provinces'.
   */
  review(
    input: ReviewDutyInput,
    reviewer: { id: string },
    principal?: Principal | null,
  ): Promise<Duty & { tasksFollowedLead: number }> {
    return this.dataSource.transaction(async (manager) => {
      const missing = () => new AppError(ErrorCode.NOT_FOUND, '未找到该职责。');
      if (principal !== undefined) {
        await assertRegulationInJurisdiction(manager, principal, { dutyId: input.dutyId }, missing);
      }
      const duty = await manager.findOne(Duty, { where: { id: input.dutyId } });
      if (!duty) throw missing();
      await assertLatestVersion(manager, duty);
      const departments = await manager.find(DutyDepartment, { where: { dutyId: duty.id } });
      const before = snapshot(duty, departments);

      const actorType = input.actorType ?? duty.actorType;
      const governmentDuty = GOVERNMENT_ACTORS.has(actorType);
      const levels = governmentDuty ? sortLevels(input.levels ?? duty.levels) : [];
      const modality = input.modality ?? duty.modality;
      const tracked = input.tracked ?? (governmentDuty ? duty.tracked : false);
      const lead =
        input.leadDepartmentCode !== undefined ? input.leadDepartmentCode : before.leadDepartment;
      const assisting = [...new Set(input.assistingDepartmentCodes ?? before.assistingDepartments)];
      await validate(manager, { governmentDuty, levels, tracked, lead, assisting });

      const updated = await manager
        .createQueryBuilder()
        .update(Duty)
        .set({
          actorType,
          governmentDuty,
          levels,
          modality,
          tracked,
          // A review confirms (or corrects) the actor, inferred or not.
          needsReview: false,
          reviewState: 'reviewed',
          reviewedBy: reviewer.id,
          reviewedAt: () => 'now()',
          rowVersion: () => 'row_version + 1',
          updatedAt: () => 'now()',
        })
        .where('id = :id AND row_version = :version', {
          id: duty.id,
          version: input.expectedRowVersion,
        })
        .execute();
      if (updated.affected !== 1) {
        throw new AppError(ErrorCode.CONFLICT, '该职责已被他人修改，请刷新后重新审核。', {
          current: { ...before, rowVersion: duty.rowVersion },
        });
      }

      const fromText = new Set([
        ...duty.extracted.departments,
        ...duty.extracted.assistingDepartments,
      ]);
      const nextDepartments: DutyDepartment[] = governmentDuty
        ? [
            ...(lead
              ? [
                  {
                    dutyId: duty.id,
                    departmentCode: lead,
                    role: 'lead' as const,
                    fromText: fromText.has(lead),
                  },
                ]
              : []),
            ...assisting
              .filter((code) => code !== lead)
              .map((code) => ({
                dutyId: duty.id,
                departmentCode: code,
                role: 'assist' as const,
                fromText: fromText.has(code),
              })),
          ]
        : [];
      await manager.delete(DutyDepartment, { dutyId: duty.id });
      if (nextDepartments.length) await manager.insert(DutyDepartment, nextDepartments);

      const saved = await manager.findOneOrFail(Duty, { where: { id: duty.id } });
      await recordDutyEvents(manager, [
        {
          dutyId: duty.id,
          kind: 'reviewed',
          actor: reviewer.id,
          before,
          after: snapshot(saved, nextDepartments),
          note: input.note?.trim() || null,
        },
      ]);
      let tasksFollowedLead = 0;
      const previousLead = before.leadDepartment ?? DEFAULT_LEAD_DEPARTMENT_CODE;
      if (governmentDuty && lead && lead !== previousLead) {
        const kinds = await manager.find(DepartmentKindEntity, {
          where: { code: In([previousLead, lead]) },
        });
        const name = (code: string) => kinds.find((k) => k.code === code)?.name ?? code;
        const note = input.note?.trim();
        const moved = await followDutyLeads(
          manager,
          { dutyId: duty.id, fromKind: previousLead },
          {
            actor: reviewer.id,
            via: 'DUTY_REVIEW',
            reason: `职责审核将牵头部门由“${name(previousLead)}”调整为“${name(lead)}”${note ? `：${note}` : ''}`,
            detail: { dutyId: duty.id },
          },
        );
        await notifyLeadChanges(this.notifications, manager, moved, '职责审核调整了牵头部门');
        tasksFollowedLead = moved.length;
      }
      return Object.assign(saved, { tasksFollowedLead });
    });
  }
}

async function assertLatestVersion(manager: EntityManager, duty: Duty): Promise<void> {
  const version = await manager.findOneOrFail(RegulationVersion, { where: { id: duty.versionId } });
  const newer = await manager
    .createQueryBuilder(RegulationVersion, 'v')
    .where('v.regulation_id = :r AND v.version_number > :n', {
      r: version.regulationId,
      n: version.versionNumber,
    })
    .getCount();
  if (newer > 0) {
    throw new AppError(ErrorCode.CONFLICT, '该职责属于法规的历史版本，只能审核最新版本的职责。');
  }
}

async function validate(
  manager: EntityManager,
  v: {
    governmentDuty: boolean;
    levels: string[];
    tracked: boolean;
    lead: string | null;
    assisting: string[];
  },
): Promise<void> {
  const problems: Record<string, string> = {};
  if (v.tracked && !v.governmentDuty) problems.tracked = '只有政府或政府部门的职责才能纳入跟踪。';
  if (v.governmentDuty && v.levels.length === 0)
    problems.levels = '政府职责至少要适用于一个行政层级。';
  if (v.tracked && !v.lead) problems.leadDepartmentCode = '纳入跟踪的职责必须指定牵头部门。';
  if (v.lead && v.assisting.includes(v.lead)) {
    problems.assistingDepartmentCodes = '牵头部门不能同时作为配合部门。';
  }
  const codes = [...(v.lead ? [v.lead] : []), ...v.assisting];
  if (codes.length) {
    const known = await manager.find(DepartmentKindEntity, { where: { code: In(codes) } });
    const unknown = codes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length) problems.departments = `未知的部门类别：${unknown.join('、')}。`;
  }
  const entries = Object.entries(problems);
  if (entries.length) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, entries.map(([, m]) => m).join(''), {
      fields: problems,
    });
  }
}

function sortLevels(levels: readonly string[]): Duty['levels'] {
  return ADMIN_LEVELS.filter((l) => levels.includes(l));
}

function snapshot(duty: Duty, departments: DutyDepartment[]): ReviewSnapshot {
  return {
    actorType: duty.actorType,
    levels: [...duty.levels],
    modality: duty.modality,
    tracked: duty.tracked,
    reviewState: duty.reviewState,
    leadDepartment: departments.find((d) => d.role === 'lead')?.departmentCode ?? null,
    assistingDepartments: departments
      .filter((d) => d.role === 'assist')
      .map((d) => d.departmentCode),
  };
}
