import { execFileSync } from 'node:child_process';
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
