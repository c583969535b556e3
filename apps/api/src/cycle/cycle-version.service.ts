import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { AppError } from '../graphql/app-error';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { AssessmentCycle } from './assessment-cycle.entity';
import { lockOpenCycle } from './lock-open-cycle';
import { refuseWhileMappingsPending } from './mappings-pending';
import { generateTasks, GenerationResult } from './task-generation';

/**
 * Moves an open cycle to a newer version of its regulation (a revision enacted mid-year): the
 * cycle's tasks follow their duties' lineage into the new version (status, history and evidence
 * kept), tasks of duties that do not continue or are no longer tracked are retired, never
 * deleted, and newly tracked duties get tasks. Every change is in the tasks' history.
 */
@Injectable()
export class CycleVersionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  move(
    principal: Principal,
    cycleId: string,
    versionId: string,
  ): Promise<{ cycle: AssessmentCycle; generation: GenerationResult }> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await lockOpenCycle(
        manager,
        cycleId,
        '该考核年度已关闭，不能迁移到新版本。',
        principal,
      );
      const target = await manager.findOne(RegulationVersion, { where: { id: versionId } });
      if (!target) throw new AppError(ErrorCode.NOT_FOUND, '未找到该法规版本。');
      const current = await manager.findOneOrFail(RegulationVersion, {
        where: { id: cycle.regulationVersionId },
      });
      if (target.regulationId !== current.regulationId) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          '只能迁移到同一法规的其他版本；其他法规请新建考核年度。',
          { fields: { versionId: 'other regulation' } },
        );
      }
      if (target.versionNumber <= current.versionNumber) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `考核年度已在第 ${current.versionNumber} 版上，只能迁移到更新的版本。`,
          { fields: { versionId: 'not newer' } },
        );
      }
      const clash = await manager.exists(AssessmentCycle, {
        where: {
          year: cycle.year,
          regulationVersionId: target.id,
          provinceCode: cycle.provinceCode,
        },
      });
      if (clash) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `该法规第 ${target.versionNumber} 版已有 ${cycle.year} 年度的考核，不能再迁入。`,
        );
      }
      // Every version crossed: its suggestions decide which lineages continue.
      const crossed: Array<{ id: string }> = await manager.query(
        `SELECT id FROM regulation_version
          WHERE regulation_id = $1 AND version_number > $2 AND version_number <= $3`,
        [current.regulationId, current.versionNumber, target.versionNumber],
      );
      await refuseWhileMappingsPending(
        manager,
        crossed.map((v) => v.id),
        { subject: '新版本', action: '迁移考核年度' },
      );
      await manager.update(AssessmentCycle, { id: cycle.id }, { regulationVersionId: target.id });
      const moved = { ...cycle, regulationVersionId: target.id };
      const generation = await generateTasks(manager, moved, principal.username);
      return {
        cycle: await manager.findOneOrFail(AssessmentCycle, { where: { id: cycle.id } }),
        generation,
      };
    });
  }
}
