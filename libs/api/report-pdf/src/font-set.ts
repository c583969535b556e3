import { createHash } from 'node:crypto';
import { num, PdfFile } from './pdf-file';
import { subsetFont } from './subset';
import type { TrueTypeFont } from './truetype';

/** Drawn instead of a character no report font has (then U+003F, then .notdef). */
export const FALLBACK_CHARACTERS = ['\u25a1', '?'];

/** A character as drawn: which font, which glyph, its advance in 1/1000 em. */
export interface PlacedGlyph {
  font: number;
  glyph: number;
  width: number;
}

interface UsedFont {
  font: TrueTypeFont;
  /** code point → glyph id, for the subset's cmap and the ToUnicode CMap. */
  characters: Map<number, number>;
  /** glyph id → the text it stands for (the first character drawn with it). */
  unicode: Map<number, string>;
}

export interface EmbeddedFont {
  resource: string;
  objectId: number;
  subsetBytes: number;
  glyphs: number;
}

/**
 * The fonts of one document: resolves each character to the first font that has it, records
 * the glyphs used (for the subsets, widths and ToUnicode maps), and counts the characters that
 * no font has (drawn as FALLBACK_CHARACTERS).
 */
export class FontSet {
  private readonly used: UsedFont[];
  private readonly cache = new Map<number, PlacedGlyph | null>();
  /** Characters no font has, with how often each was drawn. */
  readonly missing = new Map<string, number>();

  constructor(fonts: readonly TrueTypeFont[]) {
    if (fonts.length === 0) throw new Error('a report needs at least one font');
    this.used = fonts.map((font) => ({ font, characters: new Map(), unicode: new Map() }));
  }

  /** The glyph of a character (the fallback glyph when no font has it). */
  place(char: string): PlacedGlyph {
    return this.resolve(char) ?? this.fallback();
  }

  /** Width of `text` at `size` points. */
  width(text: string, size: number): number {
    let w = 0;
    for (const char of text) w += this.place(char).width;
    return (w * size) / 1000;
  }

  /** Text drawing operators for `text` (inside BT … ET, position already set). */
  show(text: string, size: number): string {
    const ops: string[] = [];
    let current = -1;
    let hex = '';
    const flush = () => {
      if (hex) ops.push(`<${hex}> Tj`);
      hex = '';
    };
    for (const char of text) {
      const found = this.resolve(char);
      if (!found) this.missing.set(char, (this.missing.get(char) ?? 0) + 1);
      const g = found ?? this.fallback();
      if (g.font !== current) {
        flush();
        ops.push(`/F${g.font + 1} ${num(size)} Tf`);
        current = g.font;
      }
      hex += g.glyph.toString(16).padStart(4, '0').toUpperCase();
    }
    flush();
    return ops.join(' ');
  }

  get missingCount(): number {
    let n = 0;
    for (const count of this.missing.values()) n += count;
    return n;
  }

  /** Writes the fonts used as Type0/CIDFontType2 fonts; returns their resource names. */
  embed(pdf: PdfFile): EmbeddedFont[] {
    const embedded: EmbeddedFont[] = [];
    this.used.forEach((u, index) => {
      if (u.unicode.size === 0) return;
      const subset = subsetFont(u.font, u.characters);
      const tag = subsetTag([...u.unicode.keys()], index);
      const baseFont = `${tag}+${u.font.postScriptName}`;
      const scale = 1000 / u.font.unitsPerEm;
      const fontFile = pdf.addStream(subset.data, `/Length1 ${subset.data.length}`);
      const [x0, y0, x1, y1] = u.font.bbox.map((v) => Math.round(v * scale));
      const descriptor = pdf.add(
        `<< /Type /FontDescriptor /FontName /${baseFont} /Flags 4 /FontBBox [${x0} ${y0} ${x1} ${y1}]` +
          ` /ItalicAngle 0 /Ascent ${Math.round(u.font.ascent * scale)} /Descent ${Math.round(u.font.descent * scale)}` +
          ` /CapHeight ${Math.round(u.font.capHeight * scale)} /StemV 80 /FontFile2 ${fontFile} 0 R >>`,
      );
      const cidFont = pdf.add(
        `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${baseFont}` +
          ` /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
          ` /FontDescriptor ${descriptor} 0 R /DW 1000 /W ${widthsArray(u)} /CIDToGIDMap /Identity >>`,
      );
      const toUnicode = pdf.addStream(Buffer.from(toUnicodeCMap(u.unicode), 'latin1'));
      const type0 = pdf.add(
        `<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /Identity-H` +
          ` /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
      );
      embedded.push({
        resource: `F${index + 1}`,
        objectId: type0,
        subsetBytes: subset.data.length,
        glyphs: subset.glyphs.length,
      });
    });
    return embedded;
  }

  /** The glyph of `char` in the first font that has it; null when none has. */
  private resolve(char: string): PlacedGlyph | null {
    const cp = char.codePointAt(0) as number;
    if (this.cache.has(cp)) return this.cache.get(cp) ?? null;
    const found = this.find(cp);
    this.cache.set(cp, found);
    return found;
  }

  private find(cp: number): PlacedGlyph | null {
    for (let i = 0; i < this.used.length; i++) {
      const glyph = this.used[i].font.glyphOf(cp);
      if (glyph !== 0) return this.record(i, cp, glyph);
    }
    // Printable ASCII that no font has (DroidSansFallback without a Latin font): its full-width
    // form (U+FF01…FF5E), still mapped back to the ASCII character for copy and search.
    if (cp >= 0x21 && cp <= 0x7e) {
      for (let i = 0; i < this.used.length; i++) {
        const glyph = this.used[i].font.glyphOf(cp + 0xfee0);
        if (glyph !== 0) return this.record(i, cp, glyph);
      }
    }
    return null;
  }

  private record(fontIndex: number, cp: number, glyph: number): PlacedGlyph {
    const u = this.used[fontIndex];
    u.characters.set(cp, glyph);
    if (!u.unicode.has(glyph)) u.unicode.set(glyph, String.fromCodePoint(cp));
    const width = Math.round((u.font.metric(glyph).advanceWidth * 1000) / u.font.unitsPerEm);
    return { font: fontIndex, glyph, width };
  }

  private fallbackGlyph: PlacedGlyph | null = null;

  private fallback(): PlacedGlyph {
    if (this.fallbackGlyph) return this.fallbackGlyph;
    for (const char of FALLBACK_CHARACTERS) {
      const found = this.find(char.codePointAt(0) as number);
      if (found) return (this.fallbackGlyph = found);
    }
    // .notdef of the first font: drawn as its empty box by every viewer.
    const u = this.used[0];
    u.unicode.set(0, '\ufffd');
    const width = Math.round((u.font.metric(0).advanceWidth * 1000) / u.font.unitsPerEm);
    return (this.fallbackGlyph = { font: 0, glyph: 0, width });
  }
}

/** The /W array: runs of consecutive glyph ids with their widths. */
function widthsArray(u: UsedFont): string {
  const scale = 1000 / u.font.unitsPerEm;
  const glyphs = [...u.unicode.keys()].sort((a, b) => a - b);
  const parts: string[] = [];
  let run: number[] = [];
  let start = -1;
  const flush = () => {
    if (run.length) parts.push(`${start} [${run.join(' ')}]`);
    run = [];
  };
  for (const g of glyphs) {
    if (start + run.length !== g) {
      flush();
      start = g;
    }
    run.push(Math.round(u.font.metric(g).advanceWidth * scale));
  }
  flush();
  return `[${parts.join(' ')}]`;
}

/** The ToUnicode CMap: each glyph id (2 bytes, Identity-H) to its text in UTF-16BE. */
export function toUnicodeCMap(unicode: ReadonlyMap<number, string>): string {
  const entries = [...unicode].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk
        .map(
          ([g, text]) =>
            `<${g.toString(16).padStart(4, '0').toUpperCase()}> <${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`,
        )
        .join('\n')}\nendbfchar\n`,
    );
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    blocks.join('') +
    'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n'
  );
}

/** Six capital letters naming a subset (ISO 32000-1 9.6.4), from the glyphs it holds. */
function subsetTag(glyphs: number[], index: number): string {
  const digest = createHash('sha256')
    .update(`${index}:${glyphs.sort((a, b) => a - b).join(',')}`)
    .digest();
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}
