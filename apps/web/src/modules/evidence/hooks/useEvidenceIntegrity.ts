import { useCallback, useEffect, useState } from 'react';
import { integrityOf, type IntegrityStatus } from '../utils/integrity';

export const READY_PATH = '/ready';

export type IntegrityState =
  { kind: 'loading' } | { kind: 'loaded'; integrity: IntegrityStatus } | { kind: 'unavailable' };

/**
 * The last evidence integrity check, from `/ready`. The probe answers 503 with the same JSON
 * when the service is not ready, so the body is read whatever the status.
 */
export function useEvidenceIntegrity(): { state: IntegrityState; refresh: () => void } {
  const [state, setState] = useState<IntegrityState>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let active = true;
    const load = async (): Promise<IntegrityState> => {
      try {
        const response = await globalThis.fetch(READY_PATH, {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        });
        const integrity = integrityOf(JSON.parse(await response.text()));
        return integrity ? { kind: 'loaded', integrity } : { kind: 'unavailable' };
      } catch {
        return { kind: 'unavailable' };
      }
    };
    void load().then((next) => {
      if (active) setState(next);
    });
    return () => {
      active = false;
    };
  }, [round]);
  const refresh = useCallback(() => {
    setState({ kind: 'loading' });
    setRound((r) => r + 1);
  }, []);
  return { state, refresh };
}
