import { createHash } from 'node:crypto';

/**
 * The draw of an on-site verification sample (实地核查抽样) as a pure function: the same seed and
 * the same population always give the same sample, whatever order the rows came in, and anyone
 * can recompute it without this code.
 *
 * Every unit gets a draw key `sha256("<seed>|unit|<unitCode>")` (hex) and every task of a drawn
 * unit `sha256("<seed>|task|<unitCode>|<taskId>")`. Within each group (the whole population, or
 * each prefecture with its counties) the units with the smallest keys are drawn; within each
 * drawn unit, the tasks with the smallest keys. Keys depend on the seed and the item alone, so
 * adding a unit to the population never reshuffles the others (it takes its place by its key).
 */

export type SampleScope = 'OVERALL' | 'PER_PREFECTURE';

export interface SampleParams {
  scope: SampleScope;
  /** Units drawn per group: exactly one of `unitCount` and `unitShare`. */
  unitCount?: number | null;
  /** Share (0 < share ≤ 1) of each group's units, rounded up (a non-empty group gives ≥ 1). */
  unitShare?: number | null;
  tasksPerUnit: number;
}

/** One eligible task of the population. */
export interface SampleCandidate {
  taskId: string;
  unitCode: string;
  /** The group the unit belongs to when drawing per prefecture (its prefecture's code). */
  groupCode: string;
}

export interface DrawnTask {
  taskId: string;
  /** 1-based position of the task within its unit's draw. */
  rank: number;
  drawKey: string;
}

export interface DrawnUnit {
  unitCode: string;
  groupCode: string;
  /** 1-based position of the unit within its group's draw. */
  rank: number;
  drawKey: string;
  tasks: DrawnTask[];
}

export interface DrawResult {
  populationUnits: number;
  populationTasks: number;
  /** Drawn units by group code, then by rank. */
  units: DrawnUnit[];
}

export function drawKey(seed: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([seed, ...parts].join('|'), 'utf8')
    .digest('hex');
}

/** Units to draw from a group of `size` units. */
export function unitsToDraw(params: SampleParams, size: number): number {
  if (size === 0) return 0;
  if (params.unitCount != null) return Math.min(params.unitCount, size);
  // A share is rounded up, with a little tolerance for binary fractions (0.3 × 10 = 3.0000000004).
  const wanted = Math.ceil(size * (params.unitShare ?? 0) - 1e-9);
  return Math.min(Math.max(wanted, 1), size);
}

export function drawSample(
  seed: string,
  population: readonly SampleCandidate[],
  params: SampleParams,
): DrawResult {
  // Distinct tasks per unit (a duplicated row counts once), keyed only by stable ids.
  const tasksByUnit = new Map<string, { groupCode: string; tasks: Set<string> }>();
  for (const c of population) {
    const unit = tasksByUnit.get(c.unitCode);
    if (unit) unit.tasks.add(c.taskId);
    else tasksByUnit.set(c.unitCode, { groupCode: c.groupCode, tasks: new Set([c.taskId]) });
  }
  const groups = new Map<string, string[]>();
  for (const [unitCode, { groupCode }] of tasksByUnit) {
    const key = params.scope === 'PER_PREFECTURE' ? groupCode : '';
    groups.set(key, [...(groups.get(key) ?? []), unitCode]);
  }
  const units: DrawnUnit[] = [];
  for (const key of [...groups.keys()].sort(compare)) {
    const members = groups.get(key)!;
    const ranked = members
      .map((unitCode) => ({ unitCode, drawKey: drawKey(seed, 'unit', unitCode) }))
      .sort((a, b) => compare(a.drawKey, b.drawKey) || compare(a.unitCode, b.unitCode));
    ranked.slice(0, unitsToDraw(params, members.length)).forEach((u, i) => {
      const own = tasksByUnit.get(u.unitCode)!;
      const tasks = [...own.tasks]
        .map((taskId) => ({ taskId, drawKey: drawKey(seed, 'task', u.unitCode, taskId) }))
        .sort((a, b) => compare(a.drawKey, b.drawKey) || compare(a.taskId, b.taskId))
        .slice(0, params.tasksPerUnit)
        .map((t, j) => ({ ...t, rank: j + 1 }));
      units.push({
        unitCode: u.unitCode,
        groupCode: own.groupCode,
        rank: i + 1,
        drawKey: u.drawKey,
        tasks,
      });
    });
  }
  return {
    populationUnits: tasksByUnit.size,
    populationTasks: [...tasksByUnit.values()].reduce((n, u) => n + u.tasks.size, 0),
    units,
  };
}

/** Code-point order: the same in every locale and runtime. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
