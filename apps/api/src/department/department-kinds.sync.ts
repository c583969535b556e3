import { DEPARTMENT_KINDS } from '@duty/regulation/duties';
import { EntityManager } from 'typeorm';

/**
 * Brings the department_kind table in line with the dictionary shipped in
 * @duty/regulation/duties: inserts new kinds and updates names, aliases and order. Kinds are
 * never deleted here (duties and departments may refer to them). Idempotent.
 */
export async function syncDepartmentKinds(manager: EntityManager): Promise<void> {
  if (DEPARTMENT_KINDS.length === 0) return;
  const values: string[] = [];
  const params: unknown[] = [];
  DEPARTMENT_KINDS.forEach((kind, index) => {
    const base = params.length;
    values.push(`($${base + 1}, $${base + 2}, $${base + 3}::text[], $${base + 4})`);
    params.push(kind.code, kind.name, [...kind.aliases], index + 1);
  });
  await manager.query(
    `INSERT INTO department_kind (code, name, aliases, sort_order) VALUES ${values.join(', ')}
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, sort_order = EXCLUDED.sort_order
     WHERE (department_kind.name, department_kind.aliases, department_kind.sort_order)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.aliases, EXCLUDED.sort_order)`,
    params,
  );
}
