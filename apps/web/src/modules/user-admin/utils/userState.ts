import type { UserAccount } from '../graphql/types';

export type UserStateKind = 'disabled' | 'locked' | 'mustChangePassword';

export interface UserStateFlag {
  kind: UserStateKind;
  /** For `locked`: until when (ISO 8601). */
  until?: string;
}

/** Whether the account is locked at `now` (a past `lockedUntil` no longer counts). */
export function isLocked(user: Pick<UserAccount, 'lockedUntil'>, now: Date = new Date()): boolean {
  if (!user.lockedUntil) return false;
  const until = new Date(user.lockedUntil).getTime();
  return Number.isNaN(until) || until > now.getTime();
}

/** What is unusual about an account, most severe first; empty for a normal account. */
export function userStateFlags(user: UserAccount, now: Date = new Date()): UserStateFlag[] {
  const flags: UserStateFlag[] = [];
  if (user.disabled) flags.push({ kind: 'disabled' });
  if (isLocked(user, now)) flags.push({ kind: 'locked', until: user.lockedUntil ?? undefined });
  if (user.mustChangePassword) flags.push({ kind: 'mustChangePassword' });
  return flags;
}
