import { changedFields, latestReturn } from './history';
import { transitionAction, transitionNeedsReason } from './taskStatus';

const event = (id: string, kind: string, after: unknown, reason: string | null = null) => ({
  id,
  kind,
  after,
  before: null,
  reason,
  occurredAt: '2025-03-01T00:00:00.000Z',
  actorUsername: 'province',
});

describe('task history', () => {
  it('finds the latest return (history is oldest first)', () => {
    const history = [
      event('1', 'status', { status: 'RETURNED' }, '缺少文件'),
      event('2', 'status', { status: 'IN_PROGRESS' }),
      event('3', 'status', { status: 'SUBMITTED' }),
      event('4', 'status', { status: 'RETURNED' }, '文号不全'),
      event('5', 'updated', { progressNote: 'x' }),
    ];
    expect(latestReturn(history)?.reason).toBe('文号不全');
    expect(latestReturn(history.slice(1, 3))).toBeUndefined();
  });

  it('names the fields an update changed', () => {
    expect(changedFields(event('1', 'updated', { measures: 'm', progressNote: 'p' }))).toEqual([
      'progressNote',
      'measures',
    ]);
    expect(changedFields(event('1', 'updated', null))).toEqual([]);
  });
});

describe('status transitions', () => {
  it.each([
    ['SUBMITTED', 'RETURNED', true, 'return'],
    ['VERIFIED', 'IN_PROGRESS', true, 'reopen'],
    ['RETURNED', 'IN_PROGRESS', false, 'resume'],
    ['NOT_STARTED', 'IN_PROGRESS', false, 'start'],
    ['IN_PROGRESS', 'SUBMITTED', false, 'submit'],
    ['SUBMITTED', 'VERIFIED', false, 'verify'],
  ] as const)('%s → %s: reason %s, action %s', (from, to, reason, action) => {
    expect(transitionNeedsReason(from, to)).toBe(reason);
    expect(transitionAction(from, to)).toBe(action);
  });
});
