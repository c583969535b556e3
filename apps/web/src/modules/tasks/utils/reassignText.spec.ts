import {
  acknowledgedParam,
  assignmentHistoryFacts,
  parseAcknowledged,
  unacknowledgedIds,
} from './reassignText';

describe('the 签收 filter in the URL', () => {
  it.each([
    ['0', false],
    ['false', false],
    ['1', true],
    ['true', true],
    ['', undefined],
    ['yes', undefined],
    [null, undefined],
  ])('reads %p as %p', (value, expected) => {
    expect(parseAcknowledged(value)).toBe(expected);
  });

  it('writes what it reads', () => {
    expect(parseAcknowledged(acknowledgedParam(false) ?? null)).toBe(false);
    expect(parseAcknowledged(acknowledgedParam(true) ?? null)).toBe(true);
    expect(acknowledgedParam(undefined)).toBeUndefined();
  });
});

describe('history facts of 签收 and 转办', () => {
  it('reads a reassignment with the departments and the way it happened', () => {
    expect(
      assignmentHistoryFacts({
        kind: 'reassigned',
        before: { leadDepartmentId: 'a', leadDepartment: '恩施市市场监督管理局' },
        after: { leadDepartmentId: 'b', leadDepartment: '恩施市发展和改革局', via: 'DUTY_REVIEW' },
      }),
    ).toEqual({
      kind: 'reassigned',
      from: '恩施市市场监督管理局',
      to: '恩施市发展和改革局',
      via: 'DUTY_REVIEW',
    });
  });

  it('ignores an unknown way and missing names instead of failing', () => {
    expect(
      assignmentHistoryFacts({ kind: 'reassigned', before: null, after: { via: 'MAGIC' } }),
    ).toEqual({ kind: 'reassigned', from: '', to: '', via: undefined });
  });

  it('tells approvals from refusals', () => {
    const decided = (decision: string) =>
      assignmentHistoryFacts({
        kind: 'reassignment_decided',
        after: { decision, toDepartment: '恩施市发展和改革局' },
      });
    expect(decided('APPROVED')).toMatchObject({ approved: true, to: '恩施市发展和改革局' });
    expect(decided('REJECTED')).toMatchObject({ approved: false });
  });

  it('leaves other kinds to the task history', () => {
    expect(assignmentHistoryFacts({ kind: 'status', after: { status: 'SUBMITTED' } })).toBe(
      undefined,
    );
    expect(assignmentHistoryFacts({ kind: 'acknowledged' })).toEqual({ kind: 'acknowledged' });
  });
});

describe('bulk 签收 picks', () => {
  it('only the active unacknowledged tasks', () => {
    expect(
      unacknowledgedIds([
        { id: 'a', acknowledgedAt: null },
        { id: 'b', acknowledgedAt: '2026-01-05T01:00:00Z' },
        { id: 'c', acknowledgedAt: null, retiredAt: '2026-03-01T00:00:00Z' },
        { id: 'd' },
      ]),
    ).toEqual(['a', 'd']);
  });
});
