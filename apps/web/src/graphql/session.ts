import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * What the app knows about the sign-in session beyond `me`: whether it ended on the server's
 * side (an operation answered UNAUTHENTICATED), so the sign-in page can say so. One per
 * Apollo client, because the client is what sees the answers.
 */
export class AuthSession {
  private expired = false;
  private readonly listeners = new Set<() => void>();

  isExpired(): boolean {
    return this.expired;
  }

  /** Marks the session as expired; returns false if it already was. */
  markExpired(): boolean {
    if (this.expired) return false;
    this.expired = true;
    this.emit();
    return true;
  }

  /** After a successful sign-in. */
  clear(): void {
    if (!this.expired) return;
    this.expired = false;
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const sessions = new WeakMap<ApolloClient, AuthSession>();

/** The session state of a client (created on first use, e.g. for a test's own client). */
export function sessionOf(client: ApolloClient): AuthSession {
  let session = sessions.get(client);
  if (!session) {
    session = new AuthSession();
    sessions.set(client, session);
  }
  return session;
}

export function useAuthSession(): AuthSession {
  return sessionOf(useApolloClient());
}

/** True from a session expiry until the next successful sign-in. */
export function useSessionExpired(): boolean {
  const session = useAuthSession();
  const subscribe = useCallback((onChange: () => void) => session.subscribe(onChange), [session]);
  return useSyncExternalStore(
    subscribe,
    () => session.isExpired(),
    () => false,
  );
}
