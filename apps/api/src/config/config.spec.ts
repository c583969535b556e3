import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const cwd = '/srv/app';

  it('defaults to the embedded database under ./.data with demo data', () => {
    const config = loadConfig({}, cwd);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      kind: 'embedded',
      dataDir: path.join(cwd, '.data', 'postgres'),
      port: 0,
      poolMax: 10,
      jit: 'off',
    });
    expect(config.seedDemoData).toBe(true);
    expect(config.isProduction).toBe(false);
  });

  it('uses DATABASE_URL and does not seed demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/duty' }, cwd);
    expect(config.database).toMatchObject({ kind: 'external', url: 'postgres://u:p@db:5432/duty' });
    expect(config.seedDemoData).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/x', SEED_DEMO_DATA: 'true' }).seedDemoData,
    ).toBe(true);
  });

  it('sweeps staging leftovers every 15 minutes, older than an hour, unless configured', () => {
    expect(loadConfig({}, cwd).evidence).toMatchObject({
      stagingSweepIntervalMs: 900_000,
      stagingMaxAgeMs: 3_600_000,
    });
    const configured = loadConfig(
      { EVIDENCE_STAGING_SWEEP_SECONDS: '0', EVIDENCE_STAGING_MAX_AGE_MINUTES: '5' },
      cwd,
    );
    expect(configured.evidence).toMatchObject({
      stagingSweepIntervalMs: 0,
      stagingMaxAgeMs: 300_000,
    });
  });

  it('reads DATABASE_JIT: off by default, on, or a jit_above_cost threshold', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }, cwd).database.jit).toBe('off');
    expect(loadConfig({ DATABASE_JIT: 'ON' }, cwd).database.jit).toBe('on');
    expect(loadConfig({ DATABASE_JIT: '5000000' }, cwd).database.jit).toBe(5_000_000);
    for (const bad of ['maybe', '0', '-1', '1.5']) {
      expect(() => loadConfig({ DATABASE_JIT: bad }, cwd)).toThrow(/DATABASE_JIT/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, cwd).database.kind).toBe('embedded');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_POOL_MAX', '0'],
    ['MIGRATIONS_RUN', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['EVIDENCE_STAGING_SWEEP_SECONDS', '-1'],
    ['EVIDENCE_STAGING_MAX_AGE_MINUTES', '0'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value }, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(1);
    expect((error as ConfigError).problems[0]).toMatch(new RegExp(`^${name}: `));
    expect((error as Error).message).toContain(JSON.stringify(value));
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' }, cwd)).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
