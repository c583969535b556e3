import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { jurisdictionOf, notFound, unitScopeSql } from '../access/jurisdiction';
import { actorOf, Principal, RequestMeta } from '../auth/principal';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { AdminUnit, UnitLevel } from './admin-unit.entity';
import { Department } from './department.entity';

/**
 * Units and departments as a principal may see them: the whole province for province-wide
 * roles, a prefecture and its units for prefecture roles, the own unit (and, for navigation,
 * the units above it) for county operators.
 */
@Injectable()
export class AdminUnitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: SecurityAuditService,
  ) {}

  list(
    principal: Principal,
    filter: { parentCode?: string; level?: UnitLevel },
  ): Promise<AdminUnit[]> {
    const scope = unitScopeSql(jurisdictionOf(principal), 'u');
    const q = this.dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder('u')
      .where(
        // The units above one's own are visible as context (names only), never their data.
        `(${scope.sql} OR u.code IN (:...ancestors))`,
        { ...scope.params, ancestors: ancestorsOf(principal) },
      )
      .orderBy('u.sort_order', 'ASC');
    if (filter.parentCode) q.andWhere('u.parent_code = :parent', { parent: filter.parentCode });
    if (filter.level) q.andWhere('u.level = :level', { level: filter.level });
    return q.getMany();
  }

  async departments(
    principal: Principal,
    unitCode: string,
    meta: RequestMeta,
  ): Promise<Department[]> {
    const jurisdiction = jurisdictionOf(principal);
    const scope = unitScopeSql(jurisdiction, 'u');
    const unit = await this.dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder('u')
      .where('u.code = :code', { code: unitCode })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (!unit) {
      if (await this.dataSource.getRepository(AdminUnit).exists({ where: { code: unitCode } })) {
        await this.audit.record({
          action: AuditAction.PermissionDenied,
          result: 'denied',
          actor: actorOf(principal),
          target: `unit:${unitCode}`,
          ip: meta.ip,
          detail: { reason: 'outside_jurisdiction', operation: 'departments' },
        });
      }
      throw notFound('单位');
    }
    const q = this.dataSource
      .getRepository(Department)
      .createQueryBuilder('d')
      .innerJoin('department_kind', 'k', 'k.code = d.kind_code')
      .where('d.unit_code = :code', { code: unit.code })
      .orderBy('k.sort_order', 'ASC');
    if (jurisdiction.kind === 'unit') q.andWhere('d.id = :own', { own: jurisdiction.departmentId });
    return q.getMany();
  }
}

/** The province (and prefecture) above a principal's unit; computed from GB/T 2260 codes. */
function ancestorsOf(principal: Principal): string[] {
  const code = principal.unitCode;
  if (!code) return ['__none__'];
  return [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`];
}
