import { createHash } from 'node:crypto';
import { FontSet } from './font-set';
import { num, PdfFile, pdfDate, pdfText } from './pdf-file';
import type { TrueTypeFont } from './truetype';

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 56;
const MARGIN_BOTTOM = 60;
const FOOTER_Y = 30;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

export interface TableColumn {
  header: string;
  /** Relative width (the columns share the content width in proportion). */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Key-value header lines (`label：value`, values wrapped under themselves). */
  | { kind: 'fields'; fields: Array<[label: string, value: string]> }
  /** A ruled table; the header row is repeated on every page the table runs onto. */
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; empty?: string };

export interface ReportDocument {
  /** Document title (the PDF's /Title, shown by viewers). */
  title: string;
  blocks: ReportBlock[];
}

export interface ReportPdfOptions {
  /** Fonts in order of preference (a CJK font first); a character is drawn by the first that has it. */
  fonts: readonly TrueTypeFont[];
  producer?: string;
  creationDate?: Date;
}

export interface ReportPdf {
  pdf: Buffer;
  pages: number;
  /** Characters no font has (drawn as a visible fallback), with their counts. */
  missing: Map<string, number>;
  missingCount: number;
  /** Bytes of each embedded font subset (uncompressed) and its glyphs kept. */
  fonts: Array<{ resource: string; subsetBytes: number; glyphs: number }>;
}

const STYLE = {
  title: { size: 16, leading: 22, after: 6 },
  subtitle: { size: 10, leading: 15, after: 10 },
  heading: { size: 12, leading: 17, before: 10, after: 6 },
  paragraph: { size: 10, leading: 15, after: 6 },
  fields: { size: 10, leading: 15, after: 8 },
  table: { size: 9, leading: 13, padding: 3.5, after: 10 },
} as const;

/** Characters a line does not start with (closing punctuation), and does not end with. */
const NO_LINE_START = /[，。、；：？！）》」』】〕”’…·,.;:?!)\]}%]/;
const NO_LINE_END = /[（《「『【〔“‘([{]/;
/** Characters of a Latin word or a number, kept together on a line when they fit. */
const WORD = /[A-Za-z0-9.,%'_-]/;

/** Builds an A4 PDF of `doc` with embedded subsets of the fonts. */
export function renderReportPdf(doc: ReportDocument, options: ReportPdfOptions): ReportPdf {
  const fonts = new FontSet(options.fonts);
  const layout = new Layout(fonts);
  for (const block of doc.blocks) layout.block(block);
  const pages = layout.finish();
  // Page numbers, now that the page count is known.
  pages.forEach((ops, i) => {
    const text = `第 ${i + 1} 页 共 ${pages.length} 页`;
    const size = 9;
    const x = (PAGE_WIDTH - fonts.width(text, size)) / 2;
    ops.push(`BT ${num(x)} ${FOOTER_Y} Td ${fonts.show(text, size)} ET`);
  });

  const pdf = new PdfFile();
  const catalog = pdf.allocate();
  const pagesId = pdf.allocate();
  const pageIds = pages.map(() => pdf.allocate());
  const embedded = fonts.embed(pdf);
  const fontResources = embedded.map((f) => `/${f.resource} ${f.objectId} 0 R`).join(' ');
  pages.forEach((ops, i) => {
    const content = pdf.addStream(Buffer.from(ops.join('\n'), 'latin1'));
    pdf.set(
      pageIds[i],
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}]` +
        ` /Resources << /Font << ${fontResources} >> /ProcSet [/PDF /Text] >> /Contents ${content} 0 R >>`,
    );
  });
  pdf.set(
    pagesId,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  );
  pdf.set(
    catalog,
    `<< /Type /Catalog /Pages ${pagesId} 0 R /Lang (zh-CN) /ViewerPreferences << /DisplayDocTitle true >> >>`,
  );
  const created = options.creationDate ?? new Date();
  const info = pdf.add(
    `<< /Title ${pdfText(doc.title)} /Producer ${pdfText(options.producer ?? 'duty report-pdf')}` +
      ` /CreationDate (${pdfDate(created)}) >>`,
  );
  const fileId = createHash('md5')
    .update(`${doc.title}\n${created.toISOString()}\n${pages.length}`)
    .digest('hex')
    .toUpperCase();
  return {
    pdf: pdf.toBuffer(catalog, info, fileId),
    pages: pages.length,
    missing: fonts.missing,
    missingCount: fonts.missingCount,
    fonts: embedded.map(({ resource, subsetBytes, glyphs }) => ({ resource, subsetBytes, glyphs })),
  };
}

/** Places blocks top to bottom on A4 pages; each page is a list of content-stream operators. */
class Layout {
  private readonly pages: string[][] = [];
  private ops: string[] = [];
  private y = 0;

  constructor(private readonly fonts: FontSet) {
    this.newPage();
  }

  finish(): string[][] {
    return this.pages;
  }

  block(block: ReportBlock): void {
    switch (block.kind) {
      case 'title':
      case 'subtitle': {
        const style = STYLE[block.kind];
        for (const line of this.wrap(block.text, CONTENT_WIDTH, style.size)) {
          this.room(style.leading);
          const x = MARGIN_X + (CONTENT_WIDTH - this.fonts.width(line, style.size)) / 2;
          this.text(line, x, this.y - style.size, style.size, block.kind === 'subtitle' ? 0.25 : 0);
          this.y -= style.leading;
        }
        this.y -= style.after;
        return;
      }
      case 'heading': {
        const style = STYLE.heading;
        const lines = this.wrap(block.text, CONTENT_WIDTH, style.size);
        // Keep a heading with at least two lines of what follows it.
        this.room(style.before + lines.length * style.leading + 3 + 2 * STYLE.table.leading + 8);
        if (this.y < this.top) this.y -= style.before;
        for (const line of lines) {
          this.text(line, MARGIN_X, this.y - style.size, style.size);
          this.y -= style.leading;
        }
        this.ops.push(
          `0.6 w 0 G ${num(MARGIN_X)} ${num(this.y)} m ${num(MARGIN_X + CONTENT_WIDTH)} ${num(this.y)} l S`,
        );
        this.y -= style.after;
        return;
      }
      case 'paragraph': {
        const style = STYLE.paragraph;
        for (const line of this.wrap(block.text, CONTENT_WIDTH, style.size)) {
          this.room(style.leading);
          this.text(line, MARGIN_X, this.y - style.size, style.size);
          this.y -= style.leading;
        }
        this.y -= style.after;
        return;
      }
      case 'fields': {
        const style = STYLE.fields;
        const labels = block.fields.map(([label]) => `${label}：`);
        const labelWidth = Math.min(
          CONTENT_WIDTH / 3,
          Math.max(0, ...labels.map((l) => this.fonts.width(l, style.size))),
        );
        block.fields.forEach(([, value], i) => {
          const lines = this.wrap(value, CONTENT_WIDTH - labelWidth, style.size);
          lines.forEach((line, j) => {
            this.room(style.leading);
            if (j === 0) this.text(labels[i], MARGIN_X, this.y - style.size, style.size, 0.3);
            this.text(line, MARGIN_X + labelWidth, this.y - style.size, style.size);
            this.y -= style.leading;
          });
        });
        this.y -= style.after;
        return;
      }
      case 'table':
        this.table(block.columns, block.rows.length ? block.rows : null, block.empty ?? '无');
        return;
    }
  }

  private get top(): number {
    return PAGE_HEIGHT - MARGIN_TOP;
  }

  private newPage(): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the current position. */
  private room(height: number): boolean {
    if (this.y - height >= MARGIN_BOTTOM || this.y >= this.top) return false;
    this.newPage();
    return true;
  }

  private text(line: string, x: number, baseline: number, size: number, gray = 0): void {
    if (!line) return;
    this.ops.push(
      `BT ${num(gray)} g ${num(x)} ${num(baseline)} Td ${this.fonts.show(line, size)} ET${gray ? ' 0 g' : ''}`,
    );
  }

  private table(columns: TableColumn[], rows: string[][] | null, empty: string): void {
    const style = STYLE.table;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
    const inner = widths.map((w) => Math.max(1, w - 2 * style.padding));
    const header = columns.map((c, i) => this.wrap(c.header, inner[i], style.size));
    const headerHeight =
      Math.max(...header.map((l) => l.length)) * style.leading + 2 * style.padding;
    const drawHeader = () => {
      let x = MARGIN_X;
      const bottom = this.y - headerHeight;
      this.ops.push(
        `0.9 g ${num(MARGIN_X)} ${num(bottom)} ${num(CONTENT_WIDTH)} ${num(headerHeight)} re f 0 g`,
      );
      header.forEach((lines, i) => {
        this.cell(lines, x, widths[i], 'center');
        this.ops.push(
          `0.5 w 0.2 G ${num(x)} ${num(bottom)} ${num(widths[i])} ${num(headerHeight)} re S`,
        );
        x += widths[i];
      });
      this.y = bottom;
    };
    const body: string[][][] = rows
      ? rows.map((row) => columns.map((_, i) => this.wrap(row[i] ?? '', inner[i], style.size)))
      : [[this.wrap(empty, CONTENT_WIDTH - 2 * style.padding, style.size)]];
    const rowWidths = rows ? widths : [CONTENT_WIDTH];
    const aligns = rows ? columns.map((c) => c.align ?? 'left') : ['left' as const];
    // The header and the first line of the first row stay together.
    this.room(headerHeight + style.leading + 2 * style.padding);
    drawHeader();
    // Lines of cell text a page holds below the header.
    const pageLines = Math.floor(
      (this.top - MARGIN_BOTTOM - headerHeight - 2 * style.padding) / style.leading,
    );
    let fresh = false; // a page was just started for this table: whatever comes goes on it
    for (const cells of body) {
      let done = 0;
      const height = Math.max(1, ...cells.map((l) => l.length));
      while (done < height) {
        const fits = Math.floor((this.y - MARGIN_BOTTOM - 2 * style.padding) / style.leading);
        const remaining = height - done;
        // A row that fits on a page moves whole to the next one; a taller row fills this page
        // first and goes on over the next ones.
        if (!fresh && fits < remaining && (remaining <= pageLines || fits < 1)) {
          this.newPage();
          drawHeader();
          fresh = true;
          continue;
        }
        const take = Math.max(1, Math.min(remaining, fits));
        fresh = false;
        const rowHeight = take * style.leading + 2 * style.padding;
        let x = MARGIN_X;
        cells.forEach((lines, i) => {
          this.cell(lines.slice(done, done + take), x, rowWidths[i], aligns[i]);
          this.ops.push(
            `0.5 w 0.2 G ${num(x)} ${num(this.y - rowHeight)} ${num(rowWidths[i])} ${num(rowHeight)} re S`,
          );
          x += rowWidths[i];
        });
        this.y -= rowHeight;
        done += take;
      }
    }
    this.y -= style.after;
  }

  /** The lines of one cell, top-aligned at the current position. */
  private cell(
    lines: string[],
    x: number,
    width: number,
    align: 'left' | 'right' | 'center',
  ): void {
    const style = STYLE.table;
    lines.forEach((line, i) => {
      const w = this.fonts.width(line, style.size);
      const left =
        align === 'left'
          ? x + style.padding
          : align === 'right'
            ? x + width - style.padding - w
            : x + (width - w) / 2;
      const baseline = this.y - style.padding - i * style.leading - style.size * 0.95;
      this.text(line, left, baseline, style.size);
    });
  }

  /**
   * `text` broken into lines no wider than `width` by the glyphs' advance widths: anywhere
   * between CJK characters, at a space inside Latin words when the line has one, at a newline.
   */
  wrap(text: string, width: number, size: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let line: string[] = [];
      let lineWidth = 0;
      for (const char of paragraph) {
        const w = this.fonts.width(char, size);
        if (line.length && lineWidth + w > width) {
          let cut = line.length;
          // Inside a Latin word or a number: break before it (after a space or a CJK
          // character), unless it fills the line from its start.
          if (WORD.test(char) && WORD.test(line[line.length - 1])) {
            let start = line.length - 1;
            while (start > 0 && WORD.test(line[start - 1])) start--;
            if (start > 0) cut = start;
          }
          // 禁则: no closing punctuation at a line's start, no opening bracket at its end.
          for (let moved = 0; moved < 2 && cut > 1; moved++) {
            const next = cut < line.length ? line[cut] : char;
            if (!NO_LINE_START.test(next) && !NO_LINE_END.test(line[cut - 1])) break;
            cut--;
          }
          lines.push(line.slice(0, cut).join('').trimEnd());
          line = line.slice(cut);
          while (line.length && line[0] === ' ') line.shift();
          lineWidth = this.fonts.width(line.join(''), size);
        }
        if (!(line.length === 0 && char === ' ' && lines.length)) {
          line.push(char);
          lineWidth += w;
        }
      }
      lines.push(line.join('').trimEnd());
    }
    return lines;
  }
}
