import { markPredictable, unpredictableLength } from './predictable-parts';

/** The password with each predictable code point shown as ^ and the others as . */
function marks(folded: string, words: string[] = []): string {
  return markPredictable(Array.from(folded), { words })
    .map((m) => (m ? '^' : '.'))
    .join('');
}

describe('markPredictable', () => {
  it.each<[string, string, string, string[]?]>([
    ['a keyboard row', 'qwer7x', '^^^^..'],
    ['a keyboard row backwards', 'x7rewq', '..^^^^'],
    ['a keyboard column', '1qaz', '^^^^'],
    ['a column from the bottom up', 'zaq1', '^^^^'],
    ['a shifted column (!QAZ)', '!qaz', '^^^^'],
    ['a walk that bends', 'qwedcx', '^^^^^^'],
    ['two keys only', 'qw7x', '....'],
    ['an alphabet sequence', 'xabcd', '.^^^^'],
    ['a descending digit sequence', '4321y', '^^^^.'],
    ['a sequence with a step of 2', '2468', '^^^^'],
    ['a sequence with a step of 3 is not one', 'adgj', '....'],
    ['a repeated character after its first', 'aa1aaaaa', '.^..^^^^'],
    ['a repeated chunk', 'k7!mk7!m', '....^^^^'],
    ['a year', 'x2026y', '.^^^^.'],
    ['not a year', 'x2150y', '......'],
    ['a context word and a name', 'hubei#demo', '^^^^^.^^^^', ['hubei', 'demo']],
    ['a word in leetspeak', 'hub3i!', '^^^^^.', ['hubei']],
    ['Chinese names', '张三xq', '^^..', ['张三']],
    // A rest parameter: jest would take a fourth named one for a `done` callback.
  ])('%s: %s', (_label, folded, expected, ...words) => {
    expect(marks(folded, words[0])).toBe(expected);
  });

  it('counts what is left', () => {
    expect(unpredictableLength(Array.from('qwer!2026asdf'))).toBe(1);
    expect(unpredictableLength(Array.from('gx7#pq2m'))).toBe(8);
  });

  it('handles astral code points and long input', () => {
    expect(marks('😀😀😀x')).toBe('.^^.');
    expect(unpredictableLength(Array.from('a'.repeat(128)))).toBe(1);
  });
});
