import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { BulletinBlock, BulletinDocument } from '../bulletin-content';

/**
 * The DOCX of a 情况通报, laid out after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line, section headings in
 * 黑体, page numbers 「— 1 —」 at the foot. Pure: the same document blocks the browser previews.
 */

/** Fonts by role, each with the font Word substitutes where it is not installed (w:altName). */
export const BULLETIN_FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体', panose: '02000000000000000000' },
  body: { name: '仿宋_GB2312', alt: '仿宋', panose: '02010609030101010101' },
  heading: { name: '黑体', alt: 'SimHei', panose: '02010609060101010101' },
  latin: { name: 'Times New Roman', alt: '', panose: '02020603050405020304' },
} as const;

export type FontRole = keyof typeof BULLETIN_FONTS;

const MM = 56.6929; // twips per millimetre
const PAGE = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const RED = 'C00000';
const BODY_PT = 16; // 三号
const TABLE_PT = 10.5; // 五号

/** Run fonts of a role: the Chinese face for East Asian text, Times New Roman for the rest. */
export function font(role: FontRole) {
  const east = BULLETIN_FONTS[role].name;
  const latin = BULLETIN_FONTS.latin.name;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: east };
}

/** A text run in a role's font at `pt` points. */
export function run(
  text: string,
  role: FontRole,
  pt: number,
  extra: { bold?: boolean; color?: string } = {},
) {
  return new TextRun({ text, font: font(role), size: pt * 2, ...extra });
}

/** A body line: 仿宋 三号, first line indented two characters, fixed 28 pt line spacing. */
function bodyParagraph(text: string, role: FontRole = 'body', indent = true): Paragraph {
  return new Paragraph({
    children: [run(text, role, BODY_PT)],
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: BODY_PT * 2 * 20 } : undefined,
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
  });
}

function cell(text: string, opts: { header?: boolean; numeric?: boolean; width: number }) {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.header || opts.numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
        children: [run(text, opts.header ? 'heading' : 'body', TABLE_PT)],
      }),
    ],
  });
}

/** Column widths: numeric columns narrow, text columns share the rest by their longest cell. */
function columnWidths(block: Extract<BulletinBlock, { kind: 'TABLE' }>): number[] {
  const narrow = 820;
  const numericCount = block.numeric.filter(Boolean).length;
  const textColumns = block.columns.map((_, i) => i).filter((i) => !block.numeric[i]);
  const rest = TEXT_WIDTH - narrow * numericCount;
  const weight = (i: number) =>
    Math.max(
      4,
      Math.min(
        30,
        ...[block.columns[i], ...block.rows.map((r) => r[i] ?? '')].map((s) => s.length),
      ),
    );
  const total = textColumns.reduce((sum, i) => sum + weight(i), 0) || 1;
  return block.columns.map((_, i) =>
    block.numeric[i] ? narrow : Math.floor((rest * weight(i)) / total),
  );
}

function table(block: Extract<BulletinBlock, { kind: 'TABLE' }>): Table {
  const widths = columnWidths(block);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((c, i) => cell(c, { header: true, width: widths[i] })),
      }),
      ...block.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, { numeric: block.numeric[i], width: widths[i] })),
          }),
      ),
    ],
  });
}

function blockElements(block: BulletinBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'HEADING':
      return [bodyParagraph(block.text, 'heading')];
    case 'PARAGRAPH':
      return [bodyParagraph(block.text)];
    case 'NOTE':
      return [
        new Paragraph({
          children: [run(block.text, 'body', 12)],
          spacing: { before: 60, after: 120, line: 360, lineRule: LineRuleType.AT_LEAST },
        }),
      ];
    case 'TABLE':
      return [table(block), new Paragraph({ children: [], spacing: { after: 120 } })];
  }
}

/** word/fontTable.xml naming every font used, with its substitute, GB2312 charset and panose. */
export function fontTableXml(): string {
  const fonts = Object.values(BULLETIN_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}` +
        `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.name === BULLETIN_FONTS.latin.name ? '00' : '86'}"/>` +
        `<w:family w:val="${f.name === BULLETIN_FONTS.latin.name ? 'roman' : 'modern'}"/><w:pitch w:val="${
          f.name === BULLETIN_FONTS.latin.name ? 'variable' : 'fixed'
        }"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts +
    '</w:fonts>'
  );
}

export interface DocxOptions {
  /** Core properties: who published, when (a published file is frozen with these). */
  creator: string;
  created: Date;
  /** 草稿: a watermark line on drafts downloaded for checking. */
  draft?: boolean;
}

/** The bulletin as DOCX bytes. */
export async function buildBulletinDocx(
  doc: BulletinDocument,
  options: DocxOptions,
): Promise<Buffer> {
  const masthead = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240 },
    children: [run('情况通报', 'title', 36, { color: RED })],
  });
  const numberLine = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [run(doc.number, 'body', BODY_PT)],
  });
  const issuerLine = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
    spacing: { after: 480 },
    children: [run(`${doc.issuingBody}\t${doc.issueDateText}`, 'body', BODY_PT)],
  });
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 480, line: 700, lineRule: LineRuleType.EXACT },
    children: [run(doc.title, 'title', 22)],
  });
  const addressee = bodyParagraph(doc.addressee, 'body', false);
  const signature = [
    new Paragraph({ children: [], spacing: { before: 480 } }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: BODY_PT * 4 * 20 },
      spacing: { line: 560, lineRule: LineRuleType.EXACT },
      children: [run(doc.issuingBody, 'body', BODY_PT)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: BODY_PT * 4 * 20 },
      spacing: { line: 560, lineRule: LineRuleType.EXACT },
      children: [run(doc.issueDateText, 'body', BODY_PT)],
    }),
  ];
  const draftMark = options.draft
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run('（草稿，未发布，仅供核对）', 'heading', 14, { color: RED })],
        }),
      ]
    : [];
  const document = new Document({
    creator: options.creator,
    title: doc.title,
    description: `${doc.issuingBody} ${doc.number}`,
    styles: {
      default: { document: { run: { font: font('body'), size: BODY_PT * 2 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(28 * MM) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font('latin'),
                    size: 28,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...draftMark,
          masthead,
          numberLine,
          issuerLine,
          title,
          addressee,
          ...doc.blocks.flatMap(blockElements),
          ...signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
    // The library stamps the wall clock; the file states when it was published (the injected clock).
    { path: 'docProps/core.xml', data: coreXml(doc, options) },
  ]);
}

const xmlText = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function coreXml(doc: BulletinDocument, options: DocxOptions): string {
  const at = options.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(doc.title)}</dc:title><dc:creator>${xmlText(options.creator)}</dc:creator>` +
    `<dc:description>${xmlText(`${doc.issuingBody} ${doc.number}`)}</dc:description>` +
    `<cp:lastModifiedBy>${xmlText(options.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
