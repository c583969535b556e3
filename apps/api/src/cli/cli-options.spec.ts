import { checkFlags, intOption } from './cli-options';

describe('benchmark command options', () => {
  const args = ['--changes', '200', '--rounds', '3'];

  it('reads an integer option, or the default when absent', () => {
    expect(intOption(args, '--changes', 400, 1000, 'usage')).toBe(200);
    expect(intOption(args, '--clients', 8, 64, 'usage')).toBe(8);
  });

  it('refuses a value that is not an integer in range, naming the option and the usage', () => {
    expect(() => intOption(['--rounds', '0'], '--rounds', 2, 100, 'USAGE')).toThrow(
      /--rounds must be an integer from 1 to 100, got "0"\.\nUSAGE/,
    );
    expect(() => intOption(['--rounds', '1.5'], '--rounds', 2, 100, 'u')).toThrow(/got "1.5"/);
    expect(() => intOption(['--rounds'], '--rounds', 2, 100, 'u')).toThrow(/got ""/);
    expect(() => intOption(['--rounds', '101'], '--rounds', 2, 100, 'u')).toThrow(/1 to 100/);
  });

  it('refuses an unknown flag', () => {
    expect(() => checkFlags(args, ['--changes', '--rounds'], 'u')).not.toThrow();
    expect(() => checkFlags(['--change', '1'], ['--changes'], 'USAGE')).toThrow(
      /Unexpected argument --change\.\nUSAGE/,
    );
  });
});
