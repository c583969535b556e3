import { ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

/** Builds the API and the web app as `npm start` does (Nx restores both from cache when unchanged). */
export function buildApps(): void {
  // Test files run in parallel workers and several start the built server. The sources do not
  // change during a test run, so the first file to get here builds (under a lock) and marks the
  // run; the others find the mark and leave dist/ alone. A second `nx build` is not harmless:
  // when Nx decides to restore outputs from its cache it deletes dist/api first, under a server
  // another file has just started (seen as MODULE_NOT_FOUND at that server's start).
  const runId = process.env.DUTY_TEST_RUN_ID;
  const mark = runId && path.join(root, 'dist', `.built-for-${runId}`);
  withBuildLock(() => {
    if (mark && existsSync(mark)) return;
    execFileSync(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
      {
        cwd: root,
        stdio: 'pipe',
        env: { ...process.env, NX_DAEMON: 'false', NODE_ENV: 'production' },
        timeout: 300_000,
      },
    );
    if (!mark) return;
    for (const old of readdirSync(path.dirname(mark))) {
      if (old.startsWith('.built-for-'))
        rmSync(path.join(path.dirname(mark), old), { force: true });
    }
    writeFileSync(mark, `${new Date().toISOString()}\n`);
  });
}

const LOCK = path.join(root, 'dist', '.build-lock');
/** A lock older than this was left by a killed process. */
const STALE_LOCK_MS = 600_000;

function withBuildLock(build: () => void): void {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const waitUntil = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      if (Date.now() > waitUntil) throw new Error(`build lock ${LOCK} held for too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export const builtCli = (name: string) =>
  path.join(root, 'dist/api/apps/api/src/cli', `${name}.cli.js`);

/**
 * Waits for a started server (`dist/api/…/main.js`) to log that it is ready and returns its
 * URL and everything it printed so far. Rejects, with the exit code and the output, when it
 * exits first, and after `timeoutMs` without the ready line.
 */
export function serverReady(
  child: ChildProcess,
  timeoutMs = 120_000,
): Promise<{ url: string; output: () => string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready in ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(http:\/\/[^"]+)","msg":"Ready/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`exited with ${code}:\n${output}`), { code, output }));
    });
  });
}
