import { ChildProcess, execFileSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

/** Builds the API and the web app as `npm start` does (Nx restores both from cache when unchanged). */
export function buildApps(): void {
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
