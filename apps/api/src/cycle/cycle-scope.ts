import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import {
  BindParam,
  isProvinceCode,
  Jurisdiction,
  jurisdictionOf,
  namedParams,
  notFound,
  provinceInJurisdiction,
  provinceOf,
} from '../access/jurisdiction';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { AssessmentCycle } from './assessment-cycle.entity';

/*
 * Cycles (考核年度) and regulations by province (issue 20, point 1). A cycle belongs to one
 * province; a regulation is national (owner null) or owned by one province. A caller sees the
 * cycles of the provinces of their jurisdiction — the whole country, a set of provinces, or the
 * province of their prefecture or unit — and the national regulations plus those owned by
 * those provinces.
 */

/** The provinces (XX0000) whose cycles and regulations a jurisdiction sees; null: every one. */
export function provincesOfJurisdiction(j: Jurisdiction): readonly string[] | null {
  switch (j.kind) {
    case 'all':
      return null;
    case 'provinces':
      return j.provinceCodes;
    case 'prefecture':
      return [provinceOf(j.prefectureCode)];
    case 'unit':
      return [provinceOf(j.unitCode)];
    case 'none':
      return [];
  }
}

/** Whether a cycle of this province is inside the jurisdiction. */
export function cycleInJurisdiction(j: Jurisdiction, cycle: { provinceCode: string }): boolean {
  return provinceInJurisdiction(j, cycle.provinceCode);
}

/** Whether a regulation with this owner (null: national) is visible in the jurisdiction. */
export function regulationInJurisdiction(
  j: Jurisdiction,
  regulation: { ownerProvinceCode: string | null },
): boolean {
  if (j.kind === 'none') return false;
  const provinces = provincesOfJurisdiction(j);
  return (
    provinces === null ||
    regulation.ownerProvinceCode === null ||
    provinces.includes(regulation.ownerProvinceCode)
  );
}

/**
 * SQL condition on the assessment_cycle alias `alias`: true for cycles inside the jurisdiction.
 * Works with query builders (`namedParams`) and positional statements alike (see BindParam).
 */
export function cycleJurisdictionSql(j: Jurisdiction, alias: string, bind: BindParam): string {
  const provinces = provincesOfJurisdiction(j);
  if (provinces === null) return 'TRUE';
  if (provinces.length === 0) return 'FALSE';
  return provinces.length === 1
    ? `${alias}.province_code = ${bind('cycleProvince', provinces[0])}`
    : `${alias}.province_code = ANY(${bind('cycleProvinces', [...provinces])}::text[])`;
}

/** SQL condition on the regulation alias `alias`: national ones and those of the jurisdiction's provinces. */
export function regulationJurisdictionSql(j: Jurisdiction, alias: string, bind: BindParam): string {
  if (j.kind === 'none') return 'FALSE';
  const provinces = provincesOfJurisdiction(j);
  if (provinces === null) return 'TRUE';
  return provinces.length === 1
    ? `(${alias}.owner_province_code IS NULL OR ${alias}.owner_province_code = ${bind('ownerProvince', provinces[0])})`
    : `(${alias}.owner_province_code IS NULL OR ${alias}.owner_province_code = ANY(${bind('ownerProvinces', [...provinces])}::text[]))`;
}

/** The cycle condition for a query builder, with its named parameters. */
export function cycleScopeSql(
  principal: Principal | null,
  alias: string,
): { sql: string; params: Record<string, unknown> } {
  const { bind, params } = namedParams();
  return { sql: cycleJurisdictionSql(jurisdictionOf(principal), alias, bind), params };
}

/**
 * The cycle if it exists and is inside the caller's jurisdiction; otherwise NOT_FOUND, the same
 * answer for a cycle of another province as for a missing one. For services reading a cycle by
 * id for a business user (assessment, bulletin, …).
 */
export async function assertCycleInJurisdiction(
  manager: EntityManager,
  principal: Principal | null,
  cycleId: string,
): Promise<AssessmentCycle> {
  const cycle = isUuid(cycleId)
    ? await manager.findOne(AssessmentCycle, { where: { id: cycleId } })
    : null;
  if (!cycle || !cycleInJurisdiction(jurisdictionOf(principal), cycle)) {
    throw notFound('考核年度');
  }
  return cycle;
}

/**
 * The cycle a page shows when none is asked for, among the caller's cycles: the newest open one,
 * else the newest (the rule of the web app's cycle selector, utils/cycles.ts). Null: none.
 */
export async function currentCycleId(
  manager: EntityManager,
  principal: Principal | null,
): Promise<string | null> {
  const params: unknown[] = [];
  const where = cycleJurisdictionSql(jurisdictionOf(principal), 'c', (_name, value) => {
    params.push(value);
    return `$${params.length}`;
  });
  const [row] = (await manager.query(
    `SELECT c.id FROM assessment_cycle c WHERE ${where}
      ORDER BY (c.state = 'open') DESC, c.year DESC, c.created_at DESC LIMIT 1`,
    params,
  )) as Array<{ id: string }>;
  return row?.id ?? null;
}

/** The provinces (XX0000) this deployment holds: the root units of level province. */
export async function deploymentProvinces(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ code: string }> = await manager.query(
    `SELECT code FROM admin_unit WHERE level = 'province' AND parent_code IS NULL ORDER BY code`,
  );
  return rows.map((r) => r.code);
}

/**
 * The province an action of the caller is for (opening a cycle, importing a regulation):
 * - a provincial supervisor: their own province; naming another is FORBIDDEN;
 * - anyone else allowed to act (the system administrator): the province named, which must be one
 *   of the deployment's; without one, the only province of the deployment, or `fallback`
 *   (regulations: national) — else VALIDATION_FAILED asking to name it.
 */
export async function provinceForAction(
  manager: EntityManager,
  principal: Principal,
  requested: string | null | undefined,
  options: { what: string; fallback?: 'national' },
): Promise<string | null> {
  if (principal.role === Role.PROVINCIAL_SUPERVISOR) {
    const own =
      principal.unitCode && isProvinceCode(principal.unitCode) ? principal.unitCode : null;
    if (!own) {
      throw new AppError(ErrorCode.FORBIDDEN, '您的账号未绑定省份，不能执行此操作。');
    }
    if (requested && requested !== own) {
      throw new AppError(ErrorCode.FORBIDDEN, `只能为本省${options.what}。`, {
        fields: { provinceCode: `只能为本省${options.what}。` },
      });
    }
    return own;
  }
  const provinces = await deploymentProvinces(manager);
  if (requested) {
    if (!provinces.includes(requested)) {
      const message = `省份“${requested}”不在本系统的省份之列。`;
      throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
        fields: { provinceCode: message },
      });
    }
    return requested;
  }
  if (options.fallback === 'national') return null;
  if (provinces.length === 1) return provinces[0];
  const message =
    provinces.length === 0
      ? '系统中尚无省份数据。'
      : `本系统包含多个省份，请选择要${options.what}的省份。`;
  throw new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { provinceCode: message } });
}

/** What names a regulation in an operation: itself, its code, one of its versions, or a duty of one. */
export type RegulationRef =
  { regulationId: string } | { code: string } | { versionId: string } | { dutyId: string };

/** The regulation an id resolved to (see `assertRegulationInJurisdiction`). */
export interface ScopedRegulation {
  id: string;
  code: string;
  ownerProvinceCode: string | null;
}

/**
 * The regulation named by `ref` (a version or a duty resolved to its regulation in one
 * statement) if it exists and is inside the caller's jurisdiction: national, or owned by one of
 * their provinces. Otherwise `missing()` — the answer the operation gives for a missing id, so
 * another province's regulation reads exactly as one that does not exist. For reads and writes
 * alike: whoever may not see a province's regulation may not change it either (a national one's
 * write rules are the operation's own).
 */
export async function assertRegulationInJurisdiction(
  manager: EntityManager,
  principal: Principal | null,
  ref: RegulationRef,
  missing: () => AppError = () => notFound('法规'),
): Promise<ScopedRegulation> {
  const regulation = await visibleRegulation(manager, principal, ref);
  if (!regulation) throw missing();
  return regulation;
}

/** As `assertRegulationInJurisdiction`, for lookups answering null: null when missing or outside. */
export async function visibleRegulation(
  manager: EntityManager,
  principal: Principal | null,
  ref: RegulationRef,
): Promise<ScopedRegulation | null> {
  const regulation = await regulationOf(manager, ref);
  return regulation && regulationInJurisdiction(jurisdictionOf(principal), regulation)
    ? regulation
    : null;
}

async function regulationOf(
  manager: EntityManager,
  ref: RegulationRef,
): Promise<ScopedRegulation | null> {
  const select = `SELECT r.id, r.code, r.owner_province_code AS "ownerProvinceCode" FROM regulation r`;
  let sql: string;
  let value: string;
  if ('code' in ref) {
    [sql, value] = [`${select} WHERE r.code = $1`, ref.code];
  } else if ('regulationId' in ref) {
    [sql, value] = [`${select} WHERE r.id = $1`, ref.regulationId];
  } else if ('versionId' in ref) {
    [sql, value] = [
      `${select} JOIN regulation_version v ON v.regulation_id = r.id WHERE v.id = $1`,
      ref.versionId,
    ];
  } else {
    [sql, value] = [
      `${select} JOIN regulation_version v ON v.regulation_id = r.id
                 JOIN duty d ON d.version_id = v.id WHERE d.id = $1`,
      ref.dutyId,
    ];
  }
  // An id that is no UUID names nothing (PostgreSQL would reject it with an error instead).
  if (!('code' in ref) && !isUuid(value)) return null;
  const [row] = (await manager.query(sql, [value])) as ScopedRegulation[];
  return row ?? null;
}
