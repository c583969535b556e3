import { userAccount } from '../../../test/fixtures';
import { isLocked, userStateFlags } from './userState';

const now = new Date('2025-03-01T00:00:00.000Z');

describe('user state', () => {
  it('counts a lock only until it runs out', () => {
    expect(isLocked({ lockedUntil: '2025-03-01T00:10:00.000Z' }, now)).toBe(true);
    expect(isLocked({ lockedUntil: '2025-02-28T23:59:00.000Z' }, now)).toBe(false);
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
  });

  it('lists what is unusual, most severe first', () => {
    const user = userAccount({
      id: 'u',
      username: 'u',
      disabled: true,
      lockedUntil: '2025-03-02T00:00:00.000Z',
      mustChangePassword: true,
    });
    expect(userStateFlags(user, now).map((f) => f.kind)).toEqual([
      'disabled',
      'locked',
      'mustChangePassword',
    ]);
    expect(userStateFlags(userAccount({ id: 'v', username: 'v' }), now)).toEqual([]);
  });
});
