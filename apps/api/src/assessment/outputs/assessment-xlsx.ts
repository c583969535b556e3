import { neutraliseFormula } from '@duty/shared/spreadsheet-text';
import ExcelJS from 'exceljs';
import type { ResultTable, UnitForm } from './assessment-forms';

/**
 * The 考核评分表 and the 考核结果表 as XLSX in the layout of the DOCX: a merged title row, the
 * unit and year, a ruled table whose header repeats on every printed page, the chapter merged
 * over its indicators, the totals and the signature lines; A4 (landscape for the form), fitted
 * to the page width. Unlike the analysis workbooks (ranking.xlsx, unit.xlsx) these are the forms
 * offices print, sign and file. Every text cell goes through the export-wide formula rule.
 */

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const RULED: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '仿宋_GB2312';
const HEADING = '黑体';

function titleRow(sheet: ExcelJS.Worksheet, text: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  const cell = sheet.getCell(1, 1);
  cell.value = neutraliseFormula(text);
  cell.font = { name: '方正小标宋简体', size: 18 };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;
}

function infoRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  left: string,
  right: string,
  columns: number,
) {
  const split = Math.ceil(columns / 2);
  sheet.mergeCells(row, 1, row, split);
  sheet.mergeCells(row, split + 1, row, columns);
  sheet.getCell(row, 1).value = neutraliseFormula(left);
  sheet.getCell(row, split + 1).value = neutraliseFormula(right);
  sheet.getCell(row, split + 1).alignment = { horizontal: 'right' };
  for (const c of [1, split + 1]) sheet.getCell(row, c).font = { name: FONT, size: 12 };
}

function headerRow(sheet: ExcelJS.Worksheet, row: number, headers: string[]): void {
  headers.forEach((h, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = h;
    cell.font = { name: HEADING, size: 10.5 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = RULED;
  });
  sheet.getRow(row).height = 24;
}

/** A ruled body row; `center` lists the 1-based columns centred. */
function bodyRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  values: Array<string | number>,
  center: number[],
  bold = false,
): void {
  values.forEach((v, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = typeof v === 'string' ? neutraliseFormula(v) : v;
    cell.font = { name: bold ? HEADING : FONT, size: 10.5 };
    cell.alignment = {
      horizontal: center.includes(i + 1) ? 'center' : 'left',
      vertical: 'middle',
      wrapText: true,
    };
    cell.border = RULED;
  });
}

/** A note under the table, merged across it. */
function noteRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  columns: number,
  height = 20,
) {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = neutraliseFormula(text);
  cell.font = { name: FONT, size: 10.5 };
  cell.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(row).height = height;
}

/** Two decimals as a number cell (sums and sorting work in Excel), the text shown as written. */
const score = (text: string): number | string => (text === '' ? '' : Number(text));

/** The unit's 考核评分表 as XLSX bytes. */
export async function unitFormXlsx(form: UnitForm, creator: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = creator;
  const sheet = book.addWorksheet('考核评分表', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const columns = 7;
  sheet.columns = [6, 20, 30, 9, 34, 9, 28].map((width) => ({ width }));
  titleRow(sheet, form.title, columns);
  infoRow(
    sheet,
    2,
    `被考核单位：${form.unitName}（${form.unitCode}）`,
    `考核年度：${form.year}年`,
    columns,
  );
  headerRow(sheet, 3, ['序号', '考核内容', '考核指标', '分值', '评分标准', '得分', '情况说明']);
  sheet.pageSetup.printTitlesRow = '3:3';
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  let row = 4;
  let chapterStart = row;
  form.rows.forEach((r, i) => {
    if (r.chapter) chapterStart = row;
    bodyRow(
      sheet,
      row,
      [r.no, r.chapter, r.indicator, score(r.marks), r.criteria, score(r.earned), r.note],
      [1, 4, 6],
    );
    sheet.getCell(row, 4).numFmt = '0.00';
    sheet.getCell(row, 6).numFmt = '0.00';
    const next = form.rows[i + 1];
    if ((!next || next.chapter) && row > chapterStart) sheet.mergeCells(chapterStart, 2, row, 2);
    row += 1;
  });
  const deducted = form.deductions.reduce((sum, d) => sum + Number(d.points), 0);
  const summaries: Array<[string, string, number | string, string]> = [
    [
      '扣分',
      form.deductions.map((d) => `${d.reason}（${d.points} 分）`).join('\n') || '无',
      deducted ? -Math.round(deducted * 100) / 100 : 0,
      '',
    ],
    [
      '加分',
      `申报 ${form.bonus.requested} 分，计入 ${form.bonus.applied} 分`,
      score(form.bonus.applied),
      '',
    ],
    ['合计得分', '', score(form.total), form.state],
    ['考核等次', form.grade, '', form.rank],
  ];
  for (const [label, detail, value, note] of summaries) {
    bodyRow(sheet, row, [label, '', '', detail, '', value, note], [1, 6], true);
    sheet.getCell(row, 4).font = { name: FONT, size: 10.5 };
    sheet.getCell(row, 7).font = { name: FONT, size: 10.5 };
    sheet.getCell(row, 6).numFmt = '0.00';
    sheet.mergeCells(row, 1, row, 3);
    sheet.mergeCells(row, 4, row, 5);
    row += 1;
  }
  noteRow(sheet, row, `计分说明：${form.rulesNote}`, columns, 48);
  row += 2;
  noteRow(
    sheet,
    row,
    '填表人：＿＿＿＿＿＿    审核人：＿＿＿＿＿＿    单位负责人：＿＿＿＿＿＿        （单位盖章）    年    月    日',
    columns,
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The province's 考核结果表 of one level as XLSX bytes. */
export async function resultTableXlsx(result: ResultTable, creator: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = creator;
  const sheet = book.addWorksheet('考核结果', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const columns = 5;
  sheet.columns = [8, 26, 10, 10, 40].map((width) => ({ width }));
  titleRow(sheet, result.title, columns);
  const counts = result.gradeCounts.map((g) => `${g.grade} ${g.count} 个`).join('，');
  infoRow(sheet, 2, `共 ${result.rows.length} 个单位：${counts}`, result.state, columns);
  headerRow(sheet, 3, ['名次', '单位', '得分', '等次', '备注']);
  sheet.pageSetup.printTitlesRow = '3:3';
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  let row = 4;
  for (const r of result.rows) {
    bodyRow(sheet, row, [r.rank, r.unitName, score(r.score), r.grade, r.note], [1, 3, 4]);
    sheet.getCell(row, 3).numFmt = '0.00';
    row += 1;
  }
  noteRow(sheet, row, '得分相同的单位名次相同。', columns);
  return Buffer.from(await book.xlsx.writeBuffer());
}
