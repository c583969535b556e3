/** A job the server runs on a timer; `stop` ends it (at shutdown). */
export interface PeriodicJob {
  stop(): void;
}

/**
 * Runs `job` first `firstAfterMs` after start, then every `everyMs`; a run that is still going
 * when the next is due is not doubled (the next one is skipped). `everyMs` 0 turns the job off.
 * The timers do not keep the process alive; a failed run is the job's to report.
 */
export function schedulePeriodicJob(
  job: () => Promise<unknown>,
  { firstAfterMs, everyMs }: { firstAfterMs: number; everyMs: number },
): PeriodicJob {
  if (everyMs === 0) return { stop: () => undefined };
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    job()
      .catch(() => undefined)
      .finally(() => (running = false));
  };
  const first = setTimeout(run, firstAfterMs);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
