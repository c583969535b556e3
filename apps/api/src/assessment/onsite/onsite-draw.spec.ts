import { createHash } from 'node:crypto';
import { drawKey, drawSample, SampleCandidate, unitsToDraw } from './onsite-draw';

/** Two prefectures: 420100 with 5 counties × 4 tasks, 422800 with 3 counties × 2 tasks. */
function population(): SampleCandidate[] {
  const rows: SampleCandidate[] = [];
  for (let u = 1; u <= 5; u++)
    for (let t = 1; t <= 4; t++)
      rows.push({
        unitCode: `4201${String(u).padStart(2, '0')}`,
        groupCode: '420100',
        taskId: `a${u}-${t}`,
      });
  for (let u = 1; u <= 3; u++)
    for (let t = 1; t <= 2; t++)
      rows.push({ unitCode: `42280${u}`, groupCode: '422800', taskId: `b${u}-${t}` });
  return rows;
}

function shuffled<T>(items: T[], by: number): T[] {
  // A fixed permutation (not random): rotate and reverse.
  const rotated = [...items.slice(by), ...items.slice(0, by)];
  return rotated.reverse();
}

const flat = (r: ReturnType<typeof drawSample>) =>
  r.units.flatMap((u) => u.tasks.map((t) => `${u.unitCode}/${t.taskId}`));

describe('on-site sample draw', () => {
  it('draw keys are plain SHA-256 over "seed|kind|ids" (recomputable without this code)', () => {
    expect(drawKey('s1', 'unit', '420102')).toBe(
      createHash('sha256').update('s1|unit|420102').digest('hex'),
    );
  });

  it('same seed and population give the same sample, whatever the row order', () => {
    const params = { scope: 'OVERALL' as const, unitCount: 3, tasksPerUnit: 2 };
    const a = drawSample('seed-1', population(), params);
    const b = drawSample('seed-1', shuffled(population(), 7), params);
    const c = drawSample('seed-1', [...population(), ...population()], params); // duplicates
    expect(flat(a)).toHaveLength(6);
    expect(flat(b)).toEqual(flat(a));
    expect(flat(c)).toEqual(flat(a));
    expect([a.populationUnits, a.populationTasks, c.populationTasks]).toEqual([8, 26, 26]);
  });

  it('a different seed gives a different sample', () => {
    const params = { scope: 'OVERALL' as const, unitCount: 3, tasksPerUnit: 2 };
    const a = flat(drawSample('seed-1', population(), params));
    const others = ['seed-2', 'seed-3', 'seed-4'].map((s) =>
      flat(drawSample(s, population(), params)),
    );
    expect(others.some((o) => o.join() !== a.join())).toBe(true);
  });

  it('draws the units and tasks with the smallest keys', () => {
    const seed = 'k';
    const r = drawSample(seed, population(), { scope: 'OVERALL', unitCount: 2, tasksPerUnit: 1 });
    const units = [...new Set(population().map((p) => p.unitCode))]
      .map((u) => ({ u, k: drawKey(seed, 'unit', u) }))
      .sort((a, b) => (a.k < b.k ? -1 : 1))
      .slice(0, 2)
      .map((x) => x.u);
    expect(r.units.map((u) => u.unitCode)).toEqual(units);
    expect(r.units.map((u) => u.rank)).toEqual([1, 2]);
    for (const unit of r.units) {
      const own = population().filter((p) => p.unitCode === unit.unitCode);
      const first = own
        .map((p) => ({ t: p.taskId, k: drawKey(seed, 'task', p.unitCode, p.taskId) }))
        .sort((a, b) => (a.k < b.k ? -1 : 1))[0].t;
      expect(unit.tasks).toEqual([{ taskId: first, rank: 1, drawKey: expect.any(String) }]);
    }
  });

  it('per prefecture: a count or a share of each prefecture, tasks capped by what a unit has', () => {
    const byCount = drawSample('p', population(), {
      scope: 'PER_PREFECTURE',
      unitCount: 2,
      tasksPerUnit: 3,
    });
    const per = (r: typeof byCount, g: string) => r.units.filter((u) => u.groupCode === g);
    expect(per(byCount, '420100')).toHaveLength(2);
    expect(per(byCount, '422800')).toHaveLength(2);
    expect(per(byCount, '420100').every((u) => u.tasks.length === 3)).toBe(true);
    expect(per(byCount, '422800').every((u) => u.tasks.length === 2)).toBe(true);
    // 40 % of 5 → 2, of 3 → 1.2 rounded up → 2.
    const byShare = drawSample('p', population(), {
      scope: 'PER_PREFECTURE',
      unitShare: 0.4,
      tasksPerUnit: 1,
    });
    expect([per(byShare, '420100').length, per(byShare, '422800').length]).toEqual([2, 2]);
  });

  it('adding a unit to the population does not reshuffle the others', () => {
    const params = { scope: 'OVERALL' as const, unitCount: 8, tasksPerUnit: 4 };
    const before = drawSample('stable', population(), params);
    const after = drawSample(
      'stable',
      [...population(), { unitCode: '429004', groupCode: '429004', taskId: 'c1' }],
      params,
    );
    const order = (r: typeof before) =>
      r.units.map((u) => u.unitCode).filter((c) => c !== '429004');
    expect(order(after).slice(0, 7)).toEqual(order(before).slice(0, 7));
  });

  it('rounds shares up, never beyond the group, and an empty group draws nothing', () => {
    expect(unitsToDraw({ scope: 'OVERALL', unitShare: 0.3, tasksPerUnit: 1 }, 10)).toBe(3);
    expect(unitsToDraw({ scope: 'OVERALL', unitShare: 0.01, tasksPerUnit: 1 }, 10)).toBe(1);
    expect(unitsToDraw({ scope: 'OVERALL', unitShare: 1, tasksPerUnit: 1 }, 10)).toBe(10);
    expect(unitsToDraw({ scope: 'OVERALL', unitCount: 50, tasksPerUnit: 1 }, 10)).toBe(10);
    expect(unitsToDraw({ scope: 'OVERALL', unitCount: 5, tasksPerUnit: 1 }, 0)).toBe(0);
  });
});
