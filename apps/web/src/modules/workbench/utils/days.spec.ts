import { daysBetween, dueState } from './days';

describe('days', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-06-15', '2026-06-29')).toBe(14);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });

  it('says whether a due date is past, today or ahead', () => {
    expect(dueState('2026-06-01', '2026-06-15')).toEqual({ kind: 'overdue', days: 14 });
    expect(dueState('2026-06-15', '2026-06-15')).toEqual({ kind: 'today' });
    expect(dueState('2026-06-16', '2026-06-15')).toEqual({ kind: 'left', days: 1 });
  });
});
