import { ErrorCode } from '@duty/shared/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../graphql/errors';
import { packUrl, type PackSelection } from '../utils/packUrl';
import { saveBlob } from '../../../utils/saveBlob';
import { DownloadError, downloadWithProgress } from '../utils/streamDownload';

export type PackDownloadState =
  | { kind: 'idle' }
  | { kind: 'running'; bytes: number }
  | { kind: 'done'; fileName: string; bytes: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppError };

/** Streams a pack to a Blob with progress, then saves it; one download at a time. */
export function usePackDownload(defaultFileName: string): {
  state: PackDownloadState;
  start: (selection: PackSelection) => Promise<void>;
  cancel: () => void;
} {
  const [state, setState] = useState<PackDownloadState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Leaving the page stops a running download.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (selection: PackSelection) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ kind: 'running', bytes: 0 });
      try {
        const file = await downloadWithProgress(packUrl(selection), {
          signal: current.signal,
          onProgress: (bytes) => {
            if (!current.signal.aborted) setState({ kind: 'running', bytes });
          },
        });
        if (current.signal.aborted) return;
        const fileName = file.fileName ?? defaultFileName;
        saveBlob(file.blob, fileName);
        setState({ kind: 'done', fileName, bytes: file.bytes });
      } catch (error) {
        if (current.signal.aborted) {
          if (controller.current === current) setState({ kind: 'cancelled' });
          return;
        }
        setState({
          kind: 'failed',
          error:
            error instanceof DownloadError ? error.appError : { code: ErrorCode.INTERNAL_ERROR },
        });
      } finally {
        if (controller.current === current) controller.current = null;
      }
    },
    [defaultFileName],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
