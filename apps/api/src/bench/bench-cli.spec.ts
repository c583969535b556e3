import { parseBenchArgs } from './bench-cli';

describe('bench:analytics arguments', () => {
  const defaults = {
    help: false,
    runs: 50,
    scale: 'province',
    verify: false,
    compareJit: true,
    keep: false,
  };

  it('defaults to 50 runs at province scale (the scale decides the cycles), database dropped', () => {
    expect(parseBenchArgs([])).toEqual(defaults);
  });

  it('reads --runs, --cycles (also as --flag=value), --keep and --help', () => {
    expect(parseBenchArgs(['--runs', '10', '--cycles=1', '--keep'])).toEqual({
      ...defaults,
      runs: 10,
      cycles: 1,
      keep: true,
    });
    expect(parseBenchArgs(['-h']).help).toBe(true);
    expect(parseBenchArgs(['--help']).help).toBe(true);
  });

  it('reads --scale national with --provinces, --verify and --no-jit-compare', () => {
    expect(
      parseBenchArgs(['--scale', 'national', '--provinces=8', '--verify', '--no-jit-compare']),
    ).toEqual({ ...defaults, scale: 'national', provinces: 8, verify: true, compareJit: false });
    expect(() => parseBenchArgs(['--scale', 'world'])).toThrow('province or national');
    expect(() => parseBenchArgs(['--provinces', '3'])).toThrow('needs --scale national');
    expect(() => parseBenchArgs(['--scale', 'national', '--provinces', '32'])).toThrow(
      'from 1 to 31',
    );
  });

  it('reads --database (a kept database to time), alone', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/duty_bench_0a1b2c3d';
    expect(parseBenchArgs(['--database', url, '--scale', 'national'])).toEqual({
      ...defaults,
      scale: 'national',
      database: url,
    });
    expect(() => parseBenchArgs(['--database', 'duty_bench_0a1b2c3d'])).toThrow('postgres:// URL');
    expect(() => parseBenchArgs(['--database', url, '--keep'])).toThrow('as it is');
    expect(() => parseBenchArgs(['--database', url, '--cycles', '2'])).toThrow('as it is');
  });

  it('refuses unknown arguments, missing values and bad numbers', () => {
    expect(() => parseBenchArgs(['--run', '3'])).toThrow('Unexpected argument --run');
    expect(() => parseBenchArgs(['--runs'])).toThrow('--runs needs a value');
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('from 1 to 100000');
    expect(() => parseBenchArgs(['--runs', '2.5'])).toThrow('from 1 to 100000');
    expect(() => parseBenchArgs(['--cycles', '21'])).toThrow('from 1 to 20');
    expect(() => parseBenchArgs(['--cycles', 'x'])).toThrow('got "x"');
  });
});
