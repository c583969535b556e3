import fc from 'fast-check';

import { normalizeForComparison, removeWhitespace, splitSourceLines, trimOuter } from './normalize';

describe('splitSourceLines', () => {
  it('strips a BOM and numbers lines from 1', () => {
    expect(splitSourceLines('\ufeff第一条 甲\n第二条 乙')).toEqual([
      { text: '第一条 甲', line: 1 },
      { text: '第二条 乙', line: 2 },
    ]);
  });

  it('treats LF, CRLF, CR and Unicode separators as line ends, keeping blank lines counted', () => {
    expect(splitSourceLines('a\r\nb\rc\n\nd\u2028e').map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, ''],
      [5, 'd'],
      [6, 'e'],
    ]);
  });

  it('trims outer whitespace of every width but keeps inner whitespace', () => {
    expect(splitSourceLines('\u3000 \u00a0本条例自 \u00a0年\t\u200b ')[0]?.text).toBe(
      '本条例自 \u00a0年',
    );
  });
});

describe('trimOuter / removeWhitespace', () => {
  it('handle half-width, full-width, NBSP, tab and zero-width spaces', () => {
    expect(trimOuter('\u3000\u00a0 \t\u200b总 则\u3000\ufeff')).toBe('总 则');
    expect(removeWhitespace('第一章　总\u00a0 则\u200b')).toBe('第一章总则');
  });
});

describe('normalizeForComparison', () => {
  it('removes all whitespace and unifies punctuation width', () => {
    expect(normalizeForComparison('（一）建立健全，质量：体系；')).toBe(
      normalizeForComparison('(一) 建立健全, 质量: 体系;'),
    );
    expect(normalizeForComparison('【目的和依据】')).toBe(normalizeForComparison('[目的和依据]'));
    expect(normalizeForComparison('本条例自 \u00a0年\u3000月  日起施行。')).toBe(
      '本条例自年月日起施行.',
    );
    expect(normalizeForComparison('“引号”「引号」')).toBe('"引号""引号"');
    expect(normalizeForComparison('ＧＢ／Ｔ　２２６０')).toBe('GB/T2260');
  });

  it('keeps differences in wording', () => {
    expect(normalizeForComparison('应当加强')).not.toBe(normalizeForComparison('可以加强'));
    expect(normalizeForComparison('质量、标准')).not.toBe(normalizeForComparison('质量标准'));
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeForComparison(s);
        expect(normalizeForComparison(once)).toBe(once);
      }),
    );
  });

  it('ignores inserted whitespace (property)', () => {
    const ws = fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '\u200b', '\n');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'质量促进条例，。；：（）【】一二三abc123') }),
        fc.array(fc.tuple(fc.nat(), ws)),
        (s, insertions) => {
          let t = s;
          for (const [pos, w] of insertions) {
            const at = pos % (t.length + 1);
            t = t.slice(0, at) + w + t.slice(at);
          }
          expect(normalizeForComparison(t)).toBe(normalizeForComparison(s));
        },
      ),
    );
  });

  it('ignores punctuation width (property)', () => {
    const pairs: [string, string][] = [
      ['（', '('],
      ['）', ')'],
      ['：', ':'],
      ['，', ','],
      ['；', ';'],
      ['【', '['],
      ['】', ']'],
      ['。', '.'],
      ['！', '!'],
      ['？', '?'],
    ];
    const full = pairs.map(([f]) => f).join('');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...`质量促进${full}`) }),
        fc.infiniteStream(fc.boolean()),
        (s, flips) => {
          const swapped = [...s]
            .map((ch) => {
              const pair = pairs.find(([f]) => f === ch);
              return pair && flips.next().value ? pair[1] : ch;
            })
            .join('');
          expect(normalizeForComparison(swapped)).toBe(normalizeForComparison(s));
        },
      ),
    );
  });
});
