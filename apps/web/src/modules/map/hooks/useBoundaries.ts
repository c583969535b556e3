import { useEffect, useState } from 'react';
import type { BoundaryCollection } from '../utils/projection';

export type BoundaryState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'invalid'; message: string }
  | { status: 'found'; collection: BoundaryCollection };

/**
 * The boundary file of a division, if the deployment supplies one (GET
 * /api/map/boundaries/<code>.json): 404 means none (the usual case, tiles are drawn), 422
 * carries the file's problem in Chinese. Any other failure also falls back to tiles.
 */
export function useBoundaries(code: string): BoundaryState {
  const [state, setState] = useState<{ code: string; value: BoundaryState }>({
    code,
    value: { status: 'loading' },
  });
  useEffect(() => {
    let live = true;
    const controller = new AbortController();
    const done = (value: BoundaryState) => live && setState({ code, value });
    if (typeof fetch !== 'function') {
      done({ status: 'none' });
      return;
    }
    fetch(`/api/map/boundaries/${encodeURIComponent(code)}.json`, {
      credentials: 'same-origin',
      signal: controller.signal,
    })
      .then(async (res) => {
        if (res.ok) {
          done({ status: 'found', collection: (await res.json()) as BoundaryCollection });
        } else if (res.status === 422) {
          const body = (await res.json().catch(() => ({}))) as { message?: string };
          done({ status: 'invalid', message: body.message ?? res.statusText });
        } else {
          done({ status: 'none' });
        }
      })
      .catch(() => done({ status: 'none' }));
    return () => {
      live = false;
      controller.abort();
    };
  }, [code]);
  return state.code === code ? state.value : { status: 'loading' };
}
