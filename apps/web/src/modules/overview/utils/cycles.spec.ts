import type { Cycle } from '../graphql/types';
import { chooseCycle } from './cycles';

const cycle = (id: string, state: string, year: number): Cycle => ({
  __typename: 'AssessmentCycle',
  id,
  state,
  year,
  title: `${year}年度`,
  startDate: `${year}-01-01`,
  dueDate: `${year}-12-31`,
});

describe('chooseCycle', () => {
  const cycles = [
    cycle('c27', 'closed', 2027),
    cycle('c26', 'open', 2026),
    cycle('c25', 'open', 2025),
  ];

  it('takes the requested cycle when it exists', () => {
    expect(chooseCycle(cycles, 'c25')?.id).toBe('c25');
  });

  it('falls back to the newest open cycle, then to the newest', () => {
    expect(chooseCycle(cycles, null)?.id).toBe('c26');
    expect(chooseCycle(cycles, 'gone')?.id).toBe('c26');
    expect(chooseCycle([cycle('c1', 'closed', 2024), cycle('c0', 'closed', 2023)], null)?.id).toBe(
      'c1',
    );
    expect(chooseCycle([], null)).toBeUndefined();
  });
});
