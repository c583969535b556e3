import { componentGlyphs, FontFormatError, type TrueTypeFont } from './truetype';

/**
 * Tables a PDF FontFile2 needs (ISO 32000-1 9.9): the outlines and metrics, and the hinting
 * programs when the font has them. cmap, name, post and the layout tables are left out: a
 * CIDFontType2 with CIDToGIDMap /Identity addresses glyphs by id.
 */
const KEPT_TABLES = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'];

export interface FontSubset {
  /** The subset font file (TrueType, glyph ids of the original font). */
  data: Buffer;
  /** Glyph ids kept with their outline: the ones asked for, .notdef and composite components. */
  glyphs: number[];
}

/**
 * A subset of `font` that keeps glyph ids (so a PDF can use CIDToGIDMap /Identity): the glyphs
 * in `used` (and .notdef, and the components of composite glyphs) keep their outline and
 * metrics; every other glyph below the highest one kept is left empty. loca is rewritten in
 * the long format; table checksums and head.checkSumAdjustment are recomputed.
 */
export function subsetFont(
  font: TrueTypeFont,
  characters: ReadonlyMap<number, number>,
): FontSubset {
  const keep = new Set<number>([0]);
  const queue = [...characters.values()];
  while (queue.length) {
    const g = queue.pop() as number;
    if (g < 0 || g >= font.numGlyphs) {
      throw new FontFormatError(`glyph ${g} is not in the font (${font.numGlyphs} glyphs)`);
    }
    if (keep.has(g) && g !== 0) continue;
    keep.add(g);
    for (const c of componentGlyphs(font.glyph(g))) if (!keep.has(c)) queue.push(c);
  }
  const glyphs = [...keep].sort((a, b) => a - b);
  const numGlyphs = glyphs[glyphs.length - 1] + 1;

  const outlines: Buffer[] = [];
  const loca = Buffer.alloc((numGlyphs + 1) * 4);
  const hmtx = Buffer.alloc(numGlyphs * 4);
  let offset = 0;
  for (let g = 0; g < numGlyphs; g++) {
    loca.writeUInt32BE(offset, g * 4);
    if (!keep.has(g)) continue;
    const glyph = font.glyph(g);
    const metric = font.metric(g);
    hmtx.writeUInt16BE(metric.advanceWidth, g * 4);
    hmtx.writeInt16BE(metric.leftSideBearing, g * 4 + 2);
    if (glyph.length === 0) continue;
    // The glyph's bytes as the font has them (with its own padding); long loca needs no more.
    outlines.push(glyph);
    offset += glyph.length;
  }
  loca.writeUInt32BE(offset, numGlyphs * 4);

  const head = Buffer.from(font.table('head') as Buffer);
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(1, 50); // indexToLocFormat: long
  const hhea = Buffer.from(font.table('hhea') as Buffer);
  hhea.writeUInt16BE(numGlyphs, 34); // numberOfHMetrics: every glyph has its own
  const maxp = Buffer.from(font.table('maxp') as Buffer);
  maxp.writeUInt16BE(numGlyphs, 4);

  const tables = new Map<string, Buffer>([
    ['glyf', Buffer.concat(outlines)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['cmap', cmapFormat12(characters)],
  ]);
  for (const tag of KEPT_TABLES) {
    const data = tables.has(tag) ? null : font.table(tag);
    if (data) tables.set(tag, data);
  }
  const data = writeSfnt(tables);
  // head.checkSumAdjustment = 0xB1B0AFBA − checksum of the whole font.
  const headAt = tableOffset(data, 'head');
  data.writeUInt32BE((0xb1b0afba - checksum(data)) >>> 0, headAt + 8);
  return { data, glyphs };
}

/** A cmap table with one subtable (Windows, UCS-4; format 12) of `characters`. */
function cmapFormat12(characters: ReadonlyMap<number, number>): Buffer {
  const groups: Array<[start: number, end: number, glyph: number]> = [];
  for (const [cp, g] of [...characters].sort((a, b) => a[0] - b[0])) {
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && g === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, g]);
  }
  const table = Buffer.alloc(12 + 16 + groups.length * 12);
  table.writeUInt16BE(0, 0); // version
  table.writeUInt16BE(1, 2); // one subtable
  table.writeUInt16BE(3, 4); // platform Windows
  table.writeUInt16BE(10, 6); // encoding UCS-4
  table.writeUInt32BE(12, 8);
  const sub = 12;
  table.writeUInt16BE(12, sub);
  table.writeUInt32BE(16 + groups.length * 12, sub + 4);
  table.writeUInt32BE(groups.length, sub + 12);
  groups.forEach(([start, end, g], i) => {
    const at = sub + 16 + i * 12;
    table.writeUInt32BE(start, at);
    table.writeUInt32BE(end, at + 4);
    table.writeUInt32BE(g, at + 8);
  });
  return table;
}

/** An sfnt file of `tables` (directory sorted by tag, each table 4-byte aligned). */
function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const numTables = tags.length;
  let power = 1;
  let log2 = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log2++;
  }
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(numTables * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const table = tables.get(tag) as Buffer;
    const padded = Buffer.alloc(Math.ceil(table.length / 4) * 4);
    table.copy(padded);
    const at = 12 + i * 16;
    header.write(tag, at, 4, 'latin1');
    header.writeUInt32BE(checksum(padded), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.length, at + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

function tableOffset(sfnt: Buffer, tag: string): number {
  const count = sfnt.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString('latin1', at, at + 4) === tag) return sfnt.readUInt32BE(at + 8);
  }
  throw new FontFormatError(`no ${tag} table`);
}

/** The sfnt checksum: the sum of big-endian uint32 words (zero-padded), modulo 2³². */
export function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length - (data.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}
