import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { HashPriority } from '@duty/api/passwords';
import { APP_CONFIG, AppConfig } from '../config/config';

import { clientAddressKey } from './client-address';
import { Clock, CLOCK } from './clock';
import { CountedAttempt, FailureWindow } from './failure-window';

/** Which limit refused a sign-in: the client address, or the address for this username. */
export type ThrottleScope = 'ip' | 'ip_account';

/** A sign-in the throttle let through; settle it once its outcome is known. */
export interface SignInTicket {
  /** The client address key (IPv4, or an IPv6 /64): the hash scheduler's turn key. */
  source: string;
  /** `low` when this address failed recently: its hashes wait behind clean clients'. */
  priority: HashPriority;
  /**
   * `success`: the attempt is taken back and the address's failures for this username are
   * forgotten; `failure`: it stays counted; `void`: nothing was checked (a server error or a
   * busy hash queue), taken back like a success but nothing forgotten.
   */
  settle(outcome: 'success' | 'failure' | 'void'): void;
}

export interface ThrottleRefusal {
  scope: ThrottleScope;
  retryAfterSeconds: number;
  /** The first refusal of this key since it was last free: the one worth an audit entry. */
  firstOfEpisode: boolean;
}

/**
 * Per-address and per-address-and-username limits on failed sign-ins, checked before anything
 * else of a sign-in (no database query, no hash), in memory.
 *
 * In memory, because the API is one process (the embedded database and the evidence store
 * assume so too): a check costs no database round trip while twenty clients hammer sign-in,
 * and its check-and-count is atomic because it is synchronous on the event loop. A restart
 * forgets the counts; the account lockout, which is in PostgreSQL, does not.
 *
 * Why two limits: the account lockout (LOCKOUT_THRESHOLD failures from anywhere) protects
 * the password, but on its own anyone could lock any administrator out with a few requests.
 * One address may fail only SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT times for one username per
 * window, fewer than the lockout threshold, so locking an account takes several addresses;
 * and only SIGN_IN_MAX_FAILURES_PER_IP times in all, so one address cannot spray many
 * usernames either. Refusals are HTTP 429 with Retry-After, the same for existing and unknown
 * usernames (the counts are per name typed, so they say nothing about accounts).
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly perAddress: FailureWindow;
  private readonly perAddressAndName: FailureWindow;
  /** Key → end of the refusal episode already audited. */
  private readonly refusing = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const { windowMs, maxFailuresPerIp, maxFailuresPerIpAccount } = config.auth.signInThrottle;
    this.perAddress = new FailureWindow(maxFailuresPerIp, windowMs);
    this.perAddressAndName = new FailureWindow(maxFailuresPerIpAccount, windowMs);
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Counts a sign-in attempt before its password is checked, or refuses it.
   *
   * @returns the ticket to settle, or the refusal (nothing was counted).
   */
  admit(ip: string | null, username: string): SignInTicket | ThrottleRefusal {
    const now = this.clock.now().getTime();
    const source = clientAddressKey(ip);
    const pair = `${source} ${username}`;
    const waits: Array<[ThrottleScope, string, number]> = [
      ['ip', source, this.perAddress.waitMs(source, now)],
      ['ip_account', pair, this.perAddressAndName.waitMs(pair, now)],
    ];
    const [scope, key, waitMs] = waits.reduce((a, b) => (b[2] > a[2] ? b : a));
    if (waitMs > 0) {
      const until = now + waitMs;
      const firstOfEpisode = (this.refusing.get(`${scope} ${key}`) ?? 0) <= now;
      this.refusing.set(`${scope} ${key}`, until);
      return { scope, retryAfterSeconds: Math.ceil(waitMs / 1000), firstOfEpisode };
    }

    const priority: HashPriority = this.perAddress.hasFailure(source, now) ? 'low' : 'normal';
    const counted: Array<[FailureWindow, string, CountedAttempt]> = [
      [this.perAddress, source, this.perAddress.add(source, now)],
      [this.perAddressAndName, pair, this.perAddressAndName.add(pair, now)],
    ];
    let settled = false;
    return {
      source,
      priority,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === 'failure') {
          for (const [, , attempt] of counted) attempt.failed = true;
          return;
        }
        for (const [window, k, attempt] of counted) window.remove(k, attempt);
        if (outcome === 'success') this.perAddressAndName.clear(pair);
      },
    };
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    this.perAddress.sweep(now);
    this.perAddressAndName.sweep(now);
    for (const [key, until] of this.refusing) if (until <= now) this.refusing.delete(key);
  }
}

export function isThrottleRefusal(value: SignInTicket | ThrottleRefusal): value is ThrottleRefusal {
  return 'retryAfterSeconds' in value;
}
