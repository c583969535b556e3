import {
  decodeRegulationSource,
  isRegulationSourceError,
  RegulationSourceError,
  RegulationSourceErrorCode as E,
} from './decode-source';
import { listArticles, parseRegulation } from './parse-regulation';
import { loadSeedText } from '../test-support/regulation-fixtures';

/**
 * Fixtures made with Debian's iconv (glibc), so that the bytes come from an encoder independent of
 * the decoder under test:
 *   printf '湖北省质量促进条例\n第一条 为了规范质量促进工作，制定本条例。\n' | iconv -f UTF-8 -t GBK | xxd -p
 * and likewise with -t UTF-16LE / -t UTF-16BE; BIG5 and SHIFT_JIS from the texts in the comments.
 */
const SAMPLE = '湖北省质量促进条例\n第一条 为了规范质量促进工作，制定本条例。\n';
const fromHex = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const ICONV = {
  gbk: fromHex(
    'bafeb1b1caa1d6cac1bfb4d9bdf8ccf5c0fd0ab5dad2bbccf520ceaac1cbb9e6b7b6d6cac1bfb4d9bdf8b9a4d7f7a3acd6c6b6a8b1beccf5c0fda1a30a',
  ),
  utf16le: fromHex(
    '566e17530177288dcf91c34fdb8f61678b4f0a002c7b004e616720003a4e864ec4890383288dcf91c34fdb8fe55d5c4f0cff36529a5b2c6761678b4f02300a00',
  ),
  utf16be: fromHex(
    '6e56531777018d2891cf4fc38fdb67614f8b000a7b2c4e00676100204e3a4e8689c483038d2891cf4fc38fdb5de54f5cff0c52365b9a672c67614f8b3002000a',
  ),
  // '湖北省質量促進條例\n第一條 為了規範質量促進工作，制定本條例。\n' (traditional, Taiwan's Big5)
  big5: fromHex(
    'b4f2a55facd9bde8b671ab50b669b1f8a8d20ab2c4a440b1f820acb0a446b357bd64bde8b671ab50b669a475a740a141a8eea977a5bbb1f8a8d2a1430a',
  ),
  // '品質促進条例\n第一条 この条例は、品質の向上を図ることを目的とする。\n'
  shiftJis: fromHex(
    '95698ebf91a390698ff097e10a91e688ea8ff02082b182cc8ff097e182cd814195698ebf82cc8cfc8fe382f0907d82e982b182c682f096da934982c682b782e981420a',
  ),
};

const concat = (...parts: ArrayLike<number>[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    const pair = [unit & 0xff, unit >> 8];
    out.push(...(order === 'le' ? pair : pair.reverse()));
  }
  return Uint8Array.from(out);
}

/**
 * A GB18030 encoder for the long seed text, built by inverting the platform decoder's two-byte
 * table and the four-byte BMP range (the seed has a U+00A0, which GB18030 codes in four bytes).
 * The short iconv fixtures above keep the test honest about real bytes.
 */
function gb18030Encoder(): (s: string) => Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  const add = (bytes: number[]) => {
    const ch = decoder.decode(Uint8Array.from(bytes));
    if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, bytes);
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) {
        for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
      }
    }
  }
  return (s) =>
    Uint8Array.from(
      [...s].flatMap((ch) => {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp < 0x80) return [cp];
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GB18030 code for ${ch}`);
        return bytes;
      }),
    );
}

function decodeError(bytes: Uint8Array): RegulationSourceError {
  try {
    decodeRegulationSource(bytes);
  } catch (error) {
    if (isRegulationSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a RegulationSourceError');
}

describe('decodeRegulationSource', () => {
  describe('supported encodings (iconv fixtures)', () => {
    it.each([
      ['GBK', ICONV.gbk, 'gb18030', false],
      ['UTF-16LE without BOM', ICONV.utf16le, 'utf-16le', false],
      ['UTF-16BE without BOM', ICONV.utf16be, 'utf-16be', false],
      ['UTF-16LE with BOM', concat([0xff, 0xfe], ICONV.utf16le), 'utf-16le', true],
      ['UTF-16BE with BOM', concat([0xfe, 0xff], ICONV.utf16be), 'utf-16be', true],
      ['UTF-8', utf8(SAMPLE), 'utf-8', false],
      ['UTF-8 with BOM', concat([0xef, 0xbb, 0xbf], utf8(SAMPLE)), 'utf-8', true],
    ])('%s', (_name, bytes, encoding, bom) => {
      expect(decodeRegulationSource(bytes)).toEqual({ text: SAMPLE, encoding, bom });
    });

    it('decodes an empty file as empty UTF-8 text (the parser then reports NO_ARTICLES)', () => {
      expect(decodeRegulationSource(new Uint8Array())).toEqual({
        text: '',
        encoding: 'utf-8',
        bom: false,
      });
    });
  });

  describe('the whole seed regulation', () => {
    const seed = loadSeedText();
    const articles = (bytes: Uint8Array) =>
      listArticles(parseRegulation(decodeRegulationSource(bytes).text)).length;

    it('round-trips through GB18030, detected as such', () => {
      const bytes = gb18030Encoder()(seed);
      expect(decodeRegulationSource(bytes)).toMatchObject({ text: seed, encoding: 'gb18030' });
      expect(articles(bytes)).toBe(42);
    });

    it.each(['le', 'be'] as const)('round-trips through UTF-16%s without BOM', (order) => {
      const bytes = utf16(seed, order);
      expect(decodeRegulationSource(bytes)).toMatchObject({
        text: seed,
        encoding: `utf-16${order}`,
        bom: false,
      });
      expect(articles(bytes)).toBe(42);
    });

    it('reads UTF-16LE with CRLF line ends, as Windows Notepad saves "Unicode"', () => {
      const bytes = concat([0xff, 0xfe], utf16(seed.replace(/\n/gu, '\r\n'), 'le'));
      expect(articles(bytes)).toBe(42);
    });
  });

  describe('refusals name the encoding found and, where there is one, the line', () => {
    it('Big5 (traditional Chinese) decodes as GB18030 but not into common hanzi', () => {
      const error = decodeError(ICONV.big5);
      expect([error.code, error.line]).toEqual([E.UNSUPPORTED_ENCODING, 1]);
      expect(error.message).toMatch(
        /^第1行：无法识别文件编码：.*Big5.* \[UNSUPPORTED_ENCODING\]$/u,
      );
    });

    it('Shift-JIS is refused', () => {
      expect(decodeError(ICONV.shiftJis).code).toBe(E.UNSUPPORTED_ENCODING);
    });

    it('a UTF-8 file with one line saved in GBK is refused at that line', () => {
      const bytes = concat(utf8('湖北省质量促进条例\n第一条 正文。\n'), ICONV.gbk.slice(19));
      const error = decodeError(bytes);
      expect([error.code, error.line]).toEqual([E.UNSUPPORTED_ENCODING, 3]);
      expect(error.reason).toContain('不是有效的 UTF-8');
    });

    it('a GBK file with a malformed byte names its line', () => {
      const bytes = concat(ICONV.gbk, [0x0a, 0xff, 0x41]);
      const error = decodeError(bytes);
      expect([error.code, error.line]).toEqual([E.UNSUPPORTED_ENCODING, 4]);
      expect(error.reason).toContain('看起来是 GB18030（GBK）编码，但此行的字节 0xFF 0x41');
    });

    it('a UTF-8 BOM followed by invalid UTF-8 names the line', () => {
      const bytes = concat([0xef, 0xbb, 0xbf], utf8('标题\n'), ICONV.gbk);
      const error = decodeError(bytes);
      expect([error.code, error.line]).toEqual([E.UNSUPPORTED_ENCODING, 2]);
      expect(error.reason).toContain('UTF-8 字节顺序标记');
    });

    it('a UTF-16 BOM with an odd number of bytes (truncated)', () => {
      const error = decodeError(concat([0xff, 0xfe], ICONV.utf16le, [0x41]));
      expect(error.reason).toContain('字节数为奇数');
    });

    it.each([
      ['UTF-32LE with BOM', concat([0xff, 0xfe, 0, 0], [0x2c, 0x7b, 0, 0])],
      ['UTF-32BE with BOM', concat([0, 0, 0xfe, 0xff], [0, 0, 0x7b, 0x2c])],
    ])('%s', (_name, bytes) => {
      const error = decodeError(bytes);
      expect(error.code).toBe(E.UNSUPPORTED_ENCODING);
      expect(error.reason).toContain('UTF-32');
    });

    it('UTF-32 without BOM: NUL bytes that are not UTF-16 either', () => {
      const utf32 = Uint8Array.from(
        [...SAMPLE].flatMap((ch) => {
          const cp = ch.codePointAt(0) ?? 0;
          return [cp & 0xff, (cp >> 8) & 0xff, cp >> 16, 0];
        }),
      );
      const error = decodeError(utf32);
      expect(error.code).toBe(E.UNSUPPORTED_ENCODING);
      expect(error.reason).toContain('NUL');
    });

    it.each([
      ['PDF', utf8('%PDF-1.7\n'), 'PDF'],
      [
        'Word 97–2003',
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
        '.doc',
      ],
      ['ZIP', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'ZIP'],
      ['RTF', utf8('{\\rtf1\\ansi 第一条}'), 'RTF'],
    ])('%s is refused as a format, not an encoding', (_name, bytes, named) => {
      const error = decodeError(bytes);
      expect(error.code).toBe(E.UNSUPPORTED_FORMAT);
      expect(error.line).toBeUndefined();
      expect(error.message).toContain(named);
      expect(error.message).toMatch(/ \[UNSUPPORTED_FORMAT\]$/u);
    });
  });
});
