import { parseBenchArgs } from './bench-cli';

describe('bench:analytics arguments', () => {
  it('defaults to 50 runs over 3 cycles, database dropped', () => {
    expect(parseBenchArgs([])).toEqual({ help: false, runs: 50, cycles: 3, keep: false });
  });

  it('reads --runs, --cycles (also as --flag=value), --keep and --help', () => {
    expect(parseBenchArgs(['--runs', '10', '--cycles=1', '--keep'])).toEqual({
      help: false,
      runs: 10,
      cycles: 1,
      keep: true,
    });
    expect(parseBenchArgs(['-h']).help).toBe(true);
    expect(parseBenchArgs(['--help']).help).toBe(true);
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
