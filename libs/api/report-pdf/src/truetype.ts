/**
 * A TrueType (glyf outline) font reader: the table directory (also of a TrueType collection,
 * font 0), cmap formats 4 and 12, and the tables a PDF embedding needs (head, hhea, maxp,
 * hmtx, loca, glyf, OS/2, name). CFF-outline OpenType fonts (`OTTO`) are refused.
 */

/** A font that cannot be read or used. */
export class FontFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontFormatError';
  }
}

export interface TableRecord {
  tag: string;
  checksum: number;
  /** Absolute offset in the file (a collection's tables are addressed from the file start). */
  offset: number;
  length: number;
}

export interface HorizontalMetric {
  advanceWidth: number;
  leftSideBearing: number;
}

export interface TrueTypeFont {
  /** The file the font was read from (the whole collection for a .ttc). */
  readonly data: Buffer;
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** head.xMin, yMin, xMax, yMax. */
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly postScriptName: string;
  /** head.indexToLocFormat: 0 short offsets, 1 long. */
  readonly indexToLocFormat: number;
  /** The glyph of a Unicode code point; 0 (.notdef) when the font has none. */
  glyphOf(codePoint: number): number;
  metric(glyphId: number): HorizontalMetric;
  /** The glyph's bytes in the glyf table (empty for a glyph without outline). */
  glyph(glyphId: number): Buffer;
  table(tag: string): Buffer | null;
}

const TRUETYPE_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */]);
const OTTO = 0x4f54544f;
const TTCF = 0x74746366;

/** Reads font 0 of `data` (a .ttf, or a .ttc collection). */
export function parseTrueType(data: Buffer): TrueTypeFont {
  if (data.length < 12) throw new FontFormatError('font file too short');
  let start = 0;
  const tag = data.readUInt32BE(0);
  if (tag === TTCF) {
    const count = data.readUInt32BE(8);
    if (count < 1 || data.length < 16) throw new FontFormatError('font collection holds no font');
    start = data.readUInt32BE(12);
    if (start + 12 > data.length) throw new FontFormatError('font collection offset out of range');
  }
  const version = data.readUInt32BE(start);
  if (version === OTTO) {
    throw new FontFormatError(
      'CFF-outline OpenType fonts (OTTO) are not supported: use a TrueType (glyf) font such as DroidSansFallbackFull.ttf',
    );
  }
  if (!TRUETYPE_VERSIONS.has(version)) {
    throw new FontFormatError(`not a TrueType font (sfnt version 0x${version.toString(16)})`);
  }
  const numTables = data.readUInt16BE(start + 4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const at = start + 12 + i * 16;
    if (at + 16 > data.length) throw new FontFormatError('table directory out of range');
    const record: TableRecord = {
      tag: data.toString('latin1', at, at + 4),
      checksum: data.readUInt32BE(at + 4),
      offset: data.readUInt32BE(at + 8),
      length: data.readUInt32BE(at + 12),
    };
    if (record.offset + record.length > data.length) {
      throw new FontFormatError(`table ${record.tag} out of range`);
    }
    tables.set(record.tag, record);
  }
  for (const required of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap']) {
    if (!tables.has(required)) {
      throw new FontFormatError(
        required === 'glyf' && tables.has('CFF ')
          ? 'CFF-outline fonts are not supported: use a TrueType (glyf) font'
          : `font has no ${required} table`,
      );
    }
  }
  const tableData = (t: string): Buffer | null => {
    const r = tables.get(t);
    return r ? data.subarray(r.offset, r.offset + r.length) : null;
  };
  const head = tableData('head') as Buffer;
  const hhea = tableData('hhea') as Buffer;
  const maxp = tableData('maxp') as Buffer;
  const hmtx = tableData('hmtx') as Buffer;
  const loca = tableData('loca') as Buffer;
  const glyf = tableData('glyf') as Buffer;
  if (head.length < 54 || hhea.length < 36 || maxp.length < 6) {
    throw new FontFormatError('head, hhea or maxp table too short');
  }
  const unitsPerEm = head.readUInt16BE(18);
  if (unitsPerEm < 16) throw new FontFormatError(`unitsPerEm ${unitsPerEm} is invalid`);
  const bbox = [
    head.readInt16BE(36),
    head.readInt16BE(38),
    head.readInt16BE(40),
    head.readInt16BE(42),
  ] as const;
  const indexToLocFormat = head.readInt16BE(50);
  const numGlyphs = maxp.readUInt16BE(4);
  const numberOfHMetrics = hhea.readUInt16BE(34);
  if (numberOfHMetrics < 1 || hmtx.length < numberOfHMetrics * 4) {
    throw new FontFormatError('hmtx table too short');
  }
  const locaEntry = indexToLocFormat === 0 ? 2 : 4;
  if (loca.length < (numGlyphs + 1) * locaEntry) throw new FontFormatError('loca table too short');
  const offsetOf = (g: number) =>
    indexToLocFormat === 0 ? loca.readUInt16BE(g * 2) * 2 : loca.readUInt32BE(g * 4);

  let ascent = hhea.readInt16BE(4);
  let descent = hhea.readInt16BE(6);
  let capHeight = ascent;
  const os2 = tableData('OS/2');
  if (os2 && os2.length >= 78) {
    ascent = os2.readInt16BE(68) || ascent;
    descent = os2.readInt16BE(70) || descent;
    if (os2.readUInt16BE(0) >= 2 && os2.length >= 90) capHeight = os2.readInt16BE(88) || ascent;
  }
  const lookup = cmapLookup(tableData('cmap') as Buffer);

  return {
    data,
    tables,
    unitsPerEm,
    numGlyphs,
    bbox,
    ascent,
    descent,
    capHeight,
    postScriptName: postScriptName(tableData('name')),
    indexToLocFormat,
    glyphOf(codePoint) {
      const g = lookup(codePoint);
      return g < numGlyphs ? g : 0;
    },
    metric(glyphId) {
      if (glyphId < numberOfHMetrics) {
        return {
          advanceWidth: hmtx.readUInt16BE(glyphId * 4),
          leftSideBearing: hmtx.readInt16BE(glyphId * 4 + 2),
        };
      }
      const lsbAt = numberOfHMetrics * 4 + (glyphId - numberOfHMetrics) * 2;
      return {
        advanceWidth: hmtx.readUInt16BE((numberOfHMetrics - 1) * 4),
        leftSideBearing: lsbAt + 2 <= hmtx.length ? hmtx.readInt16BE(lsbAt) : 0,
      };
    },
    glyph(glyphId) {
      if (glyphId < 0 || glyphId >= numGlyphs) return Buffer.alloc(0);
      const from = offsetOf(glyphId);
      const to = offsetOf(glyphId + 1);
      if (to <= from || to > glyf.length) return Buffer.alloc(0);
      return glyf.subarray(from, to);
    },
    table: tableData,
  };
}

/**
 * The code point → glyph function of the best Unicode cmap subtable: format 12 (full Unicode)
 * before format 4 (BMP), Windows Unicode before Unicode platform.
 */
function cmapLookup(cmap: Buffer): (codePoint: number) => number {
  if (cmap.length < 4) throw new FontFormatError('cmap table too short');
  const count = cmap.readUInt16BE(2);
  const candidates: Array<{ rank: number; offset: number }> = [];
  for (let i = 0; i < count; i++) {
    const at = 4 + i * 8;
    if (at + 8 > cmap.length) break;
    const platform = cmap.readUInt16BE(at);
    const encoding = cmap.readUInt16BE(at + 2);
    const offset = cmap.readUInt32BE(at + 4);
    if (offset + 2 > cmap.length) continue;
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    candidates.push({ rank: (format === 12 ? 0 : 10) + (platform === 3 ? 0 : 1), offset });
  }
  candidates.sort((a, b) => a.rank - b.rank);
  if (candidates.length === 0) {
    throw new FontFormatError('font has no Unicode cmap subtable of format 4 or 12');
  }
  return parseCmapSubtable(cmap.subarray(candidates[0].offset));
}

/** One cmap subtable (format 4 or 12), starting at its format field. */
export function parseCmapSubtable(sub: Buffer): (codePoint: number) => number {
  const format = sub.readUInt16BE(0);
  if (format === 4) {
    const segCountX2 = sub.readUInt16BE(6);
    const segCount = segCountX2 / 2;
    const endAt = 14;
    const startAt = endAt + segCountX2 + 2;
    const deltaAt = startAt + segCountX2;
    const rangeAt = deltaAt + segCountX2;
    if (rangeAt + segCountX2 > sub.length) throw new FontFormatError('cmap format 4 truncated');
    return (cp) => {
      if (cp > 0xffff || cp < 0) return 0;
      // Binary search for the first segment whose end code is >= cp.
      let lo = 0;
      let hi = segCount - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sub.readUInt16BE(endAt + mid * 2) < cp) lo = mid + 1;
        else hi = mid;
      }
      const end = sub.readUInt16BE(endAt + lo * 2);
      const start = sub.readUInt16BE(startAt + lo * 2);
      if (cp > end || cp < start) return 0;
      const delta = sub.readUInt16BE(deltaAt + lo * 2);
      const rangeOffset = sub.readUInt16BE(rangeAt + lo * 2);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const at = rangeAt + lo * 2 + rangeOffset + (cp - start) * 2;
      if (at + 2 > sub.length) return 0;
      const g = sub.readUInt16BE(at);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    };
  }
  if (format === 12) {
    const groups = sub.readUInt32BE(12);
    if (16 + groups * 12 > sub.length) throw new FontFormatError('cmap format 12 truncated');
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = 16 + mid * 12;
        const start = sub.readUInt32BE(at);
        const end = sub.readUInt32BE(at + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return sub.readUInt32BE(at + 8) + (cp - start);
      }
      return 0;
    };
  }
  throw new FontFormatError(`cmap format ${format} is not supported`);
}

/** nameID 6 (PostScript name), Windows UTF-16 or Macintosh Roman; sanitised for a PDF name. */
function postScriptName(name: Buffer | null): string {
  const fallback = 'CJKFont';
  if (!name || name.length < 6) return fallback;
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  let found = '';
  for (let i = 0; i < count && !found; i++) {
    const at = 6 + i * 12;
    if (at + 12 > name.length) break;
    const platform = name.readUInt16BE(at);
    const nameId = name.readUInt16BE(at + 6);
    const length = name.readUInt16BE(at + 8);
    const offset = storage + name.readUInt16BE(at + 10);
    if (nameId !== 6 || offset + length > name.length) continue;
    const bytes = name.subarray(offset, offset + length);
    if ((platform === 3 || platform === 0) && length % 2 === 0) {
      const swapped = Buffer.from(bytes);
      found = swapped.swap16().toString('utf16le');
    } else if (platform === 1) found = bytes.toString('latin1');
  }
  const clean = found.replace(/[^A-Za-z0-9_-]/g, '');
  return clean || fallback;
}

/** The composite glyph's component glyph ids (none for a simple glyph). */
export function componentGlyphs(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const components: number[] = [];
  let at = 10;
  for (;;) {
    if (at + 4 > glyph.length) break;
    const flags = glyph.readUInt16BE(at);
    components.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) break;
  }
  return components;
}
