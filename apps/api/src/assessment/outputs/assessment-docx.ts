import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
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
import { font, fontTableXml, run, type FontRole } from '../../bulletin/docx/bulletin-docx';
import type { ResultTable, UnitForm } from './assessment-forms';

/**
 * The 考核评分表 (A4 landscape: the table is wide) and the 考核结果表 (A4 portrait) as DOCX, in
 * the fonts of the bulletin (GB/T 9704): title in 方正小标宋简体, table text in 仿宋_GB2312 五号,
 * headers in 黑体; the table header repeats on every page and rows do not split across pages.
 */

const MM = 56.6929; // twips per millimetre
const A4 = { short: Math.round(210 * MM), long: Math.round(297 * MM) };
const MARGIN = Math.round(20 * MM);
const TABLE_PT = 10.5; // 五号
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

interface CellOptions {
  width: number;
  header?: boolean;
  center?: boolean;
  bold?: boolean;
  rowSpan?: number;
  columnSpan?: number;
}

function cell(text: string, opts: CellOptions): TableCell {
  const role: FontRole = opts.header || opts.bold ? 'heading' : 'body';
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    rowSpan: opts.rowSpan,
    columnSpan: opts.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    // Line breaks in the text become paragraphs (a list of deductions in one cell).
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: opts.header || opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
          children: [run(line, role, TABLE_PT)],
        }),
    ),
  });
}

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240, line: 560, lineRule: LineRuleType.AT_LEAST },
    children: [run(text, 'title', 18)], // 小二
  });
}

function line(text: string, width: number, right?: string): Paragraph {
  return new Paragraph({
    tabStops: right ? [{ type: TabStopType.RIGHT, position: width }] : [],
    spacing: { after: 120 },
    children: [run(right ? `${text}\t${right}` : text, 'body', 12)],
  });
}

function small(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 60, line: 320, lineRule: LineRuleType.AT_LEAST },
    children: [run(text, 'body', TABLE_PT)],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
            font: font('body'),
            size: 21,
          }),
        ],
      }),
    ],
  });
}

async function pack(
  content: Array<Paragraph | Table>,
  meta: { title: string; creator: string; landscape: boolean },
): Promise<Buffer> {
  const document = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: font('body'), size: TABLE_PT * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape pages.
            size: {
              width: A4.short,
              height: A4.long,
              orientation: meta.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: { default: pageFooter() },
        children: content,
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** The unit's 考核评分表 as DOCX bytes. */
export function unitFormDocx(form: UnitForm, creator: string): Promise<Buffer> {
  const width = A4.long - 2 * MARGIN;
  // 序号, 考核内容, 考核指标, 分值, 评分标准, 得分, 情况说明
  const fixed = [640, 1900, 3000, 900, 3300, 900];
  const widths = [...fixed, width - fixed.reduce((a, b) => a + b, 0)];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['序号', '考核内容', '考核指标', '分值', '评分标准', '得分', '情况说明'].map((h, i) =>
      cell(h, { header: true, width: widths[i] }),
    ),
  });
  // 考核内容 merged over the rows of its chapter.
  const spans = new Map<number, number>();
  let start = -1;
  form.rows.forEach((row, i) => {
    if (row.chapter || start < 0) start = i;
    spans.set(start, (spans.get(start) ?? 0) + 1);
  });
  const body = form.rows.map(
    (row, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(row.no), { width: widths[0], center: true }),
          ...(spans.has(i) ? [cell(row.chapter, { width: widths[1], rowSpan: spans.get(i) })] : []),
          cell(row.indicator, { width: widths[2] }),
          cell(row.marks, { width: widths[3], center: true }),
          cell(row.criteria, { width: widths[4] }),
          cell(row.earned, { width: widths[5], center: true }),
          cell(row.note, { width: widths[6] }),
        ],
      }),
  );
  const labelWidth = widths[0] + widths[1] + widths[2];
  const detailWidth = widths[3] + widths[4];
  const summary = (label: string, detail: string, value: string, note = '') =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, { width: labelWidth, columnSpan: 3, bold: true, center: true }),
        cell(detail, { width: detailWidth, columnSpan: 2 }),
        cell(value, { width: widths[5], center: true, bold: true }),
        cell(note, { width: widths[6] }),
      ],
    });
  const deducted = form.deductions.reduce((sum, d) => sum + Number(d.points), 0);
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      header,
      ...body,
      summary(
        '扣分',
        form.deductions.map((d) => `${d.reason}（${d.points} 分）`).join('\n') || '无',
        deducted ? `−${deducted.toFixed(2)}` : '0.00',
      ),
      summary(
        '加分',
        `申报 ${form.bonus.requested} 分，计入 ${form.bonus.applied} 分`,
        `+${form.bonus.applied}`,
      ),
      summary('合计得分', '', form.total, form.state),
      summary('考核等次', form.grade, '', form.rank),
    ],
  });
  return pack(
    [
      title(form.title),
      line(`被考核单位：${form.unitName}（${form.unitCode}）`, width, `考核年度：${form.year}年`),
      table,
      small(`计分说明：${form.rulesNote}`),
      new Paragraph({ spacing: { before: 360 }, children: [] }),
      line(
        '填表人：＿＿＿＿＿＿    审核人：＿＿＿＿＿＿    单位负责人：＿＿＿＿＿＿',
        width,
        '（单位盖章）    年    月    日',
      ),
    ],
    { title: form.title, creator, landscape: true },
  );
}

/** The province's 考核结果表 of one level as DOCX bytes. */
export function resultTableDocx(result: ResultTable, creator: string): Promise<Buffer> {
  const width = A4.short - 2 * MARGIN;
  // 名次, 单位, 得分, 等次, 备注
  const fixed = [800, 2600, 1100, 1100];
  const widths = [...fixed, width - fixed.reduce((a, b) => a + b, 0)];
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: ['名次', '单位', '得分', '等次', '备注'].map((h, i) =>
          cell(h, { header: true, width: widths[i] }),
        ),
      }),
      ...result.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(String(r.rank), { width: widths[0], center: true }),
              cell(r.unitName, { width: widths[1] }),
              cell(r.score, { width: widths[2], center: true }),
              cell(r.grade, { width: widths[3], center: true }),
              cell(r.note, { width: widths[4] }),
            ],
          }),
      ),
    ],
  });
  const counts = result.gradeCounts.map((g) => `${g.grade} ${g.count} 个`).join('，');
  return pack(
    [
      title(result.title),
      line(`共 ${result.rows.length} 个单位：${counts}。`, width, result.state),
      table,
      small('得分相同的单位名次相同。'),
    ],
    { title: result.title, creator, landscape: false },
  );
}
