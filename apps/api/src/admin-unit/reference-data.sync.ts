import {
  ADMIN_UNITS_DATA_EDITION,
  adminUnitsOfProvince,
  HUBEI_PROVINCE_CODE,
} from '@duty/shared/admin-units';
import { DataSource, EntityManager } from 'typeorm';
import { syncDepartmentKinds } from '../department/department-kinds.sync';
import { SettingKey } from '../system/system-settings';
import { departmentName } from './department-naming';

/**
 * Reference data every installation needs, kept in step with the shipped packages at each
 * start: department kinds, the administrative units of the configured provinces (GB/T 2260,
 * edition recorded in system_setting; PROVINCES, Hubei by default) and one department per unit
 * and kind. Idempotent; never deletes (users, tasks and evidence may refer to a unit or
 * department that a newer edition drops, or a province taken out of the configuration).
 */
export async function syncReferenceData(
  dataSource: DataSource,
  provinces: readonly string[] = [HUBEI_PROVINCE_CODE],
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    // One instance at a time (several replicas may start together).
    await manager.query(`SELECT pg_advisory_xact_lock(4207020041)`);
    await syncDepartmentKinds(manager);
    await syncUnits(manager, provinces);
    await syncDepartments(manager);
  });
}

async function syncUnits(manager: EntityManager, provinces: readonly string[]): Promise<void> {
  const units = provinces.flatMap((code) => adminUnitsOfProvince(code));
  // Parents before children: provinces first, then prefectures, then counties, each by code.
  const ordered = [...units].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || a.code.localeCompare(b.code),
  );
  for (let i = 0; i < ordered.length; i += 200) {
    const chunk = ordered.slice(i, i + 200);
    const params: unknown[] = [];
    const values = chunk.map((u) => {
      const b = params.length;
      params.push(
        u.code,
        u.name,
        u.level,
        u.parentCode,
        u.directlyAdministered,
        u.kind,
        u.sortOrder,
        ADMIN_UNITS_DATA_EDITION,
      );
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
    });
    await manager.query(
      `INSERT INTO admin_unit (code, name, level, parent_code, directly_administered, kind, sort_order, data_edition)
       VALUES ${values.join(', ')}
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         directly_administered = EXCLUDED.directly_administered, kind = EXCLUDED.kind, sort_order = EXCLUDED.sort_order,
         data_edition = EXCLUDED.data_edition
       WHERE (admin_unit.name, admin_unit.level, admin_unit.parent_code, admin_unit.directly_administered, admin_unit.kind, admin_unit.sort_order, admin_unit.data_edition)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.directly_administered, EXCLUDED.kind, EXCLUDED.sort_order, EXCLUDED.data_edition)`,
      params,
    );
  }
  await manager.query(
    `INSERT INTO system_setting (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now() WHERE system_setting.value <> EXCLUDED.value`,
    [SettingKey.AdminUnitsEdition, ADMIN_UNITS_DATA_EDITION],
  );
}

async function syncDepartments(manager: EntityManager): Promise<void> {
  const rows: Array<{
    unit_code: string;
    unit_name: string;
    level: 'province' | 'prefecture' | 'county';
    kind_code: string;
    kind_name: string;
    current: string | null;
  }> = await manager.query(
    `SELECT u.code AS unit_code, u.name AS unit_name, u.level, k.code AS kind_code, k.name AS kind_name, d.name AS current
         FROM admin_unit u CROSS JOIN department_kind k
         LEFT JOIN department d ON d.unit_code = u.code AND d.kind_code = k.code`,
  );
  const wanted = rows
    .map((r) => ({
      ...r,
      name: departmentName(
        { name: r.unit_name, level: r.level },
        { code: r.kind_code, name: r.kind_name },
      ),
    }))
    .filter((r) => r.current !== r.name);
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      const b = params.length;
      params.push(r.unit_code, r.kind_code, r.name);
      return `(gen_random_uuid(), $${b + 1}, $${b + 2}, $${b + 3})`;
    });
    await manager.query(
      `INSERT INTO department (id, unit_code, kind_code, name) VALUES ${values.join(', ')}
       ON CONFLICT (unit_code, kind_code) DO UPDATE SET name = EXCLUDED.name`,
      params,
    );
  }
}

function levelRank(level: string): number {
  return level === 'province' ? 0 : level === 'prefecture' ? 1 : 2;
}
