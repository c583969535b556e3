import { ConfigError, loadConfig } from '../../config/config';

const PRIMARY = 'postgres://duty_app:a@db-1:5432/duty';
const REPLICA = 'postgres://duty_app:a@db-2:5432/duty';

describe('read replica settings', () => {
  it('has no replica unless DATABASE_REPLICA_URL is set: everything on the primary', () => {
    expect(loadConfig({ DATABASE_URL: PRIMARY }).readReplica).toEqual({
      url: null,
      maxLagSeconds: 10,
      maxLagBytes: 64 * 1024 * 1024,
      readYourWritesMs: 60_000,
      probeIntervalMs: 2_000,
    });
  });

  it('reads the replica URL, the lag bounds, the read-your-writes window and the check interval', () => {
    const config = loadConfig({
      DATABASE_URL: PRIMARY,
      DATABASE_REPLICA_URL: REPLICA,
      DATABASE_REPLICA_MAX_LAG_SECONDS: '30',
      DATABASE_REPLICA_MAX_LAG_BYTES: '1048576',
      DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: '120',
      DATABASE_REPLICA_PROBE_SECONDS: '5',
    });
    expect(config.readReplica).toEqual({
      url: REPLICA,
      maxLagSeconds: 30,
      maxLagBytes: 1_048_576,
      readYourWritesMs: 120_000,
      probeIntervalMs: 5_000,
    });
  });

  it.each([
    [{ DATABASE_REPLICA_URL: REPLICA }, /DATABASE_REPLICA_URL: needs DATABASE_URL/],
    [
      { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: 'postgres://other:b@db-1/duty' },
      /DATABASE_REPLICA_URL: names the same server and database as DATABASE_URL/,
    ],
    [{ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: 'mysql://db-2/duty' }, /DATABASE_REPLICA_URL/],
    [
      {
        DATABASE_URL: PRIMARY,
        DATABASE_REPLICA_URL: REPLICA,
        DATABASE_REPLICA_MAX_LAG_SECONDS: '90',
        DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: '60',
      },
      /DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS \(60\) must be at least DATABASE_REPLICA_MAX_LAG_SECONDS \(90\)/,
    ],
    [
      { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: REPLICA, DATABASE_REPLICA_PROBE_SECONDS: '0' },
      /DATABASE_REPLICA_PROBE_SECONDS/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
