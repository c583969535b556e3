import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
// The CI scripts are plain files, not an Nx project: imported by path on purpose.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { checkLockfile, minVersion, nodeRange, satisfies } from '../../.ci/engines.mjs';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, '.ci/check-engines.mjs');

describe('engines.node ranges (npm range grammar)', () => {
  it.each([
    ['>=20.19.0', '20.19.0', true],
    ['>=20.19.0', '20.18.9', false],
    ['^20.19.0 || >=22.12.0', '21.5.0', false],
    ['^20.19.0 || >=22.12.0', '22.12.0', true],
    ['>= 0.4', '20.19.0', true],
    ['>=8.x', '20.19.0', true],
    ['6.* || 8.* || >= 10.*', '9.1.0', false],
    ['6.* || 8.* || >= 10.*', '20.0.0', true],
    ['>=16 || 14 >=14.17', '14.16.0', false],
    ['>=16 || 14 >=14.17', '14.18.0', true],
    ['>=16 || 14 >=14.17', '15.0.0', false],
    ['^22 || ^24 || >=26', '20.20.2', false],
    ['^22 || ^24 || >=26', '25.1.0', false],
    ['^22 || ^24 || >=26', '24.3.0', true],
    ['20 || >=22', '21.0.0', false],
    ['20 || >=22', '20.0.0', true],
    ['>=v12.22.7', '12.22.7', true],
    ['~1.2', '1.3.0', false],
    ['~1.2.3', '1.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['1.2.3 - 2.3', '2.3.9', true],
    ['1.2.3 - 2.3', '2.4.0', false],
    ['<=20', '20.9.0', true],
    ['>20', '20.9.0', false],
    ['*', '0.1.0', true],
    ['', '0.1.0', true],
  ])('%j with %s: %s', (range, version, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it.each([
    ['>=20.19.0', '20.19.0'],
    ['^20.19.0 || >=22.12.0', '20.19.0'],
    ['>20.1.0', '20.1.1'],
    ['20 || >=22', '20.0.0'],
    ['<18', '0.0.0'],
  ])('the lowest version %j allows is %s', (range, expected) => {
    expect(minVersion(range)?.join('.')).toBe(expected);
  });

  it('reads engines given as an object or as the old array form', () => {
    expect(nodeRange({ node: '>=18' })).toBe('>=18');
    expect(nodeRange({ npm: '>=7' })).toBeNull();
    expect(nodeRange(['node >= 0.4'])).toBe('>= 0.4');
    expect(nodeRange(['npm >= 1'])).toBeNull();
    expect(nodeRange(undefined)).toBeNull();
  });

  // node-semver (npm's own implementation, installed with the dev tools) decides every range of
  // the real lockfile the same way, at the versions that matter here.
  it('agrees with node-semver on every engines range of package-lock.json', async () => {
    const semver = createRequire(__filename)('semver') as {
      satisfies(version: string, range: string): boolean;
      minVersion(range: string): { version: string } | null;
    };
    const lock = createRequire(__filename)(path.join(ROOT, 'package-lock.json')) as {
      packages: Record<string, { engines?: unknown }>;
    };
    const ranges = new Set<string>();
    for (const meta of Object.values(lock.packages)) {
      const range = nodeRange(meta.engines);
      if (range) ranges.add(range);
    }
    expect(ranges.size).toBeGreaterThan(50);
    const versions = ['0.10.0', '14.17.0', '16.0.0', '18.0.0', '18.18.0', '20.0.0', '20.9.0'];
    versions.push(
      '20.19.0',
      '20.20.2',
      '21.1.0',
      '22.0.0',
      '22.12.0',
      '22.15.0',
      '24.0.0',
      '26.0.0',
    );
    const disagreements: string[] = [];
    for (const range of ranges) {
      for (const v of versions) {
        if (satisfies(v, range) !== semver.satisfies(v, range))
          disagreements.push(`${range} @ ${v}`);
      }
      const ours = minVersion(range)?.join('.') ?? null;
      const theirs = semver.minVersion(range)?.version ?? null;
      if (ours !== theirs) disagreements.push(`min of ${range}: ${ours} vs ${theirs}`);
    }
    expect(disagreements).toEqual([]);
  });
});

const LOCK = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', engines: { node: '>=20.19.0' } },
    'node_modules/old-enough': { version: '1.0.0', engines: { node: '>=14' } },
    'node_modules/needs-22': { version: '2.0.0', engines: { node: '>=22' } },
    'node_modules/a/node_modules/nested-22': { version: '3.0.0', engines: { node: '^22 || >=24' } },
    'node_modules/tool-22': { version: '4.0.0', dev: true, engines: { node: '>=22.15.0' } },
    'node_modules/opt-22': { version: '5.0.0', devOptional: true, engines: { node: '>=22' } },
    'node_modules/ancient': { version: '6.0.0', engines: ['node >= 0.4'] },
    'node_modules/no-engines': { version: '7.0.0' },
    'node_modules/linked': { link: true, resolved: 'libs/x' },
  },
};

describe('checkLockfile', () => {
  it('fails production packages, warns about dev-only ones, skips what declares nothing', () => {
    const { checked, failures, warnings } = checkLockfile(LOCK, ['20.20.2', '20.19.0']);
    expect(checked).toBe(6);
    expect(failures.map((f) => `${f.name}@${f.version}`)).toEqual([
      'nested-22@3.0.0',
      'needs-22@2.0.0',
      'opt-22@5.0.0', // devOptional: installed without the dev dependencies too
    ]);
    expect(failures[1].refused).toEqual(['20.20.2', '20.19.0']);
    expect(warnings.map((w) => w.name)).toEqual(['tool-22']);
  });

  it('passes when every version is accepted', () => {
    const { failures, warnings } = checkLockfile(LOCK, ['24.1.0']);
    expect(failures).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('refuses what is not a lockfile of npm 7 or later', () => {
    expect(() => checkLockfile({ lockfileVersion: 1, dependencies: {} }, ['20.19.0'])).toThrow(
      /packages/,
    );
  });
});

describe('.ci/check-engines.mjs', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-engines-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function check(lock: unknown, engines = '>=20.19.0') {
    await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ engines: { node: engines } }));
    const args = [SCRIPT, '--lockfile', path.join(dir, 'package-lock.json')];
    args.push('--package', path.join(dir, 'package.json'));
    return run(process.execPath, args).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  }

  it('exits 1 and names each production package that needs a newer Node', async () => {
    const result = await check(LOCK);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('needs-22@2.0.0 needs node >=22');
    expect(result.stderr).toContain('nested-22@3.0.0');
    expect(result.stderr).not.toContain('tool-22');
    expect(result.stdout).toMatch(/Warning: 1 dev-only package.*\n {2}tool-22@4\.0\.0/);
  });

  it('exits 0 with only dev-only warnings', async () => {
    const packages = Object.fromEntries(
      Object.entries(LOCK.packages).filter(([key]) => !/22$/.test(key) || key.includes('tool')),
    );
    const result = await check({ ...LOCK, packages });
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('tool-22@4.0.0');
    expect(result.stdout).toContain('Every production package runs on these Node versions.');
  });

  it("checks the lowest Node of the project's engines, not only the running one", async () => {
    const lock = {
      lockfileVersion: 3,
      packages: { 'node_modules/x': { version: '1.0.0', engines: { node: '>=18.5.0' } } },
    };
    expect((await check(lock, '>=18.0.0')).code).toBe(1);
    expect((await check(lock, '>=18.5.0')).code).toBe(0);
  });

  it('passes on the repository itself (what CI runs)', async () => {
    const result = await run(process.execPath, [SCRIPT]);
    expect(result.stdout).toContain('Every production package runs on these Node versions.');
  });
});
