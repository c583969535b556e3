import { readFileSync } from 'node:fs';
import { inspectPdf } from './testing';
import {
  checksum,
  componentGlyphs,
  findFontFiles,
  FontFormatError,
  FontUnavailableError,
  loadReportFonts,
  parseCmapSubtable,
  parseTrueType,
  renderReportPdf,
  subsetFont,
  type ReportBlock,
  type TrueTypeFont,
} from './index';

const files = findFontFiles();
const describeWithFont = files.cjk ? describe : describe.skip;
if (!files.cjk) {
  // eslint-disable-next-line no-console
  console.warn(
    'report-pdf: no CJK TrueType font (REPORT_FONT_FILE, fonts-droid-fallback, fonts-wqy-zenhei or fonts-arphic-uming): font tests skipped',
  );
}

const SAMPLE = '质量工作考核报告第页共得分等次排名（）：';

describe('cmap subtables', () => {
  it('reads format 4 segments with deltas and glyph index arrays', () => {
    // Two segments: 0x41..0x43 by delta (+1 → glyphs 66..68), 0x4E00..0x4E01 by index array;
    // plus the closing 0xFFFF segment.
    const segments = 3;
    const sub = Buffer.alloc(14 + segments * 8 + 2 + 4);
    sub.writeUInt16BE(4, 0);
    sub.writeUInt16BE(sub.length, 2);
    sub.writeUInt16BE(segments * 2, 6);
    const ends = [0x43, 0x4e01, 0xffff];
    const starts = [0x41, 0x4e00, 0xffff];
    const deltas = [1, 0, 1];
    ends.forEach((v, i) => sub.writeUInt16BE(v, 14 + i * 2));
    starts.forEach((v, i) => sub.writeUInt16BE(v, 16 + segments * 2 + i * 2));
    deltas.forEach((v, i) => sub.writeUInt16BE(v, 16 + segments * 4 + i * 2));
    const rangeAt = 16 + segments * 6;
    // Segment 1 reads from the glyph array right after the rangeOffset table: 2 entries back.
    sub.writeUInt16BE((segments - 1) * 2, rangeAt + 2);
    sub.writeUInt16BE(500, rangeAt + segments * 2);
    sub.writeUInt16BE(501, rangeAt + segments * 2 + 2);
    const lookup = parseCmapSubtable(sub);
    expect([0x40, 0x41, 0x43, 0x44].map(lookup)).toEqual([0, 0x42, 0x44, 0]);
    expect([0x4e00, 0x4e01, 0x4e02, 0x1f600].map(lookup)).toEqual([500, 501, 0, 0]);
  });

  it('reads format 12 groups beyond the BMP', () => {
    const sub = Buffer.alloc(16 + 2 * 12);
    sub.writeUInt16BE(12, 0);
    sub.writeUInt32BE(sub.length, 4);
    sub.writeUInt32BE(2, 12);
    [
      [0x4e00, 0x4e05, 10],
      [0x20000, 0x20001, 40],
    ].forEach(([s, e, g], i) => {
      sub.writeUInt32BE(s, 16 + i * 12);
      sub.writeUInt32BE(e, 20 + i * 12);
      sub.writeUInt32BE(g, 24 + i * 12);
    });
    const lookup = parseCmapSubtable(sub);
    expect([0x4e00, 0x4e05, 0x4e06, 0x20001, 0x20002, 0x41].map(lookup)).toEqual([
      10, 15, 0, 41, 0, 0,
    ]);
  });
});

describe('font files', () => {
  it('refuses CFF-outline OpenType fonts with a clear error', () => {
    const otto = Buffer.alloc(64);
    otto.write('OTTO', 0, 'latin1');
    expect(() => parseTrueType(otto)).toThrow(FontFormatError);
    expect(() => parseTrueType(otto)).toThrow(/CFF-outline/);
  });

  it('refuses what is not a font', () => {
    expect(() => parseTrueType(Buffer.from('%PDF-1.7 not a font at all'))).toThrow(
      /not a TrueType font/,
    );
  });

  it('says what to install when there is no usable CJK font', () => {
    expect(() => loadReportFonts({ cjk: null, latin: null })).toThrow(FontUnavailableError);
    expect(() => loadReportFonts({ cjk: null, latin: null })).toThrow(/fonts-droid-fallback/);
    expect(() => loadReportFonts({ cjk: __filename, latin: null })).toThrow(
      new RegExp(`font ${__filename} cannot be used: not a TrueType font`),
    );
  });

  it('uses REPORT_FONT_FILE before the usual locations', () => {
    expect(findFontFiles({ REPORT_FONT_FILE: '/x/y.ttf' }).cjk).toBe('/x/y.ttf');
  });
});

describeWithFont('with the report font', () => {
  let fonts: TrueTypeFont[];
  let cjk: TrueTypeFont;
  beforeAll(() => {
    fonts = loadReportFonts(files);
    cjk = fonts[0];
  });

  it('parses the font: metrics, cmap and glyphs', () => {
    expect(cjk.numGlyphs).toBeGreaterThan(5000);
    expect(cjk.unitsPerEm).toBeGreaterThanOrEqual(256);
    for (const char of SAMPLE) {
      const g = cjk.glyphOf(char.codePointAt(0) as number);
      expect(g).toBeGreaterThan(0);
      expect(cjk.metric(g).advanceWidth).toBeGreaterThan(0);
      expect(cjk.glyph(g).length).toBeGreaterThan(10);
    }
  });

  it('reads the first font of a TrueType collection', () => {
    // A one-font collection around the same file: table offsets are absolute in both.
    const data = readFileSync(files.cjk as string);
    const start = data.readUInt32BE(0) === 0x74746366 ? data.readUInt32BE(12) : 0;
    const header = Buffer.alloc(16);
    header.write('ttcf', 0, 'latin1');
    header.writeUInt32BE(0x00010000, 4);
    header.writeUInt32BE(1, 8);
    header.writeUInt32BE(16 + 0, 12);
    const numTables = data.readUInt16BE(start + 4);
    const directory = Buffer.from(data.subarray(start, start + 12 + numTables * 16));
    // Shift every table offset by the bytes prepended before the copied file.
    const shift = 16 + directory.length;
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16 + 8;
      directory.writeUInt32BE(directory.readUInt32BE(at) + shift, at);
    }
    const ttc = parseTrueType(Buffer.concat([header, directory, data]));
    const char = '考'.codePointAt(0) as number;
    expect(ttc.numGlyphs).toBe(cjk.numGlyphs);
    expect(ttc.glyphOf(char)).toBe(cjk.glyphOf(char));
    expect(ttc.glyph(ttc.glyphOf(char)).equals(cjk.glyph(cjk.glyphOf(char)))).toBe(true);
  });

  it('subsets: the subset parses, maps the used characters to the same glyphs and outlines', () => {
    const characters = new Map(
      [...SAMPLE].map((c) => [c.codePointAt(0) as number, cjk.glyphOf(c.codePointAt(0) as number)]),
    );
    const subset = subsetFont(cjk, characters);
    expect(subset.data.length).toBeLessThan(cjk.data.length / 4);
    const parsed = parseTrueType(subset.data);
    expect(parsed.unitsPerEm).toBe(cjk.unitsPerEm);
    expect(parsed.indexToLocFormat).toBe(1);
    for (const [cp, g] of characters) {
      expect(parsed.glyphOf(cp)).toBe(g);
      expect(parsed.glyph(g).equals(cjk.glyph(g))).toBe(true);
      expect(parsed.metric(g)).toEqual(cjk.metric(g));
    }
    // Every other glyph is empty, except composite components the kept glyphs need.
    const unused = [...Array(parsed.numGlyphs).keys()].filter((g) => !subset.glyphs.includes(g));
    expect(unused.every((g) => parsed.glyph(g).length === 0)).toBe(true);
    for (const g of subset.glyphs) {
      for (const c of componentGlyphs(cjk.glyph(g))) expect(subset.glyphs).toContain(c);
    }
    // The whole font sums to 0xB1B0AFBA; each table's checksum is right.
    expect(checksum(subset.data)).toBe(0xb1b0afba);
    for (const t of parsed.tables.values()) {
      if (t.tag === 'head') continue;
      const padded = Buffer.alloc(Math.ceil(t.length / 4) * 4);
      subset.data.copy(padded, 0, t.offset, t.offset + t.length);
      expect(checksum(padded)).toBe(t.checksum);
    }
    expect([...parsed.tables.keys()].sort()).not.toContain('GSUB');
  });

  it('keeps the components of composite glyphs', () => {
    // Find a composite glyph in either font (Latin fonts build accented letters from parts).
    let checked = 0;
    for (const font of fonts) {
      const composite = [...Array(Math.min(font.numGlyphs, 4000)).keys()].find(
        (g) => componentGlyphs(font.glyph(g)).length > 0,
      );
      if (composite === undefined) continue;
      const subset = subsetFont(font, new Map([[0xe000, composite]]));
      const parsed = parseTrueType(subset.data);
      for (const c of componentGlyphs(font.glyph(composite))) {
        expect(parsed.glyph(c).length).toBeGreaterThan(0);
        expect(parsed.glyph(c).equals(font.glyph(c))).toBe(true);
        checked++;
      }
    }
    // DejaVu and Liberation have composites; a lone CJK font may not.
    if (fonts.length > 1) expect(checked).toBeGreaterThan(0);
  });

  const report = (rows: number): ReportBlock[] => [
    { kind: 'title', text: '示范县2026年度质量工作考核报告' },
    { kind: 'subtitle', text: '2026年度质量工作考核｜实时得分' },
    {
      kind: 'fields',
      fields: [
        ['单位', '示范县（330101）'],
        ['得分', '87.50'],
        ['等次', '良好'],
      ],
    },
    { kind: 'heading', text: '一、指标得分明细' },
    {
      kind: 'table',
      columns: [
        { header: '指标', width: 4 },
        { header: '分值', width: 1, align: 'right' },
        { header: '得分', width: 1, align: 'right' },
        { header: '计分依据', width: 4 },
      ],
      rows: Array.from({ length: rows }, (_, i) => [
        `第${i + 1}项指标：质量发展规划和质量强县建设的组织实施情况`,
        '10',
        (i % 10).toFixed(2),
        i % 7 === 0
          ? '已核验、推进中/已退回、逾期、未开始、已提交，以及很长的说明文字'.repeat(3)
          : '已核验',
      ]),
    },
  ];

  it('writes a structurally valid PDF whose text comes back through ToUnicode', () => {
    const result = renderReportPdf(
      { title: '示范县2026年度质量工作考核报告', blocks: report(5) },
      { fonts, producer: 'test', creationDate: new Date('2026-12-07T03:00:00Z') },
    );
    const inspected = inspectPdf(result.pdf);
    expect(inspected.problems).toEqual([]);
    expect(result.pages).toBe(1);
    expect(result.missingCount).toBe(0);
    const text = inspected.pages[0];
    expect(text).toContain('示范县2026年度质量工作考核报告');
    expect(text).toContain('示范县（330101）');
    expect(text).toContain('87.50');
    expect(text).toContain('第 1 页 共 1 页');
    expect(inspected.info).toContain('/CreationDate (D:20261207030000Z)');
    expect(inspected.info).toContain('/Producer (test)');
    // Identity-H Type0 fonts with widths and an embedded TrueType subset.
    const heads = [...inspected.objects.values()].map((o) => o.head).join('\n');
    expect(heads).toMatch(/\/Subtype \/Type0 \/BaseFont \/[A-Z]{6}\+\S+ \/Encoding \/Identity-H/);
    expect(heads).toMatch(/\/CIDToGIDMap \/Identity/);
    expect(heads).toMatch(/\/W \[\d+ \[/);
    const fontFile = [...inspected.objects.values()].find((o) => /\/Length1 /.test(o.head));
    expect(fontFile?.stream && parseTrueType(fontFile.stream).numGlyphs).toBeGreaterThan(0);
  });

  it('breaks a long table over pages and repeats its header', () => {
    const result = renderReportPdf(
      { title: '长表', blocks: report(120) },
      { fonts, creationDate: new Date() },
    );
    const inspected = inspectPdf(result.pdf);
    expect(inspected.problems).toEqual([]);
    expect(result.pages).toBeGreaterThan(3);
    expect(inspected.pages).toHaveLength(result.pages);
    inspected.pages.forEach((text, i) => {
      expect(text).toContain(`第 ${i + 1} 页 共 ${result.pages} 页`);
      if (i > 0) expect(text.split('\n').slice(0, 4).join('|')).toBe('指标|分值|得分|计分依据');
    });
    const all = inspected.pages.join('\n');
    for (const i of [1, 60, 120]) expect(all).toContain(`第${i}项指标`);
  });

  it('splits a row taller than a page and loses none of its text', () => {
    const long = Array.from({ length: 1500 }, (_, i) => `第${i}句`).join('，');
    const result = renderReportPdf(
      {
        title: '长单元格',
        blocks: [{ kind: 'table', columns: [{ header: '内容', width: 1 }], rows: [[long]] }],
      },
      { fonts },
    );
    const inspected = inspectPdf(result.pdf);
    expect(result.pages).toBeGreaterThan(1);
    const text = inspected.pages
      .map((p) =>
        p
          .split('\n')
          .filter((l) => l !== '内容' && !/^第 \d+ 页/.test(l))
          .join(''),
      )
      .join('');
    expect(text).toBe(long);
    // Numbers are not split over lines.
    const lines = inspected.pages.flatMap((p) => p.split('\n'));
    const splitNumbers = lines.filter((l, i) => /\d$/.test(l) && /^\d/.test(lines[i + 1] ?? ''));
    expect(splitNumbers).toEqual([]);
    expect(lines.filter((l) => /^\d/.test(l)).length).toBeGreaterThan(0);
  });

  it('replaces characters no font has by a visible fallback and counts them', () => {
    const pua = String.fromCodePoint(0xf0000);
    const result = renderReportPdf(
      { title: 't', blocks: [{ kind: 'paragraph', text: `考核${pua}${pua}结果` }] },
      { fonts },
    );
    expect(result.missingCount).toBe(2);
    expect([...result.missing.keys()]).toEqual([pua]);
    const text = inspectPdf(result.pdf).pages[0];
    expect(text).toMatch(/^考核(□□|\?\?|\ufffd\ufffd)结果$/m);
  });

  it('starts no line with closing punctuation (禁则) and loses no character', () => {
    // Units of 7, 10 and 13 characters, so that line ends fall at every offset of them.
    const text = ['质量考核，（', '质量考核，（评分）。', '质量工作考核，（评分）。好']
      .map((u) => u.repeat(40))
      .join('');
    const result = renderReportPdf(
      { title: 't', blocks: [{ kind: 'paragraph', text }] },
      { fonts },
    );
    const lines = inspectPdf(result.pdf)
      .pages.join('\n')
      .split('\n')
      .filter((l) => !/^第 \d+ 页/.test(l));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('')).toBe(text);
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。）]/);
      expect(line).not.toMatch(/（$/);
    }
  });

  it('draws ASCII in full-width forms when only the CJK font is there, and keeps the text', () => {
    const result = renderReportPdf(
      { title: 't', blocks: [{ kind: 'paragraph', text: '得分 87.50（A-1）' }] },
      { fonts: [cjk] },
    );
    expect(result.missingCount).toBe(0);
    expect(inspectPdf(result.pdf).pages[0]).toMatch(/^得分 87\.50（A-1）$/m);
  });

  it('wraps by glyph widths, Latin words at spaces', () => {
    const words = 'quality assessment report for the province of Zhejiang '.repeat(8).trim();
    const result = renderReportPdf(
      { title: 't', blocks: [{ kind: 'paragraph', text: words }] },
      { fonts },
    );
    const lines = inspectPdf(result.pdf).pages[0].split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(words);
    for (const line of lines) expect(words.split(' ')).toContain(line.split(' ')[0]);
  });
});
