import type { AdminUnit, Department } from '../graphql/types';

/** `武汉市 · 市场监督管理局`: unit and department names, whichever are set. */
export function unitLabel(
  unit: Pick<AdminUnit, 'name'> | null | undefined,
  department: Pick<Department, 'name'> | null | undefined,
): string {
  return [unit?.name, department?.name].filter(Boolean).join(' · ');
}
